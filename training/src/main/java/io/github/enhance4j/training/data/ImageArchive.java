package io.github.enhance4j.training.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the image files of a folder (recursively) or of an archive ({@code .tgz}, {@code .tar.gz}, {@code .tar},
 * {@code .zip}) into memory, still compressed, without unpacking anything to disk. LFW's
 * {@code lfw-deepfunneled.tgz} is read as is.
 *
 * <p>Files whose extension is one of {@link #IMAGE_EXTENSIONS} (any case) are kept; other files are skipped, and
 * so are macOS metadata ({@code __MACOSX/} folders and {@code ._name} files), which carry image extensions but
 * are not images. The result is sorted by name, so the same source always gives the same list; when an archive
 * holds one name twice, the later entry wins, as when extracting it.
 *
 * <p>Hostile archives are refused loudly even though nothing is extracted: an entry whose path is absolute or has
 * a {@code ..} segment, a symbolic or hard link, or a device entry raises a {@link DatasetException} naming the
 * entry ({@link DatasetException.Reason#UNSAFE_ENTRY}). Archive bombs are bounded by {@link ArchiveLimits},
 * counted on the bytes actually decompressed.
 *
 * <p>All methods are thread-safe.
 */
public final class ImageArchive {

    /** The extensions kept, lower case. */
    public static final List<String> IMAGE_EXTENSIONS =
            List.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "webp");

    /** The archive names understood, besides folders. */
    public static final List<String> ARCHIVE_SUFFIXES = List.of(".tgz", ".tar.gz", ".tar", ".zip");

    private static final Logger LOG = LoggerFactory.getLogger(ImageArchive.class);
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private ImageArchive() {
    }

    /** Reads with {@link ArchiveLimits#DEFAULTS}. */
    public static List<EncodedImage> read(Path source) {
        return read(source, ArchiveLimits.DEFAULTS);
    }

    /**
     * Reads the image files of a folder or archive.
     *
     * @param source a folder, or a file whose name ends with one of {@link #ARCHIVE_SUFFIXES} (any case)
     * @return the images sorted by name, never empty
     * @throws DatasetException when the source is missing, of an unknown type, damaged, unsafe, above the limits,
     *                          or holds no images; see {@link DatasetException#reason()}
     */
    public static List<EncodedImage> read(Path source, ArchiveLimits limits) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(limits, "limits");
        if (!Files.exists(source)) {
            throw new DatasetException(source.toString(), DatasetException.Reason.NOT_FOUND,
                    "Training data not found: " + source.toAbsolutePath() + " does not exist. Pass a folder of"
                            + " images or an archive (" + String.join(", ", ARCHIVE_SUFFIXES) + ").");
        }
        long start = System.nanoTime();
        EntryCollector collector = new EntryCollector(source.toString(), limits);
        if (Files.isDirectory(source)) {
            readFolder(source, collector);
        } else {
            switch (archiveType(source)) {
                case TAR_GZ -> readTar(source, true, collector);
                case TAR -> readTar(source, false, collector);
                case ZIP -> readZip(source, collector);
                default -> throw new IllegalStateException();
            }
        }
        List<EncodedImage> images = collector.images();
        if (images.isEmpty()) {
            throw new DatasetException(source.toString(), DatasetException.Reason.NO_IMAGES,
                    "No images found in " + source + " (" + collector.entries() + " entries looked at). Image files"
                            + " are recognised by their extension: " + String.join(", ", IMAGE_EXTENSIONS) + ".");
        }
        LOG.debug("Read {} images ({} bytes) from {} in {} ms; {} entries in all", images.size(),
                collector.imageBytes(), source, (System.nanoTime() - start) / 1_000_000, collector.entries());
        return images;
    }

    /** Whether a file name has one of the {@link #IMAGE_EXTENSIONS}, in any case. */
    public static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return dot > slash && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private enum ArchiveType { TAR_GZ, TAR, ZIP }

    private static ArchiveType archiveType(Path source) {
        Path fileName = source.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tgz") || name.endsWith(".tar.gz")) {
            return ArchiveType.TAR_GZ;
        }
        if (name.endsWith(".tar")) {
            return ArchiveType.TAR;
        }
        if (name.endsWith(".zip")) {
            return ArchiveType.ZIP;
        }
        throw new DatasetException(source.toString(), DatasetException.Reason.UNSUPPORTED_TYPE,
                "Unknown archive type: " + source + ". Supported: a folder of images, or an archive named *"
                        + String.join(", *", ARCHIVE_SUFFIXES) + ".");
    }

    private static void readFolder(Path folder, EntryCollector collector) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.forEach(path -> {
                collector.countEntry(folder.relativize(path).toString());
                if (Files.isRegularFile(path)) {
                    files.add(path);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException(folder.toString(), DatasetException.Reason.CORRUPT,
                    "Cannot list the folder " + folder + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            String name = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            if (!collector.wanted(name)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                collector.addImage(name, in, Files.size(file));
            } catch (IOException e) {
                throw new DatasetException(file.toString(), DatasetException.Reason.CORRUPT,
                        "Cannot read " + file + ": " + e, e);
            }
        }
    }

    private static void readTar(Path archive, boolean gzipped, EntryCollector collector) {
        String current = null;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), BUFFER_SIZE);
             InputStream raw = gzipped ? GzipCompressorInputStream.builder().setInputStream(file)
                     .setDecompressConcatenated(true).get() : file;
             TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                current = entry.getName();
                String name = collector.safeName(current);
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw collector.unsafe(current, "is a " + (entry.isSymbolicLink() ? "symbolic" : "hard")
                            + " link to " + entry.getLinkName());
                }
                if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    throw collector.unsafe(current, "is a device or pipe, not a file");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (collector.wanted(name)) {
                    collector.addImage(name, tar, entry.getSize());
                } else {
                    collector.skip(name, tar);
                }
            }
        } catch (IOException e) {
            throw collector.corrupt(archive, gzipped ? "gzip-compressed tar archive" : "tar archive", current, e);
        }
    }

    private static void readZip(Path archive, EntryCollector collector) {
        String current = null;
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                current = entry.getName();
                String name = collector.safeName(current);
                if (entry.isUnixSymlink()) {
                    throw collector.unsafe(current, "is a symbolic link");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                boolean wanted = collector.wanted(name);
                if (wanted && !zip.canReadEntryData(entry)) {
                    throw new DatasetException(archive + "!" + current, DatasetException.Reason.CORRUPT,
                            "Cannot read entry " + current + " of " + archive + ": it is encrypted or uses an"
                                    + " unsupported compression method (" + entry.getMethod() + "). Re-create the"
                                    + " zip without encryption, with the usual deflate compression.");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    if (wanted) {
                        collector.addImage(name, in, entry.getSize());
                    } else {
                        collector.skip(name, in);
                    }
                }
            }
        } catch (IOException e) {
            throw collector.corrupt(archive, "zip archive", current, e);
        }
    }

    /** Counts entries and bytes against the limits and keeps the images, sorted by name. */
    private static final class EntryCollector {

        private final String source;
        private final ArchiveLimits limits;
        private final TreeMap<String, EncodedImage> images = new TreeMap<>();
        private final byte[] buffer = new byte[BUFFER_SIZE];
        private int entries;
        private long totalBytes;
        private long imageBytes;

        EntryCollector(String source, ArchiveLimits limits) {
            this.source = source;
            this.limits = limits;
        }

        void countEntry(String name) {
            entries++;
            if (entries > limits.maxEntries()) {
                throw new DatasetException(source, DatasetException.Reason.LIMIT_EXCEEDED, source + " has more than "
                        + limits.maxEntries() + " entries (reached at " + name + "): refused as a possible archive"
                        + " bomb. Raise ArchiveLimits.maxEntries if the data is trusted.");
            }
        }

        /** The entry name with {@code /} separators and no {@code .} segments, after the safety checks. */
        String safeName(String raw) {
            countEntry(raw);
            String name = raw.replace('\\', '/');
            if (name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':') || name.indexOf('\0') >= 0) {
                throw unsafe(raw, "has an absolute path");
            }
            StringBuilder clean = new StringBuilder(name.length());
            for (String segment : name.split("/")) {
                if (segment.equals("..")) {
                    throw unsafe(raw, "has a '..' segment that points outside the archive");
                }
                if (!segment.isEmpty() && !segment.equals(".")) {
                    if (clean.length() > 0) {
                        clean.append('/');
                    }
                    clean.append(segment);
                }
            }
            return clean.toString();
        }

        boolean wanted(String name) {
            if (!isImageName(name)) {
                return false;
            }
            String fileName = name.substring(name.lastIndexOf('/') + 1);
            return !fileName.startsWith("._") && !name.startsWith("__MACOSX/") && !name.contains("/__MACOSX/");
        }

        void addImage(String name, InputStream in, long declaredSize) throws IOException {
            int initial = (int) Math.max(0, Math.min(Math.min(declaredSize, limits.maxEntryBytes()), 1 << 24));
            GrowableBytes bytes = new GrowableBytes(initial);
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (bytes.size() + (long) n > Math.min(limits.maxEntryBytes(), MAX_ARRAY)) {
                    throw new DatasetException(source + "!" + name, DatasetException.Reason.LIMIT_EXCEEDED,
                            "Entry " + name + " of " + source + " is larger than " + limits.maxEntryBytes()
                                    + " bytes: refused as a possible archive bomb. Raise ArchiveLimits.maxEntryBytes"
                                    + " if the data is trusted.");
                }
                addTotal(name, n);
                bytes.append(buffer, n);
            }
            imageBytes += bytes.size();
            EncodedImage previous = images.put(name, new EncodedImage(name, bytes.toArray()));
            if (previous != null) {
                imageBytes -= previous.size();
                LOG.debug("{} holds {} twice; the later entry wins", source, name);
            }
        }

        void skip(String name, InputStream in) throws IOException {
            int n;
            while ((n = in.read(buffer)) != -1) {
                addTotal(name, n);
            }
        }

        private void addTotal(String name, int n) {
            totalBytes += n;
            if (totalBytes > limits.maxTotalBytes()) {
                throw new DatasetException(source, DatasetException.Reason.LIMIT_EXCEEDED, source
                        + " expands to more than " + limits.maxTotalBytes() + " bytes (reached at " + name
                        + "): refused as a possible archive bomb. Raise ArchiveLimits.maxTotalBytes if the data is"
                        + " trusted.");
            }
        }

        DatasetException unsafe(String entry, String why) {
            return new DatasetException(source + "!" + entry, DatasetException.Reason.UNSAFE_ENTRY,
                    "Refusing " + source + ": entry '" + entry + "' " + why + ". An archive of training images"
                            + " needs none of these; it may be hostile. Re-create it with plain files only.");
        }

        DatasetException corrupt(Path archive, String type, String entry, IOException e) {
            String where = entry == null ? "" : " after entry " + entry;
            return new DatasetException(archive.toString(), DatasetException.Reason.CORRUPT,
                    "Cannot read " + archive + " as a " + type + where + ": " + e.getMessage() + ". The file may"
                            + " be truncated (an interrupted download?) or not really a " + type
                            + "; download or create it again.", e);
        }

        int entries() {
            return entries;
        }

        long imageBytes() {
            return imageBytes;
        }

        List<EncodedImage> images() {
            return List.copyOf(images.values());
        }
    }

    /** A byte buffer without the locking of {@code ByteArrayOutputStream}. */
    private static final class GrowableBytes {
        private byte[] data;
        private int size;

        GrowableBytes(int initialCapacity) {
            data = new byte[Math.max(initialCapacity, 256)];
        }

        void append(byte[] source, int length) {
            if (size + length > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(MAX_ARRAY, Math.max(size + length, data.length * 2L)));
            }
            System.arraycopy(source, 0, data, size, length);
            size += length;
        }

        int size() {
            return size;
        }

        byte[] toArray() {
            return size == data.length ? data : Arrays.copyOf(data, size);
        }
    }
}
