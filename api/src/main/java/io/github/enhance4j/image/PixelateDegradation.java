package io.github.enhance4j.image;

import java.util.Objects;
import java.util.Random;

/** See {@link Degradation#pixelate(double)}. */
final class PixelateDegradation implements Degradation {

    private final double fraction;

    PixelateDegradation(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("pixelate fraction must be in (0, 1], got " + fraction);
        }
        this.fraction = fraction;
    }

    @Override
    public FloatImage apply(FloatImage image, Random random) {
        Objects.requireNonNull(image, "image");
        int w = Math.max(1, (int) Math.round(fraction * image.width()));
        int h = Math.max(1, (int) Math.round(fraction * image.height()));
        return Resampler.AREA.resize(Resampler.AREA.resize(image, w, h), image.width(), image.height());
    }

    @Override
    public String toString() {
        return "pixelate(" + fraction + ")";
    }
}
