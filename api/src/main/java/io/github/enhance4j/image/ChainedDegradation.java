package io.github.enhance4j.image;

import java.util.Objects;
import java.util.Random;

/** Two degradations applied one after the other. */
final class ChainedDegradation implements Degradation {

    private final Degradation first;
    private final Degradation second;

    ChainedDegradation(Degradation first, Degradation second) {
        this.first = Objects.requireNonNull(first, "first");
        this.second = Objects.requireNonNull(second, "second");
    }

    @Override
    public FloatImage apply(FloatImage image, Random random) {
        return second.apply(first.apply(image, random), random);
    }

    @Override
    public String toString() {
        return first + ".then(" + second + ")";
    }
}
