package io.github.enhance4j.image;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Conversions between {@link BufferedImage} and {@link FloatImage}, exact for 8- and 16-bit samples: reading
 * then writing a value gives it back unchanged. Colour values are unpremultiplied; alpha goes to its own plane.
 *
 * <p>Samples are read from the raster, never through {@code getRGB} (except for layouts with no direct path,
 * such as CMYK or float samples, which are read as 8-bit sRGB): an 8-bit sample {@code v} becomes
 * {@code v / 255f}, a 16-bit one {@code v / 65535f}. Grey images read as one channel, colour as three, palette
 * images as three (with alpha if an entry is transparent). Region reads and writes touch only the region, so
 * tiles of a huge image take memory in proportion to the tile.
 *
 * <p>The methods are thread-safe as long as no two threads write the same image at once.
 */
public final class Pixels {

    private Pixels() {
    }

    /**
     * The whole image.
     *
     * @param image any image
     * @return its pixels, 1 or 3 colour planes and alpha when the image has alpha
     */
    public static FloatImage read(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        return read(image, 0, 0, image.getWidth(), image.getHeight());
    }

    /**
     * A region, which must lie inside the image.
     *
     * @param image  any image
     * @param x      the region's left column
     * @param y      the region's top row
     * @param width  the region's width, at least 1
     * @param height the region's height, at least 1
     * @return the region's pixels, 1 or 3 colour planes and alpha when the image has alpha
     * @throws IllegalArgumentException if the region is empty or reaches outside the image
     */
    public static FloatImage read(BufferedImage image, int x, int y, int width, int height) {
        Objects.requireNonNull(image, "image");
        checkRegion(image, x, y, width, height, "region");
        PixelCodec codec = PixelCodec.of(image);
        FloatImage target = new FloatImage(width, height, codec.colorChannels(), codec.hasAlpha());
        codec.read(x, y, target);
        return target;
    }

    /**
     * Writes {@code source} into {@code target} with its top-left corner at {@code (x, y)}, clamping to 0..1 and
     * rounding to the target's sample depth. Grey sources go to colour targets as R=G=B; colour sources go to grey
     * targets as BT.601 luma; a target alpha without a source alpha becomes opaque. A source alpha is ignored by
     * a target without alpha (not composited). Premultiplied targets get premultiplied samples.
     *
     * @param source the pixels to write
     * @param target the image written into
     * @param x      the target column of the source's left edge
     * @param y      the target row of the source's top edge
     * @throws IllegalArgumentException if {@code source} placed at {@code (x, y)} reaches outside the target
     */
    public static void write(FloatImage source, BufferedImage target, int x, int y) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        checkRegion(target, x, y, source.width(), source.height(), source + " placed");
        PixelCodec.of(target).write(source, x, y);
    }

    /**
     * Writes the {@code width x height} region of {@code source} at {@code (sx, sy)} into {@code target} with its
     * top-left corner at {@code (x, y)}, as {@link #write(FloatImage, BufferedImage, int, int)} writes a whole
     * source. Saves copying the region out where only part of a buffer is finished.
     *
     * @param source the pixels to write from
     * @param sx     the region's left column in {@code source}
     * @param sy     the region's top row in {@code source}
     * @param width  the region's width, at least 1
     * @param height the region's height, at least 1
     * @param target the image written into
     * @param x      the target column of the region's left edge
     * @param y      the target row of the region's top edge
     * @throws IllegalArgumentException if the region does not lie inside {@code source} or, placed at
     *                                  {@code (x, y)}, reaches outside the target
     */
    public static void write(FloatImage source, int sx, int sy, int width, int height, BufferedImage target, int x,
            int y) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (width < 1 || height < 1 || sx < 0 || sy < 0 || (long) sx + width > source.width()
                || (long) sy + height > source.height()) {
            throw new IllegalArgumentException("region at (" + sx + ", " + sy + ") size " + width + "x" + height
                    + " does not fit inside " + source);
        }
        checkRegion(target, x, y, width, height, "region of " + source + " placed");
        PixelCodec.of(target).write(source, sx, sy, width, height, x, y);
    }

    /**
     * A new image in {@code format} holding {@code source}.
     *
     * @param source the pixels
     * @param format the layout of the new image, e.g. the format of the image {@code source} was read from
     * @return the new image
     * @see #write(FloatImage, BufferedImage, int, int) for how channels and alpha are adapted
     */
    public static BufferedImage toBufferedImage(FloatImage source, PixelFormat format) {
        Objects.requireNonNull(source, "source");
        BufferedImage image = format.createImage(source.width(), source.height());
        write(source, image, 0, 0);
        return image;
    }

    /**
     * A new 8-bit image: BYTE_GRAY for grey, INT_RGB for colour, INT_ARGB for colour with alpha. Grey with alpha
     * becomes INT_ARGB (R=G=B) rather than losing its alpha.
     *
     * @param source the pixels
     * @return the new image
     */
    public static BufferedImage toBufferedImage(FloatImage source) {
        Objects.requireNonNull(source, "source");
        int type = source.hasAlpha() ? BufferedImage.TYPE_INT_ARGB
                : source.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        BufferedImage image = new BufferedImage(source.width(), source.height(), type);
        write(source, image, 0, 0);
        return image;
    }

    private static void checkRegion(BufferedImage image, int x, int y, int width, int height, String what) {
        if (width < 1 || height < 1 || x < 0 || y < 0 || (long) x + width > image.getWidth()
                || (long) y + height > image.getHeight()) {
            throw new IllegalArgumentException(what + " at (" + x + ", " + y + ") size " + width + "x" + height
                    + " does not fit inside the " + image.getWidth() + "x" + image.getHeight() + " image");
        }
    }
}
