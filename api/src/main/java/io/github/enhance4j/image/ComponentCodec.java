package io.github.enhance4j.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;

/**
 * Grey or RGB images, with or without alpha, with one integer sample per band: every standard TYPE_* except the
 * indexed ones, and ImageIO's 16-bit and grey+alpha images. Reads samples straight from the raster, never through
 * {@code getRGB}, which would push grey through a gamma conversion.
 */
final class ComponentCodec extends PixelCodec {

    private final SampleRows rows;
    private final int colorBands;
    /** Band of alpha, or -1. Colour models put it after the colour components. */
    private final int alphaBand;
    private final int[] max;
    private final float[][] scale;
    private final boolean premultiplied;

    ComponentCodec(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        this.rows = SampleRows.of(image.getRaster());
        this.colorBands = cm.getNumColorComponents();
        this.alphaBand = cm.hasAlpha() ? colorBands : -1;
        this.premultiplied = cm.isAlphaPremultiplied();
        this.max = new int[rows.bands];
        this.scale = new float[rows.bands][];
        for (int b = 0; b < rows.bands; b++) {
            max[b] = (1 << cm.getComponentSize(b)) - 1;
            scale[b] = UnitScale.of(max[b]);
        }
    }

    @Override
    int colorChannels() {
        return colorBands;
    }

    @Override
    boolean hasAlpha() {
        return alphaBand >= 0;
    }

    @Override
    void read(int x, int y, FloatImage target) {
        if (!premultiplied) {
            readStraight(x, y, target);
            return;
        }
        int width = target.width();
        int plane = width * target.height();
        int bands = rows.bands;
        float[] color = target.colorData();
        float[] alpha = target.alphaData();
        int[] samples = new int[width * bands];
        for (int row = 0; row < target.height(); row++) {
            rows.get(x, y + row, width, samples);
            int out = row * width;
            for (int i = 0, s = 0; i < width; i++, s += bands, out++) {
                float a = alphaBand >= 0 ? scale[alphaBand][samples[s + alphaBand]] : 1f;
                for (int c = 0; c < colorBands; c++) {
                    float v = scale[c][samples[s + c]];
                    if (premultiplied) {
                        // stored colour above alpha is invalid data; 1 is the nearest meaningful value
                        v = a == 0f ? 0f : Math.min(1f, v / a);
                    }
                    color[c * plane + out] = v;
                }
                if (alpha != null) {
                    alpha[out] = a;
                }
            }
        }
    }

    /** {@link #read} without premultiplied alpha: band by band, each sample through its band's table. */
    private void readStraight(int x, int y, FloatImage target) {
        int width = target.width();
        int plane = width * target.height();
        int bands = rows.bands;
        float[][] planes = new float[bands][];
        int[] offsets = new int[bands];
        for (int c = 0; c < colorBands; c++) {
            planes[c] = target.colorData();
            offsets[c] = c * plane;
        }
        if (alphaBand >= 0) {
            planes[alphaBand] = target.alphaData();
        }
        int[] samples = new int[width * bands];
        for (int row = 0; row < target.height(); row++) {
            rows.getUnit(x, y + row, width, planes, offsets, scale, samples);
            for (int b = 0; b < bands; b++) {
                offsets[b] += width;
            }
        }
    }

    @Override
    void write(FloatImage source, int sx, int sy, int width, int height, int x, int y) {
        if (source.channels() == colorBands && !premultiplied) {
            writeSameChannels(source, sx, sy, width, height, x, y);
            return;
        }
        super.write(source, sx, sy, width, height, x, y);
    }

    @Override
    void write(FloatImage source, int x, int y) {
        if (source.channels() == colorBands && !premultiplied) {
            writeSameChannels(source, 0, 0, source.width(), source.height(), x, y);
            return;
        }
        int width = source.width();
        int bands = rows.bands;
        int[] samples = new int[width * bands];
        float[] pixel = new float[colorBands];
        for (int row = 0; row < source.height(); row++) {
            int in = row * width;
            for (int i = 0, s = 0; i < width; i++, s += bands, in++) {
                colorAt(source, in, colorBands, pixel);
                float a = alphaAt(source, in);
                for (int c = 0; c < colorBands; c++) {
                    float v = premultiplied ? pixel[c] * a : pixel[c];
                    samples[s + c] = Math.round(v * max[c]);
                }
                if (alphaBand >= 0) {
                    samples[s + alphaBand] = Math.round(a * max[alphaBand]);
                }
            }
            rows.set(x, y + row, width, samples);
        }
    }

    /**
     * {@link Math#round(float)} for {@code 0 <= v < 2^23}, without its general bit manipulation (JDK 17 does not
     * make it an intrinsic, and it was the hottest method of writing an enhanced image). Below 0.5 the answer is 0;
     * from 0.5 on, {@code v + 0.5f} is either exact or rounds to a float in the same unit interval, so truncating
     * it is {@code floor(v + 0.5)}. (Below 0.5 the shortcut would fail: 0.49999997f + 0.5f rounds to 1.)
     */
    static int round(float v) {
        return v < 0.5f ? 0 : (int) (v + 0.5f);
    }

    /**
     * The common case of {@link #write}, plane by plane instead of pixel by pixel: the same number of colour
     * channels in the source as in the image, nothing premultiplied. Gives the same samples as the general path.
     */
    private void writeSameChannels(FloatImage source, int sx, int sy, int width, int height, int x, int y) {
        int stride = source.width();
        int plane = stride * source.height();
        int bands = rows.bands;
        float[][] planes = new float[bands][];
        int[] offsets = new int[bands];
        int start = sy * stride + sx;
        for (int c = 0; c < colorBands; c++) {
            planes[c] = source.colorData();
            offsets[c] = c * plane + start;
        }
        if (alphaBand >= 0) {
            // no source alpha: planes[alphaBand] stays null, which writes the band's maximum (opaque)
            planes[alphaBand] = source.alphaData();
            offsets[alphaBand] = start;
        }
        for (int row = 0; row < height; row++) {
            rows.setUnit(x, y + row, width, planes, offsets, max);
            for (int b = 0; b < bands; b++) {
                offsets[b] += stride;
            }
        }
    }
}
