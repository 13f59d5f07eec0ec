package io.github.enhance4j.image;

import io.github.enhance4j.ImageWriteException;
import io.github.enhance4j.spi.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write half of {@link ImageFiles}: choosing the writer, adapting the image, and writing atomically through
 * a temporary file in the target folder that is renamed over the target only once complete.
 */
final class ImageFileWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);
    private static final float JPEG_QUALITY = 0.95f;

    private ImageFileWriter() {
    }

    /** Writes in {@code formatName}, or by the extension of {@code path} when it is null. */
    static void write(BufferedImage image, Path path, String formatName) {
        ImageWriter writer = formatName == null ? writerForExtension(path) : writerForFormat(formatName, path);
        try {
            FileFormat format = FileFormat.of(writer.getOriginatingProvider());
            Path target = path.toAbsolutePath();
            Path folder = target.getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                throw new ImageWriteException(path, "the folder " + folder + " does not exist; create it first",
                        null);
            }
            BufferedImage prepared = FormatAdapter.prepare(image, format, writer.getOriginatingProvider());
            if (prepared == null) {
                throw new ImageWriteException(path, "the " + format + " writer accepts none of the layouts this "
                        + PixelFormat.of(image) + " image can be converted to", null);
            }
            writeWithFallback(writer, prepared, format, target, path);
        } finally {
            writer.dispose();
        }
    }

    /**
     * Encodes in memory, with the same writer choice, adaptation and fallback as a file, for callers that keep the
     * bytes elsewhere than in a local file.
     */
    static byte[] encode(BufferedImage image, String formatName) {
        Path reported = Path.of("in-memory." + formatName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_"));
        ImageWriter writer = writerForFormat(formatName, reported);
        try {
            FileFormat format = FileFormat.of(writer.getOriginatingProvider());
            BufferedImage prepared = FormatAdapter.prepare(image, format, writer.getOriginatingProvider());
            if (prepared == null) {
                throw new ImageWriteException(reported, "the " + format + " writer accepts none of the layouts this "
                        + PixelFormat.of(image) + " image can be converted to", null);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            withFallback(writer, prepared, format, reported, attempt -> {
                bytes.reset();
                try {
                    encode(writer, attempt, format, bytes);
                } catch (EncoderException e) {
                    throw new EncodingFailure((Exception) e.getCause());
                }
            });
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /** One complete encoding of an image to wherever it goes. */
    @FunctionalInterface
    private interface Attempt {
        void write(BufferedImage image) throws EncodingFailure;
    }

    /** Some writers accept a layout, then fail on it; a standard 8-bit copy is the second chance. */
    private static void writeWithFallback(ImageWriter writer, BufferedImage image, FileFormat format, Path target,
            Path reported) {
        withFallback(writer, image, format, reported, attempt -> writeAtomically(writer, attempt, format, target,
                reported));
    }

    private static void withFallback(ImageWriter writer, BufferedImage image, FileFormat format, Path reported,
            Attempt attempt) {
        try {
            attempt.write(image);
        } catch (EncodingFailure first) {
            BufferedImage simpler = FormatAdapter.toStandardEightBit(image, format, writer.getOriginatingProvider());
            if (simpler == null) {
                throw new ImageWriteException(reported, "the " + format + " writer failed: " + first.getCause(),
                        first.getCause());
            }
            LOG.debug("The {} writer failed on {} ({}); retrying with {}", format, PixelFormat.of(image),
                    first.getCause().toString(), PixelFormat.of(simpler));
            writer.reset();
            try {
                attempt.write(simpler);
            } catch (EncodingFailure second) {
                second.getCause().addSuppressed(first.getCause());
                throw new ImageWriteException(reported, "the " + format + " writer failed: " + second.getCause(),
                        second.getCause());
            }
        }
    }

    private static void writeAtomically(ImageWriter writer, BufferedImage image, FileFormat format, Path target,
            Path reported) throws EncodingFailure {
        try {
            AtomicFiles.write(target, out -> encode(writer, image, format, out));
        } catch (EncoderException e) {
            throw new EncodingFailure((Exception) e.getCause());
        } catch (IOException e) {
            throw new ImageWriteException(reported, "cannot write the file into " + target.getParent() + ": " + e,
                    e);
        }
    }

    private static void encode(ImageWriter writer, BufferedImage image, FileFormat format, OutputStream file)
            throws EncoderException {
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (format == FileFormat.JPEG && param.canWriteCompressed()) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
        }
        IIOMetadata metadata = IccProfiles.metadataWithProfile(writer, image, param, format);
        try {
            OutputStream bytes = new BufferedOutputStream(file);
            ImageOutputStream out = new MemoryCacheImageOutputStream(bytes);
            try {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            } finally {
                out.close();
            }
            bytes.flush();
        } catch (IOException | RuntimeException e) {
            throw new EncoderException(e);
        }
    }

    private static ImageWriter writerForExtension(Path path) {
        Path name = path.getFileName();
        String file = name == null ? "" : name.toString();
        int dot = file.lastIndexOf('.');
        if (dot < 0 || dot == file.length() - 1) {
            throw new ImageWriteException(path, "the file name has no extension to choose a format by; use one of "
                    + writableSuffixes() + " or name the format", null);
        }
        String suffix = file.substring(dot + 1).toLowerCase(Locale.ROOT);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersBySuffix(suffix);
        if (!writers.hasNext()) {
            throw new ImageWriteException(path, "no ImageIO writer for the extension ." + suffix
                    + "; writable extensions: " + writableSuffixes(), null);
        }
        return writers.next();
    }

    private static ImageWriter writerForFormat(String formatName, Path path) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(formatName);
        if (!writers.hasNext()) {
            writers = ImageIO.getImageWritersByFormatName(formatName.toLowerCase(Locale.ROOT));
        }
        if (!writers.hasNext()) {
            throw new ImageWriteException(path, "no ImageIO writer for the format '" + formatName
                    + "'; writable formats: " + lowerCaseSorted(ImageIO.getWriterFormatNames()), null);
        }
        return writers.next();
    }

    static String writableSuffixes() {
        return lowerCaseSorted(ImageIO.getWriterFileSuffixes());
    }

    private static String lowerCaseSorted(String[] names) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String name : names) {
            sorted.add(name.toLowerCase(Locale.ROOT));
        }
        return String.join(", ", sorted);
    }

    /** Carries an encoder failure out of {@link AtomicFiles}' content callback, which may throw IOException only. */
    private static final class EncoderException extends IOException {
        private static final long serialVersionUID = 1L;

        EncoderException(Exception cause) {
            super(cause);
        }
    }

    /** An exception from the encoder, kept apart from file-system failures because it deserves a retry. */
    private static final class EncodingFailure extends Exception {
        private static final long serialVersionUID = 1L;

        EncodingFailure(Exception cause) {
            super(cause);
        }
    }
}
