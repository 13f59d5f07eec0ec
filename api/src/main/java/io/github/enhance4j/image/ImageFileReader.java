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
            // not seek-forward-only: GIF frames are counted after the first one is read
            reader.setInput(in, false, true);
            checkSize(reader, source, maxPixels);
            BufferedImage image = reader.read(0);
            if (hasFormat(reader, "gif")) {
                warnIfAnimated(reader, source);
            }
            LOG.debug("Read {} ({}, {})", source, format, PixelFormat.of(image));
            return ExifOrientation.apply(image, orientation);
        } catch (ImageReadException e) {
            throw e;
        } catch (IIOException e) {
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
                    + "recognises the data. Readable formats: " + readableFormats() + ". For more formats add "
                    + "TwelveMonkeys ImageIO plugins to the class path, e.g. com.twelvemonkeys.imageio:imageio-webp "
                    + "for WebP or com.twelvemonkeys.imageio:imageio-jpeg for CMYK JPEG", null);
        }
        return readers.next();
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
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        long pixels = (long) width * height;
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

    private static ImageReadException corrupt(String source, Exception e) {
        return new ImageReadException(source, Reason.CORRUPT, "the data is damaged or truncated: " + e, e);
    }
}
