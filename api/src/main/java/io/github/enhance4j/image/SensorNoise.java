package io.github.enhance4j.image;

import java.util.SplittableRandom;

/**
 * The noise of {@link RealisticDegradation}: additive Gaussian (read noise) and Poisson (shot noise), either
 * independent per channel ("colour") or one value added to every channel ("grey", luminance noise).
 *
 * <p>Samples come from a {@link SplittableRandom} the caller seeds from its own generator: it is unsynchronised and
 * its Gaussian is a ziggurat, several times faster per pixel than {@link java.util.Random}, and a seed still
 * reproduces the result.
 */
final class SensorNoise {

    /** Photon count at white of the Poisson model: one count per 8-bit level, as Real-ESRGAN's 8-bit images have. */
    static final double PHOTONS_AT_WHITE = 255;

    /** Below this many expected photons Poisson counts are drawn exactly; above, the normal approximation is used. */
    private static final double EXACT_BELOW = 16;

    private SensorNoise() {
    }

    /** {@code image + N(0, sigma^2)}, clamped to {@code 0..1}; {@code sigma} in {@code 0..1} units. */
    static FloatImage gaussian(FloatImage image, double sigma, boolean grey, SplittableRandom random) {
        FloatImage out = image.copy();
        float[] data = out.colorData();
        int plane = image.width() * image.height();
        int channels = image.channels();
        if (grey && channels > 1) {
            for (int i = 0; i < plane; i++) {
                float n = (float) (sigma * random.nextGaussian());
                for (int c = 0; c < channels; c++) {
                    data[c * plane + i] += n;
                }
            }
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] += (float) (sigma * random.nextGaussian());
            }
        }
        FloatImage.clamp(data);
        return out;
    }

    /**
     * Shot noise of strength {@code scale}: {@code x + scale * (N / 255 - x)} with {@code N ~ Poisson(255 x)}, so
     * the noise has mean 0 and variance {@code scale^2 x / 255}: it grows with brightness, and {@code scale = 1} is
     * a sensor that collects 255 photons at white. Grey noise draws {@code N} for the BT.601 luma {@code Y} and adds
     * {@code scale * (N / 255 - Y)} to every channel. Clamped to {@code 0..1}.
     */
    static FloatImage poisson(FloatImage image, double scale, boolean grey, SplittableRandom random) {
        FloatImage out = image.copy();
        float[] data = out.colorData();
        int plane = image.width() * image.height();
        int channels = image.channels();
        if (grey && channels == 3) {
            for (int i = 0; i < plane; i++) {
                double y = 0.299 * data[i] + 0.587 * data[plane + i] + 0.114 * data[2 * plane + i];
                float n = (float) (scale * shot(y, random));
                data[i] += n;
                data[plane + i] += n;
                data[2 * plane + i] += n;
            }
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] += (float) (scale * shot(data[i], random));
            }
        }
        FloatImage.clamp(data);
        return out;
    }

    /** {@code N / 255 - x} for {@code N ~ Poisson(255 x)}. */
    private static double shot(double x, SplittableRandom random) {
        double mean = PHOTONS_AT_WHITE * Math.max(0, x);
        return poissonCount(mean, random) / PHOTONS_AT_WHITE - x;
    }

    /**
     * A Poisson count: by inversion of the distribution function for small means, by the rounded normal
     * approximation (skewness below 0.25 there, invisible after scaling) for larger ones.
     */
    static long poissonCount(double mean, SplittableRandom random) {
        if (mean < EXACT_BELOW) {
            double u = random.nextDouble();
            double p = Math.exp(-mean);
            double cumulative = p;
            long k = 0;
            // the bound stops rounding from looping on: P(N > 200) is below 1e-100 for these means
            while (u > cumulative && k < 200) {
                k++;
                p *= mean / k;
                cumulative += p;
            }
            return k;
        }
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
}
