package io.github.enhance4j.training.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small archives and images made in code, so that no fixture comes from elsewhere. */
final class TestArchives {

    private TestArchives() {
    }

    /** An entry to write: a file, or with {@code linkTarget} a symbolic (or hard) link, or a directory. */
    record Entry(String name, byte[] bytes, String linkTarget, boolean hardLink, boolean directory) {
        static Entry file(String name, byte[] bytes) {
            return new Entry(name, bytes, null, false, false);
        }

        static Entry symlink(String name, String target) {
            return new Entry(name, new byte[0], target, false, false);
        }

        static Entry hardLink(String name, String target) {
            return new Entry(name, new byte[0], target, true, false);
        }

        static Entry directory(String name) {
            return new Entry(name, new byte[0], null, false, true);
        }
    }

    /** A PNG of {@code width x height} whose pixels encode {@code seed}, so that images differ. */
    static byte[] png(int width, int height, int seed) {
        return encode(image(width, height, seed), "png");
    }

    static byte[] jpeg(int width, int height, int seed) {
        return encode(image(width, height, seed), "jpeg");
    }

    static BufferedImage image(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((seed * 40) & 0xFF) << 16 | ((x * 20) & 0xFF) << 8 | ((y * 20) & 0xFF));
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    static Path tgz(Path file, List<Entry> entries) throws IOException {
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file))) {
            writeTar(out, entries);
        }
        return file;
    }

    static Path tar(Path file, List<Entry> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTar(out, entries);
        }
        return file;
    }

    private static void writeTar(OutputStream out, List<Entry> entries) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (Entry e : entries) {
            TarArchiveEntry entry;
            if (e.linkTarget() != null) {
                entry = new TarArchiveEntry(e.name(), e.hardLink() ? TarConstants.LF_LINK : TarConstants.LF_SYMLINK);
                entry.setLinkName(e.linkTarget());
            } else if (e.directory()) {
                entry = new TarArchiveEntry(e.name().endsWith("/") ? e.name() : e.name() + "/");
            } else {
                // preserveAbsolutePath keeps hostile names as they are, as an attacker's tool would
                entry = new TarArchiveEntry(e.name(), true);
                entry.setSize(e.bytes().length);
            }
            tar.putArchiveEntry(entry);
            tar.write(e.bytes());
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }

    static Path zip(Path file, List<Entry> entries) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (Entry e : entries) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.directory() ? e.name() + "/" : e.name());
                if (e.linkTarget() != null) {
                    entry.setUnixMode(0120777);
                    zip.putArchiveEntry(entry);
                    zip.write(e.linkTarget().getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.putArchiveEntry(entry);
                    zip.write(e.bytes());
                }
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    /** Three images in the LFW layout, out of order, plus a text file that is not an image. */
    static List<Entry> lfwLike() {
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.directory("lfw/"));
        entries.add(Entry.file("lfw/Bob/Bob_0001.jpg", jpeg(12, 10, 1)));
        entries.add(Entry.file("lfw/Alice/Alice_0002.PNG", png(8, 6, 2)));
        entries.add(Entry.file("lfw/Alice/Alice_0001.png", png(8, 6, 3)));
        entries.add(Entry.file("lfw/README.txt", text("not an image")));
        return entries;
    }
}
