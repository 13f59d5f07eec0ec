package io.github.enhance4j.image;

import java.util.Objects;
import java.util.Random;

/** See {@link Degradation#gaussianNoise(double)}. */
final class GaussianNoiseDegradation implements Degradation {

    private final double sigma;

    GaussianNoiseDegradation(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("noise sigma must be at least 0 and finite, got " + sigma);
        }
        this.sigma = sigma;
    }

    @Override
    public FloatImage apply(FloatImage image, Random random) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(random, "random");
        FloatImage out = image.copy();
        float[] color = out.colorData();
        for (int i = 0; i < color.length; i++) {
            color[i] += (float) (sigma * random.nextGaussian());
        }
        FloatImage.clamp(color);
        return out;
    }

    @Override
    public String toString() {
        return "gaussianNoise(" + sigma + ")";
    }
}
