package io.github.enhance4j.image;

import java.awt.image.BufferedImage;

/**
 * Conversions between {@link BufferedImage} and {@link FloatImage}, exact for 8- and 16-bit samples: reading
 * then writing a value gives it back unchanged. Colour values are unpremultiplied; alpha goes to its own plane.
 */
public final class Pixels {
    // STUB: implemented by the imaging-conversions work; signatures are the contract.

    private Pixels() {
    }

    /** The whole image. */
    public static FloatImage read(BufferedImage image) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A region, which must lie inside the image. */
    public static FloatImage read(BufferedImage image, int x, int y, int width, int height) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Writes {@code source} into {@code target} with its top-left corner at {@code (x, y)}, clamping to 0..1 and
     * rounding to the target's sample depth. Grey sources go to colour targets as R=G=B; colour sources go to grey
     * targets as BT.601 luma; a target alpha without a source alpha becomes opaque.
     */
    public static void write(FloatImage source, BufferedImage target, int x, int y) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A new image in {@code format} holding {@code source}. */
    public static BufferedImage toBufferedImage(FloatImage source, PixelFormat format) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A new 8-bit image: BYTE_GRAY for grey, INT_RGB for colour, INT_ARGB for colour with alpha. */
    public static BufferedImage toBufferedImage(FloatImage source) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
