package io.github.enhance4j.image;

import java.awt.image.BufferedImage;

/**
 * How a {@link BufferedImage} stores its pixels, reduced to what enhancement must preserve: grey or colour,
 * alpha or not, 8 or 16 bits per sample, and the colour space (ICC profile). Output images are created in the
 * same format as their input, so grey stays grey, 16-bit stays 16-bit and alpha stays alpha.
 */
public final class PixelFormat {
    // STUB: implemented by the imaging-conversions work; signatures are the contract.

    public static PixelFormat of(BufferedImage image) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** 1 for grey, 3 for colour. */
    public int colorChannels() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public boolean hasAlpha() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** 8 or 16. */
    public int bitsPerSample() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * A new, blank image of this format and the given size. Palette (indexed) images produce true-colour images
     * (a network makes colours the palette lacks): INT_RGB, or INT_ARGB when the palette has transparency.
     */
    public BufferedImage createImage(int width, int height) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
