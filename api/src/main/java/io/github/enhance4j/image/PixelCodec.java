package io.github.enhance4j.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;

/**
 * Moves pixels of one kind of {@link BufferedImage} into and out of a {@link FloatImage}, region by region.
 * Which subclass handles an image is decided once by {@link PixelFormat#kindOf}.
 */
abstract class PixelCodec {

    /** BT.601 luma weights, as used by JPEG and most image libraries for colour-to-grey. */
    static final float LUMA_R = 0.299f;
    static final float LUMA_G = 0.587f;
    static final float LUMA_B = 0.114f;

    static PixelCodec of(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        return switch (PixelFormat.kindOf(cm)) {
            case COMPONENTS -> new ComponentCodec(image);
            case PALETTE -> new PaletteCodec(image, (IndexColorModel) cm);
            case ARGB -> new ArgbCodec(image);
        };
    }

    /** Number of colour planes a read produces. */
    abstract int colorChannels();

    /** Whether a read produces an alpha plane. */
    abstract boolean hasAlpha();

    /** Reads the region at {@code (x, y)} of the size of {@code target} into it. */
    abstract void read(int x, int y, FloatImage target);

    /** Writes all of {@code source} with its top-left corner at {@code (x, y)}. */
    abstract void write(FloatImage source, int x, int y);

    /**
     * Writes the {@code width x height} region of {@code source} at {@code (sx, sy)} with its top-left corner at
     * {@code (x, y)}. This general version copies the region out first; codecs with a direct path override it.
     */
    void write(FloatImage source, int sx, int sy, int width, int height, int x, int y) {
        if (sx == 0 && sy == 0 && width == source.width() && height == source.height()) {
            write(source, x, y);
            return;
        }
        FloatImage part = new FloatImage(width, height, source.channels(), source.hasAlpha());
        int sw = source.width();
        int splane = sw * source.height();
        int planes = source.channels() + (source.hasAlpha() ? 1 : 0);
        for (int c = 0; c < planes; c++) {
            float[] from = c < source.channels() ? source.colorData() : source.alphaData();
            float[] to = c < source.channels() ? part.colorData() : part.alphaData();
            int fo = c < source.channels() ? c * splane : 0;
            int t = c < source.channels() ? c * width * height : 0;
            for (int row = 0; row < height; row++) {
                System.arraycopy(from, fo + (sy + row) * sw + sx, to, t + row * width, width);
            }
        }
        write(part, x, y);
    }

    /** Clamps into 0..1, NaN to 0 (NaN fails both comparisons). */
    static float clamp(float v) {
        return v >= 0f ? (v <= 1f ? v : 1f) : 0f;
    }

    static float luma(float r, float g, float b) {
        return clamp(LUMA_R * clamp(r) + LUMA_G * clamp(g) + LUMA_B * clamp(b));
    }

    /**
     * The source's colour at one pixel, adapted to {@code channels} target channels (R=G=B from grey, luma from
     * colour) and clamped; written into {@code out}.
     */
    static void colorAt(FloatImage source, int index, int channels, float[] out) {
        float[] data = source.colorData();
        int plane = source.width() * source.height();
        if (source.channels() == channels) {
            for (int c = 0; c < channels; c++) {
                out[c] = clamp(data[c * plane + index]);
            }
        } else if (channels == 3) {
            float grey = clamp(data[index]);
            out[0] = grey;
            out[1] = grey;
            out[2] = grey;
        } else {
            out[0] = luma(data[index], data[plane + index], data[2 * plane + index]);
        }
    }

    /** The source's alpha at one pixel, clamped; opaque when the source has none. */
    static float alphaAt(FloatImage source, int index) {
        float[] alpha = source.alphaData();
        return alpha == null ? 1f : clamp(alpha[index]);
    }
}
