package io.github.enhance4j.image;

import java.util.Objects;
import java.util.Random;

/** See {@link Degradation#gaussianBlur(double)}. */
final class GaussianBlurDegradation implements Degradation {

    private final double sigma;
    private final float[] kernel;

    GaussianBlurDegradation(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("blur sigma must be positive and finite, got " + sigma);
        }
        this.sigma = sigma;
        this.kernel = kernel(sigma);
    }

    /** Normalised weights for offsets {@code -radius .. radius}, {@code radius = ceil(3 sigma)}. */
    private static float[] kernel(double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] weights = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            weights[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += weights[i + radius];
        }
        float[] normalised = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            normalised[i] = (float) (weights[i] / sum);
        }
        return normalised;
    }

    @Override
    public FloatImage apply(FloatImage image, Random random) {
        Objects.requireNonNull(image, "image");
        FloatImage out = image.copy();
        int w = image.width();
        int h = image.height();
        // a blur is a convolution whose taps do not depend on the position: the resampler's engine runs it
        SeparableResize blur = new SeparableResize(taps(w), taps(h));
        for (int c = 0; c < image.channels(); c++) {
            blur.resize(image.colorData(), image.planeOffset(c), out.colorData(), out.planeOffset(c));
        }
        FloatImage.clamp(out.colorData());
        return out;
    }

    private AxisWeights taps(int size) {
        return AxisWeights.stencil(size, kernel, AxisWeights.Border.SYMMETRIC);
    }

    @Override
    public String toString() {
        return "gaussianBlur(" + sigma + ")";
    }
}
