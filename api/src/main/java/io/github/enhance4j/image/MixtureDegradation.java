package io.github.enhance4j.image;

import java.util.List;
import java.util.Random;

/** One of several damages per call, chosen by weight: {@link Degradation#mixture}. */
final class MixtureDegradation implements Degradation {

    private final List<Degradation> choices;
    private final double[] cumulative;
    private final List<Double> weights;

    MixtureDegradation(List<Degradation> choices, List<Double> weights) {
        if (choices == null || weights == null || choices.isEmpty() || choices.size() != weights.size()) {
            throw new IllegalArgumentException("a mixture needs one weight per damage and at least one damage, got "
                    + (choices == null ? "no damages" : choices.size() + " damages") + " and "
                    + (weights == null ? "no weights" : weights.size() + " weights"));
        }
        this.choices = List.copyOf(choices);
        this.weights = List.copyOf(weights);
        cumulative = new double[weights.size()];
        double sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            double w = weights.get(i);
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("mixture weights must be positive and finite, got " + w);
            }
            sum += w;
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    @Override
    public FloatImage apply(FloatImage image, Random random) {
        double u = random.nextDouble();
        int i = 0;
        while (i < cumulative.length - 1 && u >= cumulative[i]) {
            i++;
        }
        return choices.get(i).apply(image, random);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("mixture(");
        for (int i = 0; i < choices.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(weights.get(i)).append('*').append(choices.get(i));
        }
        return b.append(')').toString();
    }
}
