package io.github.enhance4j.image;

import java.util.Objects;
import java.util.Random;

/** See {@link Degradation#bicubicDownscale(int)} and {@link Degradation#areaDownscale(int)}. */
final class BicubicDownscaleDegradation implements Degradation {

    private final int factor;
    private final Resampler resampler;

    BicubicDownscaleDegradation(int factor, Resampler resampler) {
        this.resampler = Objects.requireNonNull(resampler, "resampler");
        if (factor < 1) {
            throw new IllegalArgumentException("downscale factor must be at least 1, got " + factor);
        }
        this.factor = factor;
    }

    @Override
    public FloatImage apply(FloatImage image, Random random) {
        Objects.requireNonNull(image, "image");
        FloatImage cropped = SrEvaluation.modcrop(image, factor);
        return resampler.resize(cropped, cropped.width() / factor, cropped.height() / factor);
    }

    @Override
    public String toString() {
        return (resampler == Resampler.BICUBIC ? "bicubicDownscale(" : "areaDownscale(") + factor + ")";
    }
}
