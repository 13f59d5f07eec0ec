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
            "pixelate:0.4", true, 1e-4, TrainingConfig.Loss.MSE, 0),
    /**
     * Same network and data, better optimisation: Adam, batch 16 (twice the updates of batch 32 for the same
     * images), cosine decay over 2 epochs; about 40 minutes on two cores. Trains the shipped seed-autoencoder.
     */
    SEED_TUNED("seed-autoencoder", 1, TrainingConfig.Optimizer.ADAM, 1e-3, TrainingConfig.Schedule.COSINE, 16, 2, 0,
            "pixelate:0.4", true, 1e-4, TrainingConfig.Loss.MSE, 0),
    /**
     * The seed-tuned recipe for faces that are not LFW's: faces kept at {@link #FACES_SOURCE_SIZE} pixels, twice the
     * protocol's 80, and every 80x80 training patch cut from one at a random zoom (from the whole face, as LFW frames
     * it, to a close-up of its middle), flipped and changed in colour ({@link TrainingConfig#augment()}), 4 epochs,
     * so that the model learns faces rather than LFW's framing, dark borders and tint.
     */
    SEED_FACES("seed-autoencoder", 1, TrainingConfig.Optimizer.ADAM, 1e-3, TrainingConfig.Schedule.COSINE, 16, 4, 80,
            "pixelate:0.4", true, 1e-4, TrainingConfig.Loss.MSE, 0),
    /**
     * Fast super-resolution x2: bicubic degradation, random patches; an epoch is {@link #SR_EPOCH_SAMPLES} patches
     * whatever the number of images, so that a small set such as T91 alone still trains.
     */
    SR_X2(Architectures.FAST_SR, 2, TrainingConfig.Optimizer.ADAM, 1e-3, TrainingConfig.Schedule.COSINE, 32, 30, 96,
            "bicubic:2", false, Preset.SR_MIN_DELTA, TrainingConfig.Loss.MSE, Preset.SR_EPOCH_SAMPLES),
    /** Fast super-resolution x3. */
    SR_X3(Architectures.FAST_SR, 3, TrainingConfig.Optimizer.ADAM, 1e-3, TrainingConfig.Schedule.COSINE, 32, 30, 96,
            "bicubic:3", false, Preset.SR_MIN_DELTA, TrainingConfig.Loss.MSE, Preset.SR_EPOCH_SAMPLES),
    /** Fast super-resolution x4. */
    SR_X4(Architectures.FAST_SR, 4, TrainingConfig.Optimizer.ADAM, 1e-3, TrainingConfig.Schedule.COSINE, 32, 30, 96,
            "bicubic:4", false, Preset.SR_MIN_DELTA, TrainingConfig.Loss.MSE, Preset.SR_EPOCH_SAMPLES),
    /**
     * Blind restoration at the same size (blur, noise, JPEG, softness, and clean photos left alone): the
     * pixel-unshuffled U-Net with a global residual and residual blocks ({@code restore-unet-deep}), L1 loss, 96x96
     * patches under {@link #RESTORE_DAMAGE} (the realistic damage pipeline half of the time, single strong damages
     * the other half), an epoch of {@link #RESTORE_EPOCH_SAMPLES} patches. The shipped {@code restore} trained 72
     * epochs as {@code restore-unet} and then 10 as this ({@code --init-from}, MODELS.md); {@code --arch
     * restore-unet} trains the smaller network.
     */
    RESTORE(Architectures.RESTORE_UNET_DEEP, 1, TrainingConfig.Optimizer.ADAM, 4e-4, TrainingConfig.Schedule.COSINE, 16,
            40, 96, Preset.RESTORE_DAMAGE, false, Preset.SR_MIN_DELTA, TrainingConfig.Loss.L1, Preset.RESTORE_EPOCH_SAMPLES),
    /**
     * Enlarges soft, noisy, compressed photos x2: the restoration U-Net with residual blocks at scale 2
     * ({@code restore-unet-deep}: its body at half the small image's resolution, a pixel-shuffle head, plus the
     * nearest enlargement) on {@link #RESTORE_X2_DAMAGE}. The shipped {@code restore-x2} started from a trained
     * {@code restore} ({@code --init-from}) as {@code restore-unet}, trained 19 epochs so, then 18 with the blocks
     * added (MODELS.md); from a random start it needs more. ({@code --arch restore-unet} trains the network shipped
     * before, {@code --arch compact-sr} the 60 k-parameter one before that.)
     */
    RESTORE_X2(Architectures.RESTORE_UNET_DEEP, 2, TrainingConfig.Optimizer.ADAM, 5e-4, TrainingConfig.Schedule.COSINE,
            16, 40, 128, Preset.RESTORE_X2_DAMAGE, false, Preset.SR_MIN_DELTA, TrainingConfig.Loss.L1,
            Preset.RESTORE_EPOCH_SAMPLES),
    /**
     * Enlarges soft, noisy, compressed photos x4: a compact network at the small image's resolution with residual
     * blocks ({@code compact-sr-deep}), a pixel-shuffle head, plus the nearest enlargement, on
     * {@link #RESTORE_X4_DAMAGE}. The shipped {@code restore-x4} started from a trained {@code compact-sr} run
     * ({@code --init-from}; its blocks start as the identity). ({@code --arch compact-sr} trains the network shipped
     * before, a third of the work per pixel.)
     */
    RESTORE_X4(Architectures.COMPACT_SR_DEEP, 4, TrainingConfig.Optimizer.ADAM, 5e-4, TrainingConfig.Schedule.COSINE,
            16, 40, 192, Preset.RESTORE_X4_DAMAGE, false, Preset.SR_MIN_DELTA, TrainingConfig.Loss.L1,
            Preset.RESTORE_EPOCH_SAMPLES);

    /**
     * The size {@link #SEED_FACES} keeps its faces at (nearest neighbour, as the seed protocol's 80): twice the
     * protocol's, so that a patch shrunk from a whole face matches the protocol and one cut unshrunk is a 2x close-up.
     */
    static final int FACES_SOURCE_SIZE = 160;

    /** Patches per epoch of the SR presets (400 batches of 32). */
    static final int SR_EPOCH_SAMPLES = 12_800;
    /**
     * The {@code restore} preset's damage: half of the patches get the realistic pipeline ({@code realistic:1}, a
     * random chain of mostly moderate damages), the other half one strong damage of a kind users meet alone, which
     * the chain rarely draws at full strength: Gaussian blur up to sigma 3, white noise up to sigma 51 (0.2), JPEG
     * down to quality 10, and a blur + noise + JPEG chain. (The first 12 epochs of the first run trained on
     * {@code realistic:1} alone: noise of sigma 25 and JPEG quality 20 stayed almost untouched.)
     */
    static final String RESTORE_DAMAGE = "0.5*realistic:1 | 0.12*blur:0.3..3 | 0.14*noise:0.004..0.2"
            + " | 0.12*jpeg:10..90 | 0.12*blur:0.3..2+noise:0.004..0.06+jpeg:20..90";
    /**
     * The {@code restore-x2} preset's damage, the mixture the shipped model's last run trained on: a quarter of the
     * patches get the realistic pipeline ({@code realistic:2}), three tenths a blur + downscale + noise + JPEG chain,
     * a tenth a blurred small image, the rest a small image that {@code realistic:2} never makes: clean (bicubic or
     * area downscaling), with white noise after the downscaling, or only JPEG-compressed. (The first run trained on
     * {@code realistic:2} alone and then sharpened clean small images too much, 1.2 dB below bicubic on held-out
     * photos, and amplified noise; a run without the plain blurred share unlearnt blur, +1.20 to +0.72 dB.)
     */
    static final String RESTORE_X2_DAMAGE = "0.25*realistic:2 | 0.1*bicubic:2 | 0.05*area:2"
            + " | 0.1*area:2+noise:0.004..0.08 | 0.1*area:2+jpeg:20..90 | 0.1*blur:0.3..3+area:2"
            + " | 0.3*blur:0.3..2+area:2+noise:0.004..0.06+jpeg:30..90";
    /**
     * The {@code restore-x4} preset's damage: the realistic pipeline, clean, noisy and JPEG-only small images at
     * scale 4, with three tenths of a blur + downscale + noise + JPEG chain (the mixture the shipped model's last
     * runs trained on; its first runs had half {@code realistic:4} and no chain, and gained 0.2 dB less on the
     * chain).
     */
    static final String RESTORE_X4_DAMAGE = "0.3*realistic:4 | 0.1*bicubic:4 | 0.1*area:4"
            + " | 0.1*area:4+noise:0.004..0.08 | 0.1*area:4+jpeg:20..90"
            + " | 0.3*blur:0.3..2+area:4+noise:0.004..0.06+jpeg:30..90";

    /** Patches per epoch of the restoration presets (1,000 batches of 16, some 4 to 5 minutes here). */
    static final int RESTORE_EPOCH_SAMPLES = 16_000;

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
    private final TrainingConfig.Loss loss;
    private final int samplesPerEpoch;

    Preset(String architecture, int scale, TrainingConfig.Optimizer optimizer, double learningRate,
            TrainingConfig.Schedule schedule, int batch, int epochs, int patch, String degradation,
            boolean seedImages, double earlyStoppingMinDelta, TrainingConfig.Loss loss, int samplesPerEpoch) {
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
        this.loss = loss;
        this.samplesPerEpoch = samplesPerEpoch;
    }

    static Preset parse(String name) {
        for (Preset p : values()) {
            if (p.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "': expected one of "
                + java.util.Arrays.stream(values()).map(Preset::cliName).toList());
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
                .loss(loss)
                .samplesPerEpoch(samplesPerEpoch)
                .augment(this == SEED_FACES)
                .batchSize(batch)
                .epochs(epochs)
                .patchSize(patch)
                .degradation(degradation)
                // the restoration presets train a fixed cosine schedule: their validation damage is random and a
                // default's change reshuffles it, so "no better than 4 epochs ago" says little (it stopped the first run)
                .earlyStopping(earlyStoppingMinDelta, restoration() ? 0 : 4)
                .seed(SPLIT_SEED);
    }

    /**
     * How each loaded image is prepared: the seed presets resize to 80x80 with nearest neighbour (Keras
     * {@code load_img}); super-resolution keeps full images and trains on random patches.
     */
    UnaryOperator<FloatImage> imageTransform() {
        if (this == SEED_FACES) {
            return image -> Evaluation.seedInput(image, FACES_SOURCE_SIZE);
        }
        return seedImages ? Evaluation::seedInput : UnaryOperator.identity();
    }

    /** Whether this preset trains a restoration model on random realistic damage (the {@code restore*} presets). */
    private boolean restoration() {
        return degradation.contains("realistic");
    }

    /** The matching evaluation protocol for validation pictures. */
    Evaluation.Protocol protocol() {
        if (restoration()) {
            return Evaluation.Protocol.DAMAGE;
        }
        return seedImages ? Evaluation.Protocol.SEED : Evaluation.Protocol.SR;
    }
}
