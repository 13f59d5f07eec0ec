package io.github.enhance4j;

import io.github.enhance4j.image.FloatImage;

import java.util.List;
import java.util.Objects;

/**
 * Clean images for training and validation; the trainer makes the damaged inputs from them with the configured
 * {@link io.github.enhance4j.image.Degradation}. Implementations may load images lazily; they must be safe to read
 * from several threads.
 */
public interface TrainingData {

    /** {@return the number of training images} */
    int trainingSize();

    /**
     * A training image.
     *
     * @param index 0 to {@link #trainingSize()} - 1
     * @return the image, colour values 0..1
     */
    FloatImage trainingImage(int index);

    /** {@return the number of validation images; may be 0} */
    int validationSize();

    /**
     * A validation image.
     *
     * @param index 0 to {@link #validationSize()} - 1
     * @return the image, colour values 0..1
     */
    FloatImage validationImage(int index);

    /**
     * Data held in memory. The lists are copied; the images are not.
     *
     * @param training   the training images; not empty
     * @param validation the validation images; may be empty
     * @return the data
     * @throws IllegalArgumentException if {@code training} is empty
     */
    static TrainingData of(List<FloatImage> training, List<FloatImage> validation) {
        List<FloatImage> t = List.copyOf(Objects.requireNonNull(training, "training"));
        List<FloatImage> v = List.copyOf(Objects.requireNonNull(validation, "validation"));
        if (t.isEmpty()) {
            throw new IllegalArgumentException("training data is empty");
        }
        return new TrainingData() {
            @Override
            public int trainingSize() {
                return t.size();
            }

            @Override
            public FloatImage trainingImage(int index) {
                return t.get(index);
            }

            @Override
            public int validationSize() {
                return v.size();
            }

            @Override
            public FloatImage validationImage(int index) {
                return v.get(index);
            }
        };
    }
}
