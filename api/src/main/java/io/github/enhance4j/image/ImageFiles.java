package io.github.enhance4j.image;

import io.github.enhance4j.ImageReadException;
import io.github.enhance4j.ImageWriteException;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading and writing image files through ImageIO, with what a careful application wants and ImageIO lacks:
 * EXIF orientation applied, a pixel limit checked before decoding, atomic writes, ICC profiles kept where the
 * format allows, and specific exceptions.
 *
 * <p>Reading decodes the first image of a file only (the first frame of an animated GIF, with a warning in the
 * log). Formats beyond the JDK's (WebP, CMYK JPEG, ...) come from ImageIO plugins on the class path, such as
 * TwelveMonkeys ImageIO; without one, a CMYK or YCCK file is {@code UNSUPPORTED_FORMAT} rather than decoded with
 * wrong colours. A file whose data ends early is {@code CORRUPT}, also where a decoder (the JDK's JPEG one) would
 * return an image with the missing part grey. The pixel limit is checked against the size the header declares,
 * before the decoder allocates anything for the pixels.
 *
 * <p>Writing adapts the image where the format cannot hold it: JPEG, BMP and WBMP have no alpha, so translucent
 * images are composited over white; JPEG, BMP, GIF and WBMP have no 16-bit samples, so those are rounded to 8
 * bits; PNG, JPEG and TIFF get the image's ICC profile embedded when it is not sRGB, while BMP, GIF and WBMP,
 * which cannot carry one, get the pixels converted to sRGB; premultiplied images are stored unpremultiplied;
 * and an image that a writer refuses is converted to the nearest 8-bit type the writer takes. JPEG is written
 * at quality 0.95, because enhanced images should not lose their new detail to compression.
 *
 * <p>All methods are thread-safe.
 */
public final class ImageFiles {

    /**
     * The default pixel limit for reads, {@value}: the size at which Pillow refuses to open an image as a
     * decompression bomb, about 13,400 x 13,400 pixels. As planar floats with three channels such an image
     * takes about 2 GiB.
     */
    public static final long DEFAULT_MAX_PIXELS = 178_956_970L;

    /** System property that overrides {@link #DEFAULT_MAX_PIXELS} for {@link #read(Path)}. */
    public static final String MAX_PIXELS_PROPERTY = "enhance4j.maxPixels";

    private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);

    private ImageFiles() {
    }

    /**
     * {@return the pixel limit used by {@link #read(Path)}} That is the system property {@value #MAX_PIXELS_PROPERTY}
     * when set to a positive number, otherwise {@link #DEFAULT_MAX_PIXELS}. Read at every call, so it can change at
     * run time.
     */
    public static long defaultMaxPixels() {
        String value = System.getProperty(MAX_PIXELS_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_PIXELS;
        }
        try {
            long limit = Long.parseLong(value.strip().replace("_", ""));
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, like a non-positive number
        }
        LOG.warn("Ignoring -D{}={}: not a positive whole number; using {}", MAX_PIXELS_PROPERTY, value,
                DEFAULT_MAX_PIXELS);
        return DEFAULT_MAX_PIXELS;
    }

    /**
     * Reads with the default pixel limit ({@link #defaultMaxPixels()}), applying EXIF orientation.
     *
     * @param path the image file; its bytes, not its extension, decide the format
     * @return the decoded image
     * @throws ImageReadException with the {@link ImageReadException.Reason} of the failure; an empty file is
     *                            {@code CORRUPT}
     */
    public static BufferedImage read(Path path) {
        return read(path, defaultMaxPixels());
    }

    /**
     * Reads, refusing images that declare more than {@code maxPixels} pixels before decoding them, and applies
     * EXIF orientation.
     *
     * @param path      the image file; its bytes, not its extension, decide the format
     * @param maxPixels the largest width x height accepted, positive
     * @return the decoded image
     * @throws ImageReadException with the {@link ImageReadException.Reason} of the failure
     */
    public static BufferedImage read(Path path, long maxPixels) {
        Objects.requireNonNull(path, "path");
        return ImageFileReader.read(path, checkedLimit(maxPixels));
    }

    /**
     * Reads from a stream, which the caller closes.
     *
     * @param stream     the image's bytes
     * @param sourceName names the stream in exception messages and logs
     * @param maxPixels  the largest width x height accepted, positive
     * @return the decoded image
     * @throws ImageReadException with the {@link ImageReadException.Reason} of the failure
     */
    public static BufferedImage read(InputStream stream, String sourceName, long maxPixels) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(sourceName, "sourceName");
        return ImageFileReader.read(stream, sourceName, checkedLimit(maxPixels));
    }

    private static long checkedLimit(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        return maxPixels;
    }

    /**
     * Writes atomically, in the format named by the file's extension (png, jpg/jpeg, bmp, gif, tif/tiff, wbmp,
     * and whatever installed plugins add). See the class documentation for how images are adapted to formats.
     *
     * @param image the image to write
     * @param path  the file to write or replace
     * @throws ImageWriteException if the extension has no writer, the folder is missing or the write fails; no
     *                             file is then left under {@code path}, and an existing one is unchanged
     */
    public static void write(BufferedImage image, Path path) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(path, "path");
        ImageFileWriter.write(image, path, null);
    }

    /**
     * Writes atomically in the named ImageIO format, whatever the file's extension.
     *
     * @param image      the image to write
     * @param path       the file to write or replace
     * @param formatName an ImageIO format name such as {@code "png"} or {@code "jpeg"}, case-insensitive
     * @throws ImageWriteException if the format has no writer, the folder is missing or the write fails
     */
    public static void write(BufferedImage image, Path path, String formatName) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(formatName, "formatName");
        ImageFileWriter.write(image, path, formatName);
    }

    /**
     * Encodes in memory in the named ImageIO format, adapting the image exactly as {@link #write(BufferedImage, Path,
     * String)} does, for callers that store the bytes elsewhere than in a local file (a database, a distributed file
     * system, a Spark column).
     *
     * @param image      the image to encode
     * @param formatName an ImageIO format name such as {@code "png"}, {@code "jpg"} or {@code "jpeg"},
     *                   case-insensitive
     * @return the complete file's bytes
     * @throws ImageWriteException if the format has no writer or the encoder fails; its {@code target()} is
     *                             {@code in-memory.FORMAT}, as there is no file
     */
    public static byte[] encode(BufferedImage image, String formatName) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(formatName, "formatName");
        return ImageFileWriter.encode(image, formatName);
    }
}
