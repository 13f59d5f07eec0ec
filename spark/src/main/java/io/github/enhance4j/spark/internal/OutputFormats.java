package io.github.enhance4j.spark.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;

/**
 * Which format an output is encoded in: one that was asked for, or the input's own where ImageIO can write it, else
 * PNG (as the {@code enhance} command line decides).
 */
public final class OutputFormats {

    /** The format for inputs whose own cannot be written, or that have none (image structs). */
    public static final String FALLBACK = "png";

    private OutputFormats() {
    }

    /**
     * Checks that ImageIO writes a format.
     *
     * @param format a format name or file extension, e.g. {@code png}, {@code jpg}
     * @return it in lower case
     * @throws IllegalArgumentException listing the writable ones, if it is not one
     */
    public static String checkWritable(String format) {
        String lower = format.strip().toLowerCase(Locale.ROOT);
        if (!isWritable(lower)) {
            throw new IllegalArgumentException("no ImageIO writer for the format '" + format + "'; writable: "
                    + writable());
        }
        return lower;
    }

    /**
     * {@return whether ImageIO writes a format, named as a format or a file extension}
     *
     * @param format e.g. {@code jpg}, {@code jpeg}, {@code png}
     */
    public static boolean isWritable(String format) {
        String lower = format.toLowerCase(Locale.ROOT);
        return !lower.isEmpty() && (ImageIO.getImageWritersBySuffix(lower).hasNext()
                || ImageIO.getImageWritersByFormatName(lower).hasNext());
    }

    /** {@return the writable file extensions, sorted, for messages} */
    public static String writable() {
        TreeSet<String> names = new TreeSet<>();
        for (String suffix : ImageIO.getWriterFileSuffixes()) {
            names.add(suffix.toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }

    /**
     * The output format for an output file named after its input, as the {@code enhance} command line does: the
     * format asked for, else the input's extension where ImageIO writes it, else PNG.
     *
     * @param inputExtension the input file's extension, without the dot; may be empty
     * @param requested      the format asked for, or {@code null}
     * @return the format, which is also the output file's extension
     */
    public static String forFileName(String inputExtension, String requested) {
        if (requested != null) {
            return requested.toLowerCase(Locale.ROOT);
        }
        String lower = inputExtension.toLowerCase(Locale.ROOT);
        return !lower.isEmpty() && ImageIO.getImageWritersBySuffix(lower).hasNext() ? lower : FALLBACK;
    }

    /**
     * The input's own format, found from its first bytes, where ImageIO can write it; else PNG.
     *
     * @param encoded an encoded image (PNG, JPEG, ...)
     * @return a format name usable as a file extension, e.g. {@code jpg} for JPEG
     */
    public static String sameAs(byte[] encoded) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return FALLBACK;
            }
            ImageReader reader = readers.next();
            try {
                ImageWriter writer = ImageIO.getImageWriter(reader);
                if (writer == null) {
                    return FALLBACK;
                }
                try {
                    String[] suffixes = writer.getOriginatingProvider().getFileSuffixes();
                    return suffixes == null || suffixes.length == 0 ? reader.getFormatName().toLowerCase(Locale.ROOT)
                            : suffixes[0].toLowerCase(Locale.ROOT);
                } finally {
                    writer.dispose();
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return FALLBACK;
        }
    }
}
