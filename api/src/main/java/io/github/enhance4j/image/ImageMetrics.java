package io.github.enhance4j.image;

import java.util.Objects;

/**
 * Full-reference image quality metrics: PSNR and SSIM, on all colour channels or on luma.
 *
 * <p>The {@code Y} variants follow the super-resolution evaluation protocol: luma is the studio-range Y of
 * MATLAB's {@code rgb2ycbcr} ({@link YCbCr#studioLuma255}) in units of 0..255, not rounded, and {@code shave}
 * pixels (normally the scale factor) are cut from every border before measuring. See {@link SrEvaluation} for the
 * whole protocol.
 *
 * <p>SSIM is that of Wang et al. (2004), as their {@code ssim_index.m}: 11x11 Gaussian window, sigma 1.5,
 * K1 = 0.01, K2 = 0.03, L = 255, 'valid' filtering, the mean of the map; samples are compared in 0..255 units.
 * The shaved image must therefore be at least 11x11.
 *
 * <p>Both images must have the same size and number of colour channels; alpha is ignored. Stateless and
 * thread-safe.
 */
public final class ImageMetrics {

    private static final double PEAK_255 = 255.0;

    private ImageMetrics() {
    }

    /**
     * PSNR in dB over all colour channels, peak 1 (values in 0..1).
     *
     * @param a     one image
     * @param b     the other, of the same size and channels
     * @param shave pixels left out at each border (the SR protocol shaves the scale)
     * @return the PSNR in dB; {@link Double#POSITIVE_INFINITY} for equal images
     */
    public static double psnr(FloatImage a, FloatImage b, int shave) {
        checkComparable(a, b, shave);
        double sum = 0;
        for (int c = 0; c < a.channels(); c++) {
            sum += squaredError(plane(a, c, 1, shave), plane(b, c, 1, shave));
        }
        long count = (long) a.channels() * shavedSize(a.width(), shave) * shavedSize(a.height(), shave);
        return psnrOf(sum / count, 1.0);
    }

    /**
     * PSNR in dB of studio-range luma in 0..255 units, peak 255.
     *
     * @param a     one image
     * @param b     the other, of the same size and channels
     * @param shave pixels left out at each border (the SR protocol shaves the scale)
     * @return the PSNR in dB; {@link Double#POSITIVE_INFINITY} for equal images
     */
    public static double psnrY(FloatImage a, FloatImage b, int shave) {
        checkComparable(a, b, shave);
        double[] ya = shavedLuma(a, shave);
        double[] yb = shavedLuma(b, shave);
        return psnrOf(squaredError(ya, yb) / ya.length, PEAK_255);
    }

    /**
     * Mean SSIM over the colour channels, each compared in 0..255 units.
     *
     * @param a     one image
     * @param b     the other, of the same size and channels
     * @param shave pixels left out at each border (the SR protocol shaves the scale)
     * @return the SSIM, 1 for equal images
     */
    public static double ssim(FloatImage a, FloatImage b, int shave) {
        checkComparable(a, b, shave);
        int w = shavedSize(a.width(), shave);
        int h = shavedSize(a.height(), shave);
        double sum = 0;
        for (int c = 0; c < a.channels(); c++) {
            sum += Ssim.mean(plane(a, c, PEAK_255, shave), plane(b, c, PEAK_255, shave), w, h, PEAK_255);
        }
        return sum / a.channels();
    }

    /**
     * SSIM of studio-range luma in 0..255 units.
     *
     * @param a     one image
     * @param b     the other, of the same size and channels
     * @param shave pixels left out at each border (the SR protocol shaves the scale)
     * @return the SSIM, 1 for equal images
     */
    public static double ssimY(FloatImage a, FloatImage b, int shave) {
        checkComparable(a, b, shave);
        int w = shavedSize(a.width(), shave);
        int h = shavedSize(a.height(), shave);
        return Ssim.mean(shavedLuma(a, shave), shavedLuma(b, shave), w, h, PEAK_255);
    }

    private static double psnrOf(double mse, double peak) {
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(peak * peak / mse);
    }

    private static double squaredError(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    private static double[] shavedLuma(FloatImage image, int shave) {
        return crop(YCbCr.studioLuma255(image), image.width(), image.height(), shave);
    }

    /** Colour plane {@code c} multiplied by {@code unit}, without its border. */
    private static double[] plane(FloatImage image, int c, double unit, int shave) {
        int w = image.width();
        int h = image.height();
        float[] data = image.colorData();
        int offset = image.planeOffset(c);
        double[] values = new double[w * h];
        for (int i = 0; i < values.length; i++) {
            values[i] = unit * data[offset + i];
        }
        return crop(values, w, h, shave);
    }

    private static double[] crop(double[] plane, int width, int height, int shave) {
        if (shave == 0) {
            return plane;
        }
        int w = shavedSize(width, shave);
        int h = shavedSize(height, shave);
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(plane, (y + shave) * width + shave, out, y * w, w);
        }
        return out;
    }

    private static int shavedSize(int size, int shave) {
        return size - 2 * shave;
    }

    private static void checkComparable(FloatImage a, FloatImage b, int shave) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels()) {
            throw new IllegalArgumentException("images differ in size or channels: " + describe(a) + " vs "
                    + describe(b));
        }
        if (shave < 0 || 2L * shave >= a.width() || 2L * shave >= a.height()) {
            throw new IllegalArgumentException("shave " + shave + " must be at least 0 and leave pixels of a "
                    + a.width() + "x" + a.height() + " image");
        }
    }

    private static String describe(FloatImage image) {
        return image.width() + "x" + image.height() + "x" + image.channels();
    }
}
