package io.github.enhance4j.video;

import io.github.enhance4j.EnhanceException;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A video could not be written: no muxer for the file name's container, no encoder for the requested codec, a codec
 * the container cannot hold, an unwritable folder, a full disk. When this is thrown no file is left under the target
 * name (the video is written to a hidden temporary file beside it and renamed at the end).
 */
public class VideoWriteException extends EnhanceException {

    private static final long serialVersionUID = 1L;

    /** @serial the file that was to be written */
    private final String target;

    /**
     * An exception for a video that could not be written.
     *
     * @param target  the file that was to be written
     * @param message why, for people; the exception's message is {@code "Cannot write video TARGET: MESSAGE"}
     * @param cause   the underlying failure, or {@code null}
     */
    public VideoWriteException(Path target, String message, Throwable cause) {
        super("Cannot write video " + target + ": " + message, cause);
        this.target = String.valueOf(Objects.requireNonNull(target, "target"));
    }

    /** {@return the file that was to be written (no partial file is left under this name)} */
    public Path target() {
        return Path.of(target);
    }
}
