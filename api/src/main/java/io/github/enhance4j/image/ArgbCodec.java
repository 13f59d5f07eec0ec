package io.github.enhance4j.image;

import java.awt.image.BufferedImage;

/**
 * The fallback for layouts without a direct path (CMYK, float samples, exotic colour models): 8-bit sRGB through
 * {@link BufferedImage#getRGB} and {@link BufferedImage#setRGB}, which Java2D implements for every image. Also
 * writes into palette images, where {@code setRGB} picks the palette entry.
 */
class ArgbCodec extends PixelCodec {

    private static final float[] UNIT = UnitScale.of(255);

    final BufferedImage image;
    private final boolean alpha;

    ArgbCodec(BufferedImage image) {
        this.image = image;
        this.alpha = image.getColorModel().hasAlpha();
    }

    @Override
    int colorChannels() {
        return 3;
    }

    @Override
    boolean hasAlpha() {
        return alpha;
    }

    @Override
    void read(int x, int y, FloatImage target) {
        int width = target.width();
        int[] argb = new int[width];
        for (int row = 0; row < target.height(); row++) {
            image.getRGB(x, y + row, width, 1, argb, 0, width);
            unpack(argb, row * width, target);
        }
    }

    /** Stores non-premultiplied ARGB values as one row of {@code target} starting at {@code offset}. */
    static void unpack(int[] argb, int offset, FloatImage target) {
        int plane = target.width() * target.height();
        float[] color = target.colorData();
        float[] alpha = target.alphaData();
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            color[offset + i] = UNIT[(p >> 16) & 0xFF];
            color[plane + offset + i] = UNIT[(p >> 8) & 0xFF];
            color[2 * plane + offset + i] = UNIT[p & 0xFF];
            if (alpha != null) {
                alpha[offset + i] = UNIT[p >>> 24];
            }
        }
    }

    @Override
    void write(FloatImage source, int x, int y) {
        int width = source.width();
        int[] argb = new int[width];
        float[] rgb = new float[3];
        for (int row = 0; row < source.height(); row++) {
            for (int i = 0; i < width; i++) {
                int in = row * width + i;
                colorAt(source, in, 3, rgb);
                argb[i] = Math.round(alphaAt(source, in) * 255) << 24 | Math.round(rgb[0] * 255) << 16
                        | Math.round(rgb[1] * 255) << 8 | Math.round(rgb[2] * 255);
            }
            image.setRGB(x, y + row, width, 1, argb, 0, width);
        }
    }
}
