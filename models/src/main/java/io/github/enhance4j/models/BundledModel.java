package io.github.enhance4j.models;

import io.github.enhance4j.ModelSource;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A model shipped in this jar, trained with {@code enhance4j-train} (see MODELS.md for the commands, data and
 * measured quality). Each is an ONNX file that any backend able to read ONNX runs:
 * {@code Enhancer.load(BundledModel.SR_X2.source())}.
 */
public enum BundledModel {

    /** Fast x2 super-resolution (ESPCN, RGB, 27 k parameters), trained on LFW faces plus T91. */
    SR_X2("sr-x2", 2, "fast x2 super-resolution (ESPCN, LFW + T91)"),
    /** Fast x4 super-resolution (ESPCN, RGB, 37 k parameters), trained on LFW faces plus T91. */
    SR_X4("sr-x4", 4, "fast x4 super-resolution (ESPCN, LFW + T91)"),

    /**
     * The seed recipe's autoencoder (scale 1, RGB, 1.1 M parameters): restores pixelated or blocky faces at the
     * same size; trained on LFW faces at random zooms, flips and colours with {@code --preset seed-faces}, then with
     * scene photos added (MODELS.md).
     */
    SEED_AUTOENCODER("seed-autoencoder", 1, "restores pixelated faces at the same size (seed autoencoder, LFW)"),

    /**
     * Blind restoration of photos and faces at the same size (scale 1, RGB, 2.81 M parameters): removes blur, noise
     * and JPEG artefacts of unknown strength, and leaves a clean photo nearly as it is. A U-Net with residual blocks
     * on a pixel-unshuffled input that predicts a correction to its input, trained with {@code --preset restore} on
     * Sun_Hays80, T91 and LFW under the realistic damage pipeline ({@code realistic:1}) and strong single damages
     * (L1 loss, then a few epochs of mean squared error).
     */
    RESTORE("restore", 1, "removes blur, noise and JPEG damage at the same size (U-Net, realistic damage)"),

    /**
     * Enlarges soft, noisy, JPEG-compressed photos x2 (RGB, 2.83 M parameters): {@link #RESTORE}'s U-Net with
     * residual blocks, working at half the small image's resolution, whose last layer makes 4x4 output pixels per
     * position (depth-to-space), added to the input's nearest-neighbour enlargement; started from the trained
     * {@code restore} and trained with {@code --preset restore-x2} on Sun_Hays80, T91 and LFW under the realistic
     * damage pipeline ({@code realistic:2}) mixed with a blur + downscale + noise + JPEG chain and blurred, clean,
     * noisy and JPEG-only small images (L1 loss, then a few epochs of mean squared error). It also enlarges clean
     * small images (better than {@code sr-x2} on photos) and removes noise that {@code sr-x2} amplifies.
     */
    RESTORE_X2("restore-x2", 2, "enlarges soft, noisy, compressed photos x2 (U-Net, realistic damage)"),

    /**
     * Enlarges soft, noisy, JPEG-compressed photos x4 (RGB, 355 k parameters): a compact network with residual blocks
     * at the input's resolution (48 channels, {@code compact-sr-deep}) and a x4 pixel-shuffle head, added to the
     * nearest-neighbour enlargement, trained with {@code --preset restore-x4} on Sun_Hays80, T91 and LFW under a
     * mixture of the realistic damage pipeline ({@code realistic:4}), a blur + downscale + noise + JPEG chain and
     * clean, noisy and JPEG-compressed small images (L1 loss, then a few epochs of mean squared error, the last ones
     * with 20 more photographs).
     */
    RESTORE_X4("restore-x4", 4,
            "enlarges soft, noisy, compressed photos x4 (compact net with residual blocks, realistic damage)");

    private final String id;
    private final int scale;
    private final String description;

    BundledModel(String id, int scale, String description) {
        this.id = id;
        this.scale = scale;
        this.description = description;
    }

    /** {@return the short name, e.g. {@code sr-x2}: also the resource's file name without {@code .onnx}} */
    public String id() {
        return id;
    }

    /** {@return how many times larger the output is than the input} */
    public int scale() {
        return scale;
    }

    /** {@return one line for listings and messages} */
    public String description() {
        return description;
    }

    /** {@return the class-path resource name, e.g. {@code io/github/enhance4j/models/sr-x2.onnx}} */
    public String resource() {
        return "io/github/enhance4j/models/" + id + ".onnx";
    }

    /** {@return the model's bytes as a source for {@code Enhancer.load}; read from the jar on each call} */
    public ModelSource source() {
        return ModelSource.fromResource(BundledModel.class, id + ".onnx");
    }

    /**
     * The bundled model with this {@link #id()} (case-insensitive).
     *
     * @param id a model's id, e.g. {@code sr-x2}
     * @return the model
     * @throws IllegalArgumentException naming the models there are, if none has this id
     */
    public static BundledModel byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (BundledModel m : values()) {
            if (m.id.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no bundled model is called '" + id + "'; there are " + ids());
    }

    /** {@return the ids of all bundled models, comma-separated, for messages} */
    public static String ids() {
        return Arrays.stream(values()).map(BundledModel::id).collect(Collectors.joining(", "));
    }
}
