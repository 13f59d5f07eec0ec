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
        MSE, L1
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
    private final String degradation;
    private final double earlyStoppingMinDelta;
    private final int earlyStoppingPatience;
    private final double activityRegularization;
    private final long seed;
    private final int threads;
    private final Duration maxDuration;
    private final Path checkpointDirectory;

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
        this.degradation = b.degradation;
        this.earlyStoppingMinDelta = b.earlyStoppingMinDelta;
        this.earlyStoppingPatience = b.earlyStoppingPatience;
        this.activityRegularization = b.activityRegularization;
        this.seed = b.seed;
        this.threads = b.threads;
        this.maxDuration = b.maxDuration;
        this.checkpointDirectory = b.checkpointDirectory;
    }

    public static Builder builder() {
        return new Builder();
    }

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
        b.degradation = degradation;
        b.earlyStoppingMinDelta = earlyStoppingMinDelta;
        b.earlyStoppingPatience = earlyStoppingPatience;
        b.activityRegularization = activityRegularization;
        b.seed = seed;
        b.threads = threads;
        b.maxDuration = maxDuration;
        b.checkpointDirectory = checkpointDirectory;
        return b;
    }

    /** The training backend asked for by name; empty chooses automatically. */
    public Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    /** Registered architecture name, e.g. {@code seed-autoencoder}. */
    public String architecture() {
        return architecture;
    }

    /** 1 for restoration, 2..4 for super-resolution. */
    public int scale() {
        return scale;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The learning rate; defaults to 1.0 for Adadelta and 1e-3 for Adam. */
    public double learningRate() {
        return learningRate;
    }

    public Schedule schedule() {
        return schedule;
    }

    public Loss loss() {
        return loss;
    }

    public int batchSize() {
        return batchSize;
    }

    public int epochs() {
        return epochs;
    }

    /** Edge of the random training crops in output pixels, or 0 to train on whole images. */
    public int patchSize() {
        return patchSize;
    }

    /**
     * Training samples (patches or images) per epoch, or 0 for one per training image. Small data sets trained on
     * random patches need more than one patch per image for an epoch to mean anything; images are then drawn
     * equally often in a shuffled order, each with a fresh random crop and damage.
     */
    public int samplesPerEpoch() {
        return samplesPerEpoch;
    }

    /**
     * How training inputs are damaged, in the form {@link io.github.enhance4j.image.Degradation#parse} reads:
     * steps separated by {@code +}, e.g. {@code pixelate:0.4}, {@code bicubic:4}, {@code blur:1.2+jpeg:40}.
     */
    public String degradation() {
        return degradation;
    }

    /** Smallest decrease of validation loss that counts as an improvement. */
    public double earlyStoppingMinDelta() {
        return earlyStoppingMinDelta;
    }

    /** Epochs without improvement before stopping; 0 disables early stopping. */
    public int earlyStoppingPatience() {
        return earlyStoppingPatience;
    }

    /**
     * The weight of an L1 penalty on every ReLU output (per image, as Keras's {@code activity_regularizer}); empty
     * means the architecture's own choice (the seed autoencoder: 1e-9, as SEED.md; the others: none).
     */
    public OptionalDouble activityRegularization() {
        return Double.isNaN(activityRegularization) ? OptionalDouble.empty() : OptionalDouble.of(activityRegularization);
    }

    public long seed() {
        return seed;
    }

    /** Threads for training; 0 for all cores. */
    public int threads() {
        return threads;
    }

    /** Wall-time limit, or empty for none. */
    public Optional<Duration> maxDuration() {
        return Optional.ofNullable(maxDuration);
    }

    /**
     * Where a checkpoint is written after every epoch, or empty for none. Backends name their checkpoint files there
     * {@code checkpoint*} (applications find them by that prefix).
     */
    public Optional<Path> checkpointDirectory() {
        return Optional.ofNullable(checkpointDirectory);
    }

    @Override
    public String toString() {
        return "TrainingConfig[architecture=" + architecture + ", scale=" + scale + ", optimizer=" + optimizer
                + ", lr=" + learningRate + " " + schedule + ", loss=" + loss + ", batch=" + batchSize + ", epochs=" + epochs
                + ", patch=" + patchSize + (samplesPerEpoch > 0 ? ", samplesPerEpoch=" + samplesPerEpoch : "")
                + ", degradation=" + degradation + ", earlyStopping="
                + (earlyStoppingPatience == 0 ? "off" : earlyStoppingPatience + "/" + earlyStoppingMinDelta)
                + (Double.isNaN(activityRegularization) ? "" : ", activityL1=" + activityRegularization)
                + ", seed=" + seed + ", threads=" + threads + ", maxDuration=" + maxDuration + ", backend="
                + (backend == null ? "auto" : backend) + "]";
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
        private String degradation = "pixelate:0.4";
        private double earlyStoppingMinDelta = 1e-4;
        private int earlyStoppingPatience = 4;
        private double activityRegularization = Double.NaN;
        private long seed = 32;
        private int threads;
        private Duration maxDuration;
        private Path checkpointDirectory;

        private Builder() {
        }

        public Builder backend(String backend) {
            this.backend = backend == null || backend.isBlank() ? null : backend.trim().toLowerCase(Locale.ROOT);
            return this;
        }

        public Builder architecture(String architecture) {
            Objects.requireNonNull(architecture, "architecture");
            if (architecture.isBlank()) {
                throw new IllegalArgumentException("architecture must not be blank");
            }
            this.architecture = architecture.trim();
            return this;
        }

        public Builder scale(int scale) {
            if (scale < 1 || scale > 8) {
                throw new IllegalArgumentException("scale must be 1..8, got " + scale);
            }
            this.scale = scale;
            return this;
        }

        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        public Builder learningRate(double learningRate) {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
            }
            this.learningRate = learningRate;
            return this;
        }

        public Builder schedule(Schedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        public Builder loss(Loss loss) {
            this.loss = Objects.requireNonNull(loss, "loss");
            return this;
        }

        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        public Builder epochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        public Builder patchSize(int patchSize) {
            if (patchSize < 0) {
                throw new IllegalArgumentException("patch size must be >= 0 (0 = whole images), got " + patchSize);
            }
            this.patchSize = patchSize;
            return this;
        }

        /** Samples per epoch, 0 (the default) for one per training image; see {@link #samplesPerEpoch()}. */
        public Builder samplesPerEpoch(int samplesPerEpoch) {
            if (samplesPerEpoch < 0) {
                throw new IllegalArgumentException("samples per epoch must be >= 0 (0 = one per training image), got "
                        + samplesPerEpoch);
            }
            this.samplesPerEpoch = samplesPerEpoch;
            return this;
        }

        public Builder degradation(String degradation) {
            Objects.requireNonNull(degradation, "degradation");
            io.github.enhance4j.image.Degradation.parse(degradation); // rejects a bad spec now, not mid-training
            this.degradation = degradation.trim();
            return this;
        }

        /**
         * The L1 activity penalty's weight on every ReLU output (0 turns it off); without this call the
         * architecture decides (see {@link TrainingConfig#activityRegularization()}).
         */
        public Builder activityRegularization(double l1) {
            if (!(l1 >= 0) || Double.isInfinite(l1)) {
                throw new IllegalArgumentException("activity regularisation must be a finite number >= 0, got " + l1);
            }
            this.activityRegularization = l1;
            return this;
        }

        /** Early stopping on validation loss; patience 0 turns it off. */
        public Builder earlyStopping(double minDelta, int patience) {
            if (minDelta < 0 || patience < 0) {
                throw new IllegalArgumentException("early stopping needs minDelta >= 0 and patience >= 0, got "
                        + minDelta + " and " + patience);
            }
            this.earlyStoppingMinDelta = minDelta;
            this.earlyStoppingPatience = patience;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 0) {
                throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), got " + threads);
            }
            this.threads = threads;
            return this;
        }

        public Builder maxDuration(Duration maxDuration) {
            if (maxDuration != null && (maxDuration.isNegative() || maxDuration.isZero())) {
                throw new IllegalArgumentException("maxDuration must be positive, got " + maxDuration);
            }
            this.maxDuration = maxDuration;
            return this;
        }

        public Builder checkpointDirectory(Path checkpointDirectory) {
            this.checkpointDirectory = checkpointDirectory;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(this);
        }
    }
}
