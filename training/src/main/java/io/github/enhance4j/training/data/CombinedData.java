package io.github.enhance4j.training.data;

import io.github.enhance4j.TrainingData;
import io.github.enhance4j.image.FloatImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several data sets trained on together, each split on its own (so an image repeated for weight never sits on both
 * sides of the split) and weighted by repetition: a part with {@code repeat} 40 appears 40 times in the training
 * index space, a part with 1 once. Validation images are the parts' own, at most {@code maxValidation} of each.
 * Thread-safe when the parts are.
 */
public final class CombinedData implements TrainingData {

    /** One data set, its training repetition and its cap on validation images. */
    public record Part(TrainingData data, int repeat, int maxValidation) {
        public Part {
            Objects.requireNonNull(data, "data");
            if (repeat < 1) {
                throw new IllegalArgumentException("repeat must be at least 1, got " + repeat);
            }
            if (maxValidation < 0) {
                throw new IllegalArgumentException("the validation cap must be at least 0, got " + maxValidation);
            }
        }

        int trainingEntries() {
            return Math.multiplyExact(data.trainingSize(), repeat);
        }

        int validationEntries() {
            return Math.min(data.validationSize(), maxValidation);
        }
    }

    private final List<Part> parts;
    private final int trainingSize;
    private final int validationSize;

    public CombinedData(List<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no data sets to combine");
        }
        this.parts = List.copyOf(parts);
        int t = 0;
        int v = 0;
        for (Part p : this.parts) {
            t = Math.addExact(t, p.trainingEntries());
            v += p.validationEntries();
        }
        this.trainingSize = t;
        this.validationSize = v;
    }

    @Override
    public int trainingSize() {
        return trainingSize;
    }

    @Override
    public FloatImage trainingImage(int index) {
        Objects.checkIndex(index, trainingSize);
        int i = index;
        for (Part p : parts) {
            if (i < p.trainingEntries()) {
                return p.data().trainingImage(i % p.data().trainingSize());
            }
            i -= p.trainingEntries();
        }
        throw new AssertionError(index);
    }

    @Override
    public int validationSize() {
        return validationSize;
    }

    @Override
    public FloatImage validationImage(int index) {
        Objects.checkIndex(index, validationSize);
        int i = index;
        for (Part p : parts) {
            if (i < p.validationEntries()) {
                return p.data().validationImage(i);
            }
            i -= p.validationEntries();
        }
        throw new AssertionError(index);
    }

    /** Training entries per part, in order, for a summary line. */
    public List<Integer> trainingEntriesPerPart() {
        List<Integer> sizes = new ArrayList<>();
        for (Part p : parts) {
            sizes.add(p.trainingEntries());
        }
        return sizes;
    }
}
