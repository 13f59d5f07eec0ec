package io.github.enhance4j.video;

import io.github.enhance4j.EnhanceException;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A video could not be read: missing, not a video, damaged or cut short, or in a codec this FFmpeg build does not
 * decode. {@link #source()} names the file; the message says why and what to do. No output file is left behind
 * when this is thrown during {@link VideoEnhancer#enhance(Path, Path)}.
 */
public class VideoReadException extends EnhanceException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (a batch tool that skips, counts or stops). */
    public enum Reason {
        /** The file does not exist. */
        NOT_FOUND,
        /** The file exists but could not be read (permissions, an I/O error). */
        UNREADABLE,
        /** No demuxer recognises the data, or the file has no video stream (an image, sound only). */
        NOT_A_VIDEO,
        /** The container was recognised but its data is damaged. */
        CORRUPT,
        /** The file ends before the frames its container declares: a copy or a download cut short. */
        TRUNCATED,
        /** The video stream's codec has no decoder in this FFmpeg build. */
        UNSUPPORTED_CODEC
    }

    /** @serial the file that failed */
    private final String source;
    /** @serial why the video could not be read */
    private final Reason reason;

    /**
     * An exception for a video file.
     *
     * @param source  the file that could not be read
     * @param reason  why, as a category
     * @param message why, for people; the exception's message is {@code "Cannot read video SOURCE: MESSAGE"}
     * @param cause   the underlying failure, or {@code null}
     */
    public VideoReadException(Path source, Reason reason, String message, Throwable cause) {
        super("Cannot read video " + source + ": " + message, cause);
        this.source = String.valueOf(Objects.requireNonNull(source, "source"));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@return the file that failed} */
    public String source() {
        return source;
    }

    /** {@return why the video could not be read} */
    public Reason reason() {
        return reason;
    }
}
