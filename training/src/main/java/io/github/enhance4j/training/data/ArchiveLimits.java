package io.github.enhance4j.training.data;

/**
 * Bounds on what {@link ImageArchive} reads, against archive bombs (a small archive that expands to gigabytes, or
 * millions of entries). They are checked on the bytes actually decompressed, never on the sizes an archive
 * declares, which a hostile archive can fake.
 *
 * @param maxEntryBytes the largest image file kept, in bytes
 * @param maxTotalBytes the most bytes decompressed from the whole source, images and skipped entries together
 * @param maxEntries    the most entries (files, folders, skipped entries) in the source
 */
public record ArchiveLimits(long maxEntryBytes, long maxTotalBytes, int maxEntries) {

    /** 64 MiB per image, 4 GiB in all, one million entries: far above LFW (13,233 images, 110 MB). */
    public static final ArchiveLimits DEFAULTS = new ArchiveLimits(64L << 20, 4L << 30, 1_000_000);

    public ArchiveLimits {
        if (maxEntryBytes < 1 || maxTotalBytes < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("archive limits must be positive, got maxEntryBytes=" + maxEntryBytes
                    + ", maxTotalBytes=" + maxTotalBytes + ", maxEntries=" + maxEntries);
        }
    }

    public ArchiveLimits withMaxEntryBytes(long bytes) {
        return new ArchiveLimits(bytes, maxTotalBytes, maxEntries);
    }

    public ArchiveLimits withMaxTotalBytes(long bytes) {
        return new ArchiveLimits(maxEntryBytes, bytes, maxEntries);
    }

    public ArchiveLimits withMaxEntries(int entries) {
        return new ArchiveLimits(maxEntryBytes, maxTotalBytes, entries);
    }
}
