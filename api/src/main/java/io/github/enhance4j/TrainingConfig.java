package io.github.enhance4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything that defines a training run. Immutable and thread-safe; build with {@link #builder()}. Two runs with
 * the same configuration, data and {@link #seed()} give the same model.
 */
public final class TrainingConfig {

    /** Optimisers. */
    public enum Optimizer {
        /** Adadelta (rho 0.95, epsilon 1e-7, learning rate 1.0 as in Keras 2), the seed recipe's. */
        ADADELTA,
        /** Adam (beta1 0.9, beta2 0.999). */
        ADAM
    }

    /** Loss functions. */
    public enum Loss {
        /** Mean squared error. */
        MSE,
        /** Mean absolute error. */
        L1
    }

    /** How the learning rate changes over a run. */
    public enum Schedule {
        /** The configured rate throughout (the seed recipe). */
        CONSTANT,
        /** Cosine decay from the configured rate to 1% of it over all epochs' batches. */
        COSINE
    }

    private final String backend;
    private final String architecture;
    private final int scale;
    private final Optimizer optimizer;
    private final double learningRate;
    private final Schedule schedule;
    private final Loss loss;
    private final int batchSize;
    private final int epochs;
    private final int patchSize;
    private final int samplesPerEpoch;
    private final boolean augment;
    private final String degradation;
    private final double earlyStoppingMinDelta;
    private final int earlyStoppingPatience;
    private final double activityRegularization;
    private final long seed;
    private final int threads;
    private final Duration maxDuration;
    private final Path checkpointDirectory;
    private final Path initialWeights;

    private TrainingConfig(Builder b) {
        this.backend = b.backend;
        this.architecture = b.architecture;
        this.scale = b.scale;
        this.optimizer = b.optimizer;
        this.learningRate = Double.isNaN(b.learningRate) ? (b.optimizer == Optimizer.ADADELTA ? 1.0 : 1e-3)
                : b.learningRate;
        this.schedule = b.schedule;
        this.loss = b.loss;
        this.batchSize = b.batchSize;
        this.epochs = b.epochs;
        this.patchSize = b.patchSize;
        this.samplesPerEpoch = b.samplesPerEpoch;
        this.augment = b.augment;
        this.degradation = b.degradation;
        this.earlyStoppingMinDelta = b.earlyStoppingMinDelta;
        this.earlyStoppingPatience = b.earlyStoppingPatience;
        this.activityRegularization = b.activityRegularization;
        this.seed = b.seed;
        this.threads = b.threads;
        this.maxDuration = b.maxDuration;
        this.checkpointDirectory = b.checkpointDirectory;
        this.initialWeights = b.initialWeights;
    }

    /** {@return a new builder with the seed recipe's defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with this configuration, to derive a variant} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.backend = backend;
        b.architecture = architecture;
        b.scale = scale;
        b.optimizer = optimizer;
        b.learningRate = learningRate;
        b.schedule = schedule;
        b.loss = loss;
        b.batchSize = batchSize;
        b.epochs = epochs;
        b.patchSize = patchSize;
        b.samplesPerEpoch = samplesPerEpoch;
        b.augment = augment;
        b.degradation = degradation;
        b.earlyStoppingMinDelta = earlyStoppingMinDelta;
        b.earlyStoppingPatience = earlyStoppingPatience;
        b.activityRegularization = activityRegularization;
        b.seed = seed;
        b.threads = threads;
        b.maxDuration = maxDuration;
        b.checkpointDirectory = checkpointDirectory;
        b.initialWeights = initialWeights;
        return b;
    }

    /** {@return the training backend asked for by name; empty chooses automatically} */
    public Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    /** {@return the registered architecture name, e.g. {@code seed-autoencoder}} */
    public String architecture() {
        return architecture;
    }

    /** {@return the scale: 1 for restoration, 2..4 for super-resolution} */
    public int scale() {
        return scale;
    }

    /** {@return the optimiser} */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** {@return the learning rate; defaults to 1.0 for Adadelta and 1e-3 for Adam} */
    public double learningRate() {
        return learningRate;
    }

    /** {@return how the learning rate changes over the run} */
    public Schedule schedule() {
        return schedule;
    }

    /** {@return the loss function} */
    public Loss loss() {
        return loss;
    }

    /** {@return the number of images per update} */
    public int batchSize() {
        return batchSize;
    }

    /** {@return the number of passes over the training images, at most} */
    public int epochs() {
        return epochs;
    }

    /** {@return the edge of the random training crops in output pixels, or 0 to train on whole images} */
    public int patchSize() {
        return patchSize;
    }

    /**
     * {@return the training samples (patches or images) per epoch, or 0 for one per training image} Small data sets
     * trained on random patches need more than one patch per image for an epoch to mean anything; images are then
     * drawn equally often in a shuffled order, each with a fresh random crop and damage.
     */
    public int samplesPerEpoch() {
        return samplesPerEpoch;
    }

    /**
     * {@return whether each training image is varied at random before it is damaged} For a uniform set (LFW's
     * aligned faces), so that the model learns the subject rather than the set's framing and colour. Whole images get
     * a random zoom (a crop of 80 to 100% of each side, resized back), a horizontal flip and a small change of
     * brightness, contrast and saturation. With a patch size, each patch is a square of random side between the patch
     * and the image's shorter side, shrunk to the patch (nearest neighbour), flipped, and changed more in colour
     * (tint included); without augmentation, patches are plain crops flipped either way.
     */
    public boolean augment() {
        return augment;
    }

    /**
     * {@return how training inputs are damaged, in the form {@link io.github.enhance4j.image.Degradation#parse}
     * reads} Steps are separated by {@code +}, e.g. {@code pixelate:0.4}, {@code bicubic:4}, {@code blur:1.2+jpeg:40}.
     */
    public String degradation() {
        return degradation;
    }

    /** {@return the smallest decrease of validation loss that counts as an improvement} */
    public double earlyStoppingMinDelta() {
        return earlyStoppingMinDelta;
    }

    /** {@return epochs without improvement before stopping; 0 disables early stopping} */
    public int earlyStoppingPatience() {
        return earlyStoppingPatience;
    }

    /**
     * {@return the weight of an L1 penalty on every ReLU output (per image, as Keras's
     * {@code activity_regularizer})} Empty means the architecture's own choice (the seed autoencoder: 1e-9, as SEED.md;
     * the others: none).
     */
    public OptionalDouble activityRegularization() {
        return Double.isNaN(activityRegularization) ? OptionalDouble.empty() : OptionalDouble.of(activityRegularization);
    }

    /** {@return the seed of the run's random numbers (initial weights, order, crops, dropout)} */
    public long seed() {
        return seed;
    }

    /** {@return threads for training; 0 for all cores} */
    public int threads() {
        return threads;
    }

    /** {@return the wall-time limit, or empty for none} */
    public Optional<Duration> maxDuration() {
        return Optional.ofNullable(maxDuration);
    }

    /**
     * {@return where a checkpoint is written after every epoch, or empty for none} Backends name their checkpoint
     * files there {@code checkpoint*} (applications find them by that prefix).
     */
    public Optional<Path> checkpointDirectory() {
        return Optional.ofNullable(checkpointDirectory);
    }

    /**
     * {@return the checkpoint whose parameters a new run starts from, or empty for a random start} Transfer
     * learning: a parameter is copied where the checkpoint has one of the same name and shape (a restoration
     * network's body into its enlarging variant, for example); the others start as usual. A resumed run ignores it.
     */
    public Optional<Path> initialWeights() {
        return Optional.ofNullable(initialWeights);
    }

    @Override
    public String toString() {
        return "TrainingConfig[architecture=" + architecture + ", scale=" + scale + ", optimizer=" + optimizer
                + ", lr=" + learningRate + " " + schedule + ", loss=" + loss + ", batch=" + batchSize + ", epochs=" + epochs
                + ", patch=" + patchSize + (samplesPerEpoch > 0 ? ", samplesPerEpoch=" + samplesPerEpoch : "")
                + (augment ? ", augment" : "")
                + ", degradation=" + degradation + ", earlyStopping="
                + (earlyStoppingPatience == 0 ? "off" : earlyStoppingPatience + "/" + earlyStoppingMinDelta)
                + (Double.isNaN(activityRegularization) ? "" : ", activityL1=" + activityRegularization)
                + ", seed=" + seed + ", threads=" + threads + ", maxDuration=" + maxDuration + ", backend="
                + (backend == null ? "auto" : backend)
                + (initialWeights == null ? "" : ", initialWeights=" + initialWeights) + "]";
    }

    /**
     * Builds {@link TrainingConfig}. Defaults are the seed recipe: {@code seed-autoencoder}, scale 1, Adadelta,
     * MSE, batch 256, 10 epochs, whole images, {@code pixelate:0.4}, early stopping 1e-4 / 4, seed 32.
     */
    public static final class Builder {
        private String backend;
        private String architecture = "seed-autoencoder";
        private int scale = 1;
        private Optimizer optimizer = Optimizer.ADADELTA;
        private double learningRate = Double.NaN;
        private Schedule schedule = Schedule.CONSTANT;
        private Loss loss = Loss.MSE;
        private int batchSize = 256;
        private int epochs = 10;
        private int patchSize;
        private int samplesPerEpoch;
        private boolean augment;
        private String degradation = "pixelate:0.4";
        private double earlyStoppingMinDelta = 1e-4;
        private int earlyStoppingPatience = 4;
        private double activityRegularization = Double.NaN;
        private long seed = 32;
        private int threads;
        private Duration maxDuration;
        private Path checkpointDirectory;
        private Path initialWeights;

        private Builder() {
        }

        /**
         * Chooses the training backend by name; {@code null} or blank chooses automatically.
         *
         * @param backend {@code dl4j} or another installed backend's name, case-insensitive
         * @return this builder
         */
        public Builder backend(String backend) {
            this.backend = backend == null || backend.isBlank() ? null : backend.trim().toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * Sets the architecture to train; {@code seed-autoencoder} by default.
         *
         * @param architecture a name the backend registers, e.g. {@code espcn}
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder architecture(String architecture) {
            Objects.requireNonNull(architecture, "architecture");
            if (architecture.isBlank()) {
                throw new IllegalArgumentException("architecture must not be blank");
            }
            this.architecture = architecture.trim();
            return this;
        }

        /**
         * Sets the scale; 1 by default.
         *
         * @param scale output size divided by input size, 1..8
         * @return this builder
         * @throws IllegalArgumentException if it is outside 1..8
         */
        public Builder scale(int scale) {
            if (scale < 1 || scale > 8) {
                throw new IllegalArgumentException("scale must be 1..8, got " + scale);
            }
            this.scale = scale;
            return this;
        }

        /**
         * Sets the optimiser; Adadelta by default.
         *
         * @param optimizer the optimiser
         * @return this builder
         */
        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        /**
         * Sets the learning rate; without this call 1.0 for Adadelta and 1e-3 for Adam.
         *
         * @param learningRate a positive, finite rate
         * @return this builder
         * @throws IllegalArgumentException if it is not positive and finite
         */
        public Builder learningRate(double learningRate) {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
            }
            this.learningRate = learningRate;
            return this;
        }

        /**
         * Sets how the learning rate changes over the run; constant by default.
         *
         * @param schedule the schedule
         * @return this builder
         */
        public Builder schedule(Schedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /**
         * Sets the loss function; MSE by default.
         *
         * @param loss the loss
         * @return this builder
         */
        public Builder loss(Loss loss) {
            this.loss = Objects.requireNonNull(loss, "loss");
            return this;
        }

        /**
         * Sets the number of images per update; 256 by default.
         *
         * @param batchSize 1 or more
         * @return this builder
         * @throws IllegalArgumentException if it is below 1
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets the number of passes over the training images, at most; 10 by default.
         *
         * @param epochs 1 or more
         * @return this builder
         * @throws IllegalArgumentException if it is below 1
         */
        public Builder epochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /**
         * Sets the edge of the random training crops; 0 (the default) trains on whole images.
         *
         * @param patchSize output pixels, or 0
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         */
        public Builder patchSize(int patchSize) {
            if (patchSize < 0) {
                throw new IllegalArgumentException("patch size must be >= 0 (0 = whole images), got " + patchSize);
            }
            this.patchSize = patchSize;
            return this;
        }

        /**
         * Turns the random variation of training images on or off; see {@link TrainingConfig#augment()}.
         *
         * @param augment whether to vary each training image (default off)
         * @return this builder
         */
        public Builder augment(boolean augment) {
            this.augment = augment;
            return this;
        }

        /**
         * Sets the samples per epoch; see {@link TrainingConfig#samplesPerEpoch()}.
         *
         * @param samplesPerEpoch 0 (the default) for one per training image, or more
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         */
        public Builder samplesPerEpoch(int samplesPerEpoch) {
            if (samplesPerEpoch < 0) {
                throw new IllegalArgumentException("samples per epoch must be >= 0 (0 = one per training image), got "
                        + samplesPerEpoch);
            }
            this.samplesPerEpoch = samplesPerEpoch;
            return this;
        }

        /**
         * Sets how training inputs are damaged; {@code pixelate:0.4} by default.
         *
         * @param degradation steps in the form {@link io.github.enhance4j.image.Degradation#parse} reads, e.g.
         *                    {@code bicubic:4}
         * @return this builder
         * @throws IllegalArgumentException if {@code Degradation.parse} rejects it
         */
        public Builder degradation(String degradation) {
            Objects.requireNonNull(degradation, "degradation");
            io.github.enhance4j.image.Degradation.parse(degradation); // rejects a bad spec now, not mid-training
            this.degradation = degradation.trim();
            return this;
        }

        /**
         * The L1 activity penalty's weight on every ReLU output (0 turns it off); without this call the
         * architecture decides (see {@link TrainingConfig#activityRegularization()}).
         *
         * @param l1 the weight, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if it is negative or not finite
         */
        public Builder activityRegularization(double l1) {
            if (!(l1 >= 0) || Double.isInfinite(l1)) {
                throw new IllegalArgumentException("activity regularisation must be a finite number >= 0, got " + l1);
            }
            this.activityRegularization = l1;
            return this;
        }

        /**
         * Early stopping on validation loss; 1e-4 and 4 by default.
         *
         * @param minDelta the smallest decrease of validation loss that counts as an improvement
         * @param patience epochs without improvement before stopping; 0 turns early stopping off
         * @return this builder
         * @throws IllegalArgumentException if either is negative
         */
        public Builder earlyStopping(double minDelta, int patience) {
            if (minDelta < 0 || patience < 0) {
                throw new IllegalArgumentException("early stopping needs minDelta >= 0 and patience >= 0, got "
                        + minDelta + " and " + patience);
            }
            this.earlyStoppingMinDelta = minDelta;
            this.earlyStoppingPatience = patience;
            return this;
        }

        /**
         * Sets the seed of the run's random numbers; 32 by default.
         *
         * @param seed any number
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the threads for training; 0 (the default) uses all cores.
         *
         * @param threads 0 or more
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         */
        public Builder threads(int threads) {
            if (threads < 0) {
                throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Sets a wall-time limit: the run stops once it has passed; none by default.
         *
         * @param maxDuration a positive duration, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder maxDuration(Duration maxDuration) {
            if (maxDuration != null && (maxDuration.isNegative() || maxDuration.isZero())) {
                throw new IllegalArgumentException("maxDuration must be positive, got " + maxDuration);
            }
            this.maxDuration = maxDuration;
            return this;
        }

        /**
         * Sets where a checkpoint is written after every epoch; none by default.
         *
         * @param checkpointDirectory a folder, or {@code null} for no checkpoints
         * @return this builder
         */
        public Builder checkpointDirectory(Path checkpointDirectory) {
            this.checkpointDirectory = checkpointDirectory;
            return this;
        }

        /**
         * Starts a new run from a trained checkpoint's parameters instead of random ones: each parameter of the same
         * name and shape is copied, the others start as usual, and the optimiser starts afresh. The backend refuses a
         * file it cannot read or one that shares no parameter with the architecture. None by default.
         *
         * @param initialWeights a checkpoint file of the training backend, or {@code null} for a random start
         * @return this builder
         */
        public Builder initialWeights(Path initialWeights) {
            this.initialWeights = initialWeights;
            return this;
        }

        /** {@return the immutable configuration} */
        public TrainingConfig build() {
            return new TrainingConfig(this);
        }
    }
}
