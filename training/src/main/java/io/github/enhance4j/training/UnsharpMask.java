package io.github.enhance4j.training;

import io.github.enhance4j.image.Degradation;
import io.github.enhance4j.image.FloatImage;

import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The classical peer of a restoration model: {@code x + amount * (x - gauss(x, sigma))}, clamped to 0..1, as
 * GIMP's and ImageMagick's unsharp mask (without a threshold). Defaults sigma 1.0, amount 0.8: a moderate setting that
 * a user would pick for a slightly soft photo; it is what "no network" can do against blur.
 */
final class UnsharpMask implements UnaryOperator<FloatImage> {

    static final double DEFAULT_SIGMA = 1.0;
    static final double DEFAULT_AMOUNT = 0.8;

    private final Degradation blur;
    private final float amount;

    UnsharpMask(double sigma, double amount) {
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("unsharp amount must be positive and finite, got " + amount);
        }
        this.blur = Degradation.gaussianBlur(sigma);
        this.amount = (float) amount;
    }

    static UnsharpMask defaults() {
        return new UnsharpMask(DEFAULT_SIGMA, DEFAULT_AMOUNT);
    }

    @Override
    public FloatImage apply(FloatImage image) {
        FloatImage soft = blur.apply(image, new Random(0));
        float[] x = image.colorData();
        float[] b = soft.colorData();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float v = x[i] + amount * (x[i] - b[i]);
            out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
        }
        return new FloatImage(image.width(), image.height(), image.channels(), out,
                image.hasAlpha() ? image.alphaData().clone() : null);
    }
}
