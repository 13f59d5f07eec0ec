package io.github.enhance4j.image;

import java.util.Objects;

/**
 * Colour conversions between RGB and YCbCr.
 *
 * <p>{@link #fromRgb}, {@link #toRgb} and {@link #luma} use full-range ITU-R BT.601 as JPEG does: Y, Cb and Cr
 * span {@code 0..1}, with Cb and Cr centred on 0.5. {@link #studioLuma255} is the studio-range luma of MATLAB's
 * {@code rgb2ycbcr}, which super-resolution papers report their figures on.
 */
public final class YCbCr {

    private YCbCr() {
    }

    /**
     * The Y, Cb and Cr planes of an RGB image; alpha is copied. A grey image gives Y = grey and Cb = Cr = 0.5.
     *
     * @param rgb an RGB or grey image; not changed
     * @return a three-channel image of the Y, Cb and Cr planes (full-range BT.601, 0..1)
     */
    public static FloatImage fromRgb(FloatImage rgb) {
        Objects.requireNonNull(rgb, "rgb");
        int n = rgb.width() * rgb.height();
        float[] out = new float[3 * n];
        float[] in = rgb.colorData();
        if (rgb.channels() == 1) {
            System.arraycopy(in, 0, out, 0, n);
            java.util.Arrays.fill(out, n, 3 * n, 0.5f);
        } else {
            for (int i = 0; i < n; i++) {
                double r = in[i];
                double g = in[n + i];
                double b = in[2 * n + i];
                out[i] = (float) (0.299 * r + 0.587 * g + 0.114 * b);
                out[n + i] = (float) (0.5 - 0.168735892 * r - 0.331264108 * g + 0.5 * b);
                out[2 * n + i] = (float) (0.5 + 0.5 * r - 0.418687589 * g - 0.081312411 * b);
            }
        }
        return new FloatImage(rgb.width(), rgb.height(), 3, out, copyOf(rgb.alphaData()));
    }

    /**
     * The RGB image of Y, Cb and Cr planes, not clamped (out-of-gamut colours may leave 0..1); alpha is copied.
     *
     * @param ycbcr a three-channel image of Y, Cb and Cr planes, as {@link #fromRgb} makes
     * @return the RGB image
     */
    public static FloatImage toRgb(FloatImage ycbcr) {
        Objects.requireNonNull(ycbcr, "ycbcr");
        if (ycbcr.channels() != 3) {
            throw new IllegalArgumentException("toRgb needs three planes (Y, Cb, Cr), got " + ycbcr);
        }
        int n = ycbcr.width() * ycbcr.height();
        float[] in = ycbcr.colorData();
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            double y = in[i];
            double cb = in[n + i] - 0.5;
            double cr = in[2 * n + i] - 0.5;
            out[i] = (float) (y + 1.402 * cr);
            out[n + i] = (float) (y - 0.344136286 * cb - 0.714136286 * cr);
            out[2 * n + i] = (float) (y + 1.772 * cb);
        }
        return new FloatImage(ycbcr.width(), ycbcr.height(), 3, out, copyOf(ycbcr.alphaData()));
    }

    /**
     * Full-range BT.601 luma; a grey image's luma is its grey plane.
     *
     * @param rgb an RGB or grey image
     * @return the luma, {@code 0..1}, row by row
     */
    public static float[] luma(FloatImage rgb) {
        Objects.requireNonNull(rgb, "rgb");
        int n = rgb.width() * rgb.height();
        float[] in = rgb.colorData();
        if (rgb.channels() == 1) {
            return java.util.Arrays.copyOf(in, n);
        }
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (0.299 * in[i] + 0.587 * in[n + i] + 0.114 * in[2 * n + i]);
        }
        return y;
    }

    /**
     * Studio-range luma in {@code 16..235} (units of 0..255), as MATLAB's {@code rgb2ycbcr} on double RGB in
     * {@code 0..1}: {@code Y = 16 + 65.481 R + 128.553 G + 24.966 B}; not rounded.
     *
     * <p>A grey image is taken as its own luma, {@code Y = 255 v}, not {@code 16 + 219 v}: that is what the common
     * SR evaluation scripts do (they convert only images with three channels), and with it this project reproduces
     * the published bicubic figures of Set14, whose bridge image is grey.
     *
     * @param rgb an RGB or grey image
     * @return the luma, row by row
     */
    public static double[] studioLuma255(FloatImage rgb) {
        Objects.requireNonNull(rgb, "rgb");
        int n = rgb.width() * rgb.height();
        float[] in = rgb.colorData();
        double[] y = new double[n];
        if (rgb.channels() == 1) {
            for (int i = 0; i < n; i++) {
                y[i] = 255.0 * in[i];
            }
            return y;
        }
        for (int i = 0; i < n; i++) {
            y[i] = 16 + 65.481 * in[i] + 128.553 * in[n + i] + 24.966 * in[2 * n + i];
        }
        return y;
    }

    private static float[] copyOf(float[] alpha) {
        return alpha == null ? null : alpha.clone();
    }
}
