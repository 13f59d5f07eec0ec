package io.github.enhance4j.training;

import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.image.FloatImage;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Named starting points for {@code train}; every setting can still be overridden on the command line.
 */
enum Preset {

    /** The seed recipe, faithfully: see SEED.md. */
    SEED("seed-autoencoder", 1, TrainingConfig.Optimizer.ADADELTA, 1.0, TrainingConfig.Schedule.CONSTANT, 256, 10, 0,
            "pixelate:0.4", true, 1e-4),
    /**
     * Same network and data, better optimisation: Adam, batch 16 (twice the updates of batch 32 for the same
     * images), cosine decay over 2 epochs; about 40 minutes on two cores. Trains the shipped seed-autoencoder.
     */
    SEED_TUNED("seed-autoencoder", 1, TrainingConfig.Optimizer.ADAM, 1e-3, TrainingConfig.Schedule.COSINE, 16, 2, 0,
            "pixelate:0.4", true, 1e-4),
    /** Fast super-resolution x2: bicubic degradation, random patches. */
    SR_X2(Architectures.FAST_SR, 2, TrainingConfig.Optimizer.ADAM, 1e-3, TrainingConfig.Schedule.COSINE, 32, 30, 96,
            "bicubic:2", false, Preset.SR_MIN_DELTA),
    /** Fast super-resolution x3. */
    SR_X3(Architectures.FAST_SR, 3, TrainingConfig.Optimizer.ADAM, 1e-3, TrainingConfig.Schedule.COSINE, 32, 30, 96,
            "bicubic:3", false, Preset.SR_MIN_DELTA),
    /** Fast super-resolution x4. */
    SR_X4(Architectures.FAST_SR, 4, TrainingConfig.Optimizer.ADAM, 1e-3, TrainingConfig.Schedule.COSINE, 32, 30, 96,
            "bicubic:4", false, Preset.SR_MIN_DELTA);

    /**
     * Early stopping's smallest improvement of the validation loss for the SR presets. The seed recipe's 1e-4 is
     * about 0.16 dB at the seed model's loss (MSE 0.0027), but 0.4 to 2 dB at SR losses (MSE 2e-4 to 1e-3), which
     * stops runs that still gain; 1e-6 is 0.004 to 0.02 dB there.
     */
    static final double SR_MIN_DELTA = 1e-6;

    /** The seed recipe's split: 10% validation, shuffled with seed 32. */
    static final double VALIDATION_FRACTION = 0.1;
    static final long SPLIT_SEED = 32;

    private final String architecture;
    private final int scale;
    private final TrainingConfig.Optimizer optimizer;
    private final double learningRate;
    private final TrainingConfig.Schedule schedule;
    private final int batch;
    private final int epochs;
    private final int patch;
    private final String degradation;
    private final boolean seedImages;
    private final double earlyStoppingMinDelta;

    Preset(String architecture, int scale, TrainingConfig.Optimizer optimizer, double learningRate,
            TrainingConfig.Schedule schedule, int batch, int epochs, int patch, String degradation,
            boolean seedImages, double earlyStoppingMinDelta) {
        this.architecture = architecture;
        this.scale = scale;
        this.optimizer = optimizer;
        this.learningRate = learningRate;
        this.schedule = schedule;
        this.batch = batch;
        this.epochs = epochs;
        this.patch = patch;
        this.degradation = degradation;
        this.seedImages = seedImages;
        this.earlyStoppingMinDelta = earlyStoppingMinDelta;
    }

    static Preset parse(String name) {
        for (Preset p : values()) {
            if (p.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "': expected seed, seed-tuned, sr-x2, sr-x3"
                + " or sr-x4");
    }

    String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The preset's configuration, before command-line overrides. */
    TrainingConfig.Builder config() {
        return TrainingConfig.builder()
                .architecture(architecture)
                .scale(scale)
                .optimizer(optimizer)
                .learningRate(learningRate)
                .schedule(schedule)
                .loss(TrainingConfig.Loss.MSE)
                .batchSize(batch)
                .epochs(epochs)
                .patchSize(patch)
                .degradation(degradation)
                .earlyStopping(earlyStoppingMinDelta, 4)
                .seed(SPLIT_SEED);
    }

    /**
     * How each loaded image is prepared: the seed presets resize to 80x80 with nearest neighbour (Keras
     * {@code load_img}); super-resolution keeps full images and trains on random patches.
     */
    UnaryOperator<FloatImage> imageTransform() {
        return seedImages ? Evaluation::seedInput : UnaryOperator.identity();
    }

    /** The matching evaluation protocol for validation pictures. */
    Evaluation.Protocol protocol() {
        return seedImages ? Evaluation.Protocol.SEED : Evaluation.Protocol.SR;
    }
}
