package io.github.enhance4j.image;

import io.github.enhance4j.ImageReadException;
import io.github.enhance4j.ImageReadException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.TreeSet;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The read half of {@link ImageFiles}: opening, format detection, the pixel limit, decoding, EXIF. */
final class ImageFileReader {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);

    private ImageFileReader() {
    }

    static BufferedImage read(Path path, long maxPixels) {
        if (Files.notExists(path)) {
            throw new ImageReadException(path, Reason.NOT_FOUND, "no such file", null);
        }
        if (Files.isDirectory(path)) {
            throw new ImageReadException(path, Reason.UNREADABLE, "it is a folder, not a file", null);
        }
        if (!Files.isReadable(path)) {
            throw new ImageReadException(path, Reason.UNREADABLE, "no permission to read it", null);
        }
        String source = path.toString();
        if (path.getFileSystem() == FileSystems.getDefault()) {
            ImageInputStream in;
            try {
                in = new FileImageInputStream(path.toFile());
            } catch (IOException e) {
                throw new ImageReadException(path, Reason.UNREADABLE, "cannot open it: " + e.getMessage(), e);
            }
            return decodeAndClose(in, source, maxPixels);
        }
        // zip and in-memory file systems have no java.io.File; ImageIO caches the stream instead
        try (InputStream stream = Files.newInputStream(path)) {
            return read(stream, source, maxPixels);
        } catch (IOException e) {
            throw new ImageReadException(path, Reason.UNREADABLE, "cannot open it: " + e.getMessage(), e);
        }
    }

    static BufferedImage read(InputStream stream, String source, long maxPixels) {
        ImageInputStream in;
        try {
            in = ImageIO.createImageInputStream(stream);
        } catch (IOException e) {
            throw new ImageReadException(source, Reason.UNREADABLE, "cannot open the stream: " + e.getMessage(), e);
        }
        if (in == null) {
            throw new ImageReadException(source, Reason.UNREADABLE, "ImageIO cannot open this kind of stream", null);
        }
        return decodeAndClose(in, source, maxPixels);
    }

    private static BufferedImage decodeAndClose(ImageInputStream in, String source, long maxPixels) {
        try {
            return decode(in, source, maxPixels);
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // the outcome is decided already; a failing close changes nothing for the caller
                LOG.debug("Ignoring failure to close {}", source, e);
            }
        }
    }

    private static BufferedImage decode(ImageInputStream in, String source, long maxPixels) {
        if (isEmpty(in, source)) {
            // an empty file is a failed download or copy, not a format question
            throw new ImageReadException(source, Reason.CORRUPT, "it is empty (0 bytes)", null);
        }
        ImageReader reader = firstReader(in, source);
        try {
            String format = reader.getOriginatingProvider() == null ? reader.getFormatName()
                    : reader.getOriginatingProvider().getFormatNames()[0];
            boolean jpeg = hasFormat(reader, "jpeg");
            int orientation = jpeg ? ExifOrientation.read(in, source) : ExifOrientation.NORMAL;
            if (hasFormat(reader, "bmp")) {
                checkBmpHeader(in, source, maxPixels);
            }
            // not seek-forward-only: GIF frames are counted after the first one is read
            reader.setInput(in, false, true);
            checkSize(reader, source, maxPixels);
            TruncationWarnings truncation = new TruncationWarnings();
            reader.addIIOReadWarningListener(truncation);
            BufferedImage image = reader.read(0);
            truncation.check(source);
            refuseCmyk(image, format, source);
            if (hasFormat(reader, "gif")) {
                warnIfAnimated(reader, source);
            }
            LOG.debug("Read {} ({}, {})", source, format, PixelFormat.of(image));
            return ExifOrientation.apply(image, orientation);
        } catch (ImageReadException e) {
            throw e;
        } catch (IIOException e) {
            if (String.valueOf(e.getMessage()).contains("Maximum supported image dimension")) {
                // libjpeg's own limit (65500 per side), met before ours can look at the header
                throw new ImageReadException(source, Reason.TOO_LARGE, "it declares a size the JPEG decoder refuses ("
                        + e.getMessage() + "), far above the limit of " + maxPixels + " pixels (a protection "
                        + "against decompression bombs)", e);
            }
            if (String.valueOf(e.getMessage()).contains("Unsupported Image Type")) {
                // the JDK's JPEG decoder says this for CMYK and YCCK files
                throw new ImageReadException(source, Reason.UNSUPPORTED_FORMAT, "the JDK's decoder does not support "
                        + "this variant of the format (" + e.getMessage() + "); add the TwelveMonkeys plugin "
                        + "com.twelvemonkeys.imageio:imageio-jpeg for CMYK/YCCK JPEG", e);
            }
            throw corrupt(source, e);
        } catch (IOException | RuntimeException e) {
            // ImageIO readers throw all sorts of runtime exceptions on damaged data
            throw corrupt(source, e);
        } finally {
            reader.dispose();
        }
    }

    private static boolean isEmpty(ImageInputStream in, String source) {
        try {
            in.mark();
            int first = in.read();
            in.reset();
            return first < 0;
        } catch (IOException e) {
            throw new ImageReadException(source, Reason.UNREADABLE, "cannot read it: " + e.getMessage(), e);
        }
    }

    private static ImageReader firstReader(ImageInputStream in, String source) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new ImageReadException(source, Reason.UNSUPPORTED_FORMAT, "no installed ImageIO reader "
                    + "recognises the data" + firstBytes(in) + ". Readable formats: " + readableFormats() + "."
                    + (twelveMonkeysInstalled() ? "" : " For more formats add TwelveMonkeys ImageIO plugins to the"
                    + " class path, e.g. com.twelvemonkeys.imageio:imageio-webp for WebP or"
                    + " com.twelvemonkeys.imageio:imageio-jpeg for CMYK JPEG"), null);
        }
        return readers.next();
    }

    /** How many leading bytes {@link #firstBytes} shows. */
    private static final int SHOWN_BYTES = 16;

    /**
     * The data's first bytes, so that a user sees what the file is instead (a web page saved under an image's name
     * starts with {@code <!DOCTYPE html>}): as text where they are printable ASCII, otherwise in hexadecimal.
     */
    private static String firstBytes(ImageInputStream in) {
        byte[] head = new byte[SHOWN_BYTES];
        int n;
        try {
            in.mark();
            n = in.read(head);
            in.reset();
        } catch (IOException e) {
            return "";
        }
        if (n <= 0) {
            return "";
        }
        boolean text = true;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            text &= (b >= 0x20 && b < 0x7F) || b == '\n' || b == '\r' || b == '\t';
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (text) {
                shown.append(b < 0x20 ? ' ' : (char) b);
            } else {
                shown.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", b));
            }
        }
        return text ? " (it starts with the text \"" + shown.toString().strip() + "\", not an image)"
                : " (its first bytes: " + shown + ")";
    }

    /** Whether any TwelveMonkeys ImageIO plugin is registered, so that advising to add them would be noise. */
    private static boolean twelveMonkeysInstalled() {
        Iterator<ImageReaderSpi> spis = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class,
                false);
        while (spis.hasNext()) {
            if (spis.next().getClass().getName().startsWith("com.twelvemonkeys.")) {
                return true;
            }
        }
        return false;
    }

    static String readableFormats() {
        TreeSet<String> names = new TreeSet<>();
        for (String name : ImageIO.getReaderFormatNames()) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }

    private static boolean hasFormat(ImageReader reader, String name) {
        String[] names = reader.getOriginatingProvider() == null ? new String[0]
                : reader.getOriginatingProvider().getFormatNames();
        return Arrays.stream(names).anyMatch(n -> n.equalsIgnoreCase(name));
    }

    /** Checks the declared size, which readers parse from the header, before any pixel is decoded. */
    private static void checkSize(ImageReader reader, String source, long maxPixels) throws IOException {
        refuseAbove(reader.getWidth(0), reader.getHeight(0), source, maxPixels);
    }

    /**
     * The JDK's BMP decoder refuses sizes above 2<sup>31</sup> pixels with "Unable to read the image header", which
     * hides why; the size is read here from the header (little-endian width and height at byte 18, or 16-bit ones
     * in the old 12-byte core header) so that such a file is reported as too large, like other formats.
     */
    private static void checkBmpHeader(ImageInputStream in, String source, long maxPixels) throws IOException {
        byte[] header = new byte[26];
        in.mark();
        int n;
        try {
            n = in.read(header);
        } finally {
            in.reset();
        }
        if (n < 26 || header[0] != 'B' || header[1] != 'M') {
            return; // too short to say: the decoder reports it
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int headerSize = b.getInt(14);
        long width;
        long height;
        if (headerSize == 12) {
            width = b.getShort(18) & 0xFFFF;
            height = b.getShort(20) & 0xFFFF;
        } else if (headerSize >= 40) {
            width = Math.abs((long) b.getInt(18));
            height = Math.abs((long) b.getInt(22)); // negative for top-down rows
        } else {
            return;
        }
        refuseAbove(width, height, source, maxPixels);
    }

    private static void refuseAbove(long width, long height, String source, long maxPixels) {
        long pixels = width * height;
        if (pixels > maxPixels) {
            throw new ImageReadException(source, Reason.TOO_LARGE, "it declares " + width + "x" + height + " = "
                    + pixels + " pixels, above the limit of " + maxPixels + " (a protection against decompression "
                    + "bombs). If the file is trusted, raise the limit with ImageFiles.read(path, maxPixels) or "
                    + "-D" + ImageFiles.MAX_PIXELS_PROPERTY + "=" + pixels, null);
        }
    }

    private static void warnIfAnimated(ImageReader reader, String source) {
        try {
            int frames = reader.getNumImages(true);
            if (frames > 1) {
                LOG.warn("{} is an animated GIF with {} frames; only the first frame is read", source, frames);
            }
        } catch (IOException | RuntimeException e) {
            // a damaged later frame does not matter: the first one was read
            LOG.debug("Cannot count the frames of {}: {}", source, e.toString());
        }
    }

    /**
     * The JDK's decoders hand CMYK and YCCK JPEG (and CMYK TIFF) over as raw samples in a naive CMYK colour space:
     * Adobe's inverted samples and YCCK come out with wrong colours. A colour-managed plugin converts them to RGB
     * instead, so an image that is still CMYK here was not decoded correctly.
     */
    private static void refuseCmyk(BufferedImage image, String format, String source) {
        if (image.getColorModel().getColorSpace().getType() != java.awt.color.ColorSpace.TYPE_CMYK) {
            return;
        }
        String plugin = format.toLowerCase(Locale.ROOT).startsWith("tif") ? "imageio-tiff" : "imageio-jpeg";
        throw new ImageReadException(source, Reason.UNSUPPORTED_FORMAT, "it is a CMYK/YCCK " + format + ", which "
                + "the JDK's decoder cannot convert to RGB correctly; add the TwelveMonkeys plugin "
                + "com.twelvemonkeys.imageio:" + plugin + " to the class path", null);
    }

    /**
     * The JDK's JPEG decoder (and plugins that wrap it) reports missing data as a warning and returns an image whose
     * missing part is grey: a silently wrong image. Those warnings become {@code CORRUPT}; other warnings, such as
     * the extraneous bytes many cameras write, are harmless and only logged.
     */
    private static final class TruncationWarnings implements javax.imageio.event.IIOReadWarningListener {
        private String truncated;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String lower = String.valueOf(warning).toLowerCase(Locale.ROOT);
            if (lower.contains("premature end") || lower.contains("truncated file")) {
                if (truncated == null) {
                    truncated = warning;
                }
            } else {
                LOG.debug("Decoder warning: {}", warning);
            }
        }

        void check(String source) {
            if (truncated != null) {
                throw new ImageReadException(source, Reason.CORRUPT, "the data is truncated or damaged (the decoder"
                        + " reported: " + truncated + "); the image would be incomplete", null);
            }
        }
    }

    private static ImageReadException corrupt(String source, Exception e) {
        return new ImageReadException(source, Reason.CORRUPT, "the data is damaged or truncated: " + e, e);
    }
}
