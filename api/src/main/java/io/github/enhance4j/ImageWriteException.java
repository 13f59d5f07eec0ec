package io.github.enhance4j;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image could not be written: no ImageIO writer for the requested format, the target folder is missing or
 * not writable, or the disk is full. When this is thrown no partial file is left under the target name.
 */
public class ImageWriteException extends EnhanceException {

    private static final long serialVersionUID = 1L;

    /** @serial the file that was to be written */
    private final Path target;

    /**
     * An exception for an image that could not be written.
     *
     * @param target  the file that was to be written
     * @param message why, for people; the exception's message is {@code "Cannot write image TARGET: MESSAGE"}
     * @param cause   the underlying failure, or {@code null}
     */
    public ImageWriteException(Path target, String message, Throwable cause) {
        super("Cannot write image " + target + ": " + message, cause);
        this.target = Objects.requireNonNull(target, "target");
    }

    /** {@return the file that was to be written (no partial file is left under this name)} */
    public Path target() {
        return target;
    }
}
