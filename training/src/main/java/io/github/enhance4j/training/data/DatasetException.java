package io.github.enhance4j.training.data;

import io.github.enhance4j.EnhanceException;

import java.util.Objects;

/**
 * Training data could not be found, read, trusted or downloaded. {@link #source()} names the file, archive entry
 * or address; the message says why and what to do.
 */
public class DatasetException extends EnhanceException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (retry a download, report a bad file). */
    public enum Reason {
        /** The file or folder does not exist. */
        NOT_FOUND,
        /** The file exists but is not a folder or an archive type this reader knows. */
        UNSUPPORTED_TYPE,
        /** The archive or file could not be read: truncated, damaged, or an I/O error. */
        CORRUPT,
        /** An archive entry is unsafe: a path with {@code ..}, an absolute path, a link, a device. */
        UNSAFE_ENTRY,
        /** An {@link ArchiveLimits} bound was exceeded (protection against archive bombs). */
        LIMIT_EXCEEDED,
        /** The source holds no image files. */
        NO_IMAGES,
        /** The server could not be reached (offline, DNS, refused connection, timeout). */
        UNREACHABLE,
        /** The server answered, but not with the file (HTTP error status, unexpected answer). */
        DOWNLOAD_FAILED,
        /** The downloaded file does not have the expected SHA-256 checksum. */
        CHECKSUM_MISMATCH
    }

    private final String source;
    private final Reason reason;

    public DatasetException(String source, Reason reason, String message) {
        this(source, reason, message, null);
    }

    public DatasetException(String source, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.source = Objects.requireNonNull(source, "source");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The path, archive entry ({@code archive!entry}) or address concerned. */
    public String source() {
        return source;
    }

    public Reason reason() {
        return reason;
    }
}
