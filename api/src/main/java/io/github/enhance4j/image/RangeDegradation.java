package io.github.enhance4j.image;

import java.util.Random;
import java.util.function.DoubleFunction;

/**
 * A damage whose strength is drawn per call, uniformly from {@code min..max} (a whole number for integer settings
 * such as JPEG quality): the {@code MIN..MAX} values of {@link Degradation#parse}.
 */
final class RangeDegradation implements Degradation {

    private final String name;
    private final double min;
    private final double max;
    private final boolean whole;
    private final DoubleFunction<Degradation> factory;

    private RangeDegradation(String name, double min, double max, boolean whole, DoubleFunction<Degradation> factory) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.whole = whole;
        this.factory = factory;
    }

    /**
     * @param step    the step as written, for messages
     * @param range   {@code MIN..MAX}
     * @param whole   whether the value is a whole number
     * @param factory makes the damage at one value; it validates the value
     */
    static Degradation of(String step, String range, boolean whole, DoubleFunction<Degradation> factory) {
        String[] ends = range.split("\\.\\.", -1);
        if (ends.length != 2) {
            throw new IllegalArgumentException("degradation step '" + step + "' has a range that is not MIN..MAX");
        }
        double min = whole ? Integer.parseInt(ends[0].trim()) : Double.parseDouble(ends[0].trim());
        double max = whole ? Integer.parseInt(ends[1].trim()) : Double.parseDouble(ends[1].trim());
        if (!(min <= max)) {
            throw new IllegalArgumentException("degradation step '" + step + "' has a range whose minimum is above"
                    + " its maximum");
        }
        factory.apply(min); // both ends must be valid values: the factory rejects them with the value
        factory.apply(max);
        return new RangeDegradation(step.substring(0, step.indexOf(':')).trim(), min, max, whole, factory);
    }

    @Override
    public FloatImage apply(FloatImage image, Random random) {
        double value = whole ? min + random.nextInt((int) (max - min) + 1) : min + random.nextDouble() * (max - min);
        return factory.apply(value).apply(image, random);
    }

    @Override
    public String toString() {
        return name + "(" + (whole ? String.valueOf((int) min) : String.valueOf(min)) + ".."
                + (whole ? String.valueOf((int) max) : String.valueOf(max)) + ")";
    }
}
