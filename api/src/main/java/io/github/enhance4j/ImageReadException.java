package io.github.enhance4j;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image could not be read: missing, unreadable, in a format no ImageIO plugin decodes, corrupt, or larger
 * than the configured pixel limit. {@link #source()} names the file or stream; the message says why and what
 * to do.
 */
public class ImageReadException extends EnhanceException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (a CLI that skips, counts or stops). */
    public enum Reason {
        /** The file does not exist. */
        NOT_FOUND,
        /** The file exists but could not be read (permissions, I/O error). */
        UNREADABLE,
        /** No installed ImageIO reader recognises the data. */
        UNSUPPORTED_FORMAT,
        /** A reader recognised the format but the data is damaged or truncated. */
        CORRUPT,
        /** The declared size is above the pixel limit (protection against decompression bombs). */
        TOO_LARGE
    }

    private final String source;
    private final Reason reason;

    public ImageReadException(String source, Reason reason, String message, Throwable cause) {
        super("Cannot read image " + source + ": " + message, cause);
        this.source = Objects.requireNonNull(source, "source");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ImageReadException(Path source, Reason reason, String message, Throwable cause) {
        this(String.valueOf(source), reason, message, cause);
    }

    /** The path or stream name that failed. */
    public String source() {
        return source;
    }

    public Reason reason() {
        return reason;
    }
}
