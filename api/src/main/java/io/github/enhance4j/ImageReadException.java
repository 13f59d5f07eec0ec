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

    /** @serial the path or stream name that failed */
    private final String source;
    /** @serial why the image could not be read */
    private final Reason reason;

    /**
     * An exception for an image named by a string (a stream's name, a URL).
     *
     * @param source  the name of what could not be read
     * @param reason  why, as a category
     * @param message why, for people; the exception's message is {@code "Cannot read image SOURCE: MESSAGE"}
     * @param cause   the underlying failure, or {@code null}
     */
    public ImageReadException(String source, Reason reason, String message, Throwable cause) {
        super("Cannot read image " + source + ": " + message, cause);
        this.source = Objects.requireNonNull(source, "source");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * An exception for an image file.
     *
     * @param source  the file that could not be read
     * @param reason  why, as a category
     * @param message why, for people; the exception's message is {@code "Cannot read image SOURCE: MESSAGE"}
     * @param cause   the underlying failure, or {@code null}
     */
    public ImageReadException(Path source, Reason reason, String message, Throwable cause) {
        this(String.valueOf(source), reason, message, cause);
    }

    /** {@return the path or stream name that failed} */
    public String source() {
        return source;
    }

    /** {@return why the image could not be read} */
    public Reason reason() {
        return reason;
    }
}
