package io.github.enhance4j.image;

import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The classical peer of a restoration model: {@code x + amount * (x - gauss(x, sigma))}, clamped to 0..1, as GIMP's
 * and ImageMagick's unsharp mask (without a threshold). {@link #defaults()} is sigma 1.0, amount 0.8: a moderate
 * setting that a user would pick for a slightly soft photo, what "no network" can do against blur. The command line's
 * demo and {@code enhance4j-train evaluate -m unsharp} compare the models with it. Alpha is kept; immutable and
 * thread-safe.
 */
public final class UnsharpMask implements UnaryOperator<FloatImage> {

    /** The default Gaussian's standard deviation, in pixels. */
    public static final double DEFAULT_SIGMA = 1.0;
    /** The default strength. */
    public static final double DEFAULT_AMOUNT = 0.8;

    private static final UnsharpMask DEFAULTS = new UnsharpMask(DEFAULT_SIGMA, DEFAULT_AMOUNT);

    private final double sigma;
    private final Degradation blur;
    private final float amount;

    private UnsharpMask(double sigma, double amount) {
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("unsharp amount must be positive and finite, got " + amount);
        }
        this.sigma = sigma;
        this.blur = Degradation.gaussianBlur(sigma); // validates sigma
        this.amount = (float) amount;
    }

    /**
     * An unsharp mask of this radius and strength.
     *
     * @param sigma  the Gaussian's standard deviation in pixels, above 0
     * @param amount how much of the detail ({@code x - gauss(x)}) is added, above 0 (1 doubles it)
     * @return the filter
     * @throws IllegalArgumentException if either is out of range
     */
    public static UnsharpMask of(double sigma, double amount) {
        return new UnsharpMask(sigma, amount);
    }

    /** {@return sigma 1.0, amount 0.8} */
    public static UnsharpMask defaults() {
        return DEFAULTS;
    }

    /** {@return the Gaussian's standard deviation in pixels} */
    public double sigma() {
        return sigma;
    }

    /** {@return the strength} */
    public double amount() {
        return amount;
    }

    /**
     * Sharpens an image.
     *
     * @param image the image, not changed
     * @return a new, sharpened image of the same size, clamped to 0..1
     */
    @Override
    public FloatImage apply(FloatImage image) {
        Objects.requireNonNull(image, "image");
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

    @Override
    public String toString() {
        return "unsharpMask(sigma " + sigma + ", amount " + amount + ")";
    }
}
