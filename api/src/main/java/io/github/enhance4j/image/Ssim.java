package io.github.enhance4j.image;

/**
 * The structural similarity index of Wang, Bovik, Sheikh and Simoncelli (2004), as their reference
 * {@code ssim_index.m} computes it: an 11x11 Gaussian window with sigma 1.5, K1 = 0.01, K2 = 0.03, 'valid'
 * filtering (no padding), and the mean of the SSIM map. Samples are in units of {@code 0..dynamicRange}.
 */
final class Ssim {

    static final int WINDOW = 11;
    private static final double SIGMA = 1.5;
    private static final double K1 = 0.01;
    private static final double K2 = 0.03;
    private static final double[] GAUSSIAN = gaussian1d();

    private Ssim() {
    }

    /** The separable factor of the normalised 2-D window: the outer product of it with itself sums to 1. */
    private static double[] gaussian1d() {
        double[] g = new double[WINDOW];
        double sum = 0;
        int r = WINDOW / 2;
        for (int i = 0; i < WINDOW; i++) {
            g[i] = Math.exp(-((i - r) * (i - r)) / (2 * SIGMA * SIGMA));
            sum += g[i];
        }
        for (int i = 0; i < WINDOW; i++) {
            g[i] /= sum;
        }
        return g;
    }

    /** Mean SSIM of two planes of {@code width x height}, both at least 11x11. */
    static double mean(double[] a, double[] b, int width, int height, double dynamicRange) {
        if (width < WINDOW || height < WINDOW) {
            throw new IllegalArgumentException("SSIM needs at least " + WINDOW + "x" + WINDOW + " pixels, got "
                    + width + "x" + height);
        }
        int n = width * height;
        double[] aa = new double[n];
        double[] bb = new double[n];
        double[] ab = new double[n];
        for (int i = 0; i < n; i++) {
            aa[i] = a[i] * a[i];
            bb[i] = b[i] * b[i];
            ab[i] = a[i] * b[i];
        }
        double[] muA = filterValid(a, width, height);
        double[] muB = filterValid(b, width, height);
        double[] meanAA = filterValid(aa, width, height);
        double[] meanBB = filterValid(bb, width, height);
        double[] meanAB = filterValid(ab, width, height);
        double c1 = (K1 * dynamicRange) * (K1 * dynamicRange);
        double c2 = (K2 * dynamicRange) * (K2 * dynamicRange);
        double sum = 0;
        for (int i = 0; i < muA.length; i++) {
            double ma = muA[i];
            double mb = muB[i];
            double varA = meanAA[i] - ma * ma;
            double varB = meanBB[i] - mb * mb;
            double cov = meanAB[i] - ma * mb;
            sum += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (varA + varB + c2));
        }
        return sum / muA.length;
    }

    /** Gaussian filtering without padding: the result is {@code (width - 10) x (height - 10)}. */
    private static double[] filterValid(double[] plane, int width, int height) {
        int ow = width - WINDOW + 1;
        int oh = height - WINDOW + 1;
        double[] rows = new double[ow * height];
        for (int y = 0; y < height; y++) {
            int in = y * width;
            int out = y * ow;
            for (int x = 0; x < ow; x++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) {
                    s += GAUSSIAN[k] * plane[in + x + k];
                }
                rows[out + x] = s;
            }
        }
        double[] result = new double[ow * oh];
        for (int y = 0; y < oh; y++) {
            int out = y * ow;
            for (int k = 0; k < WINDOW; k++) {
                double g = GAUSSIAN[k];
                int in = (y + k) * ow;
                for (int x = 0; x < ow; x++) {
                    result[out + x] += g * rows[in + x];
                }
            }
        }
        return result;
    }
}
