package io.github.enhance4j.spi;

/**
 * Keys of the metadata that enhance4j's exporter writes into models (ONNX {@code metadata_props}) and that backends
 * read to fill {@link io.github.enhance4j.ModelInfo}. Foreign models lack them; backends then infer what they can.
 */
public final class ModelMetadataKeys {

    /** Integer scale factor, e.g. {@code "2"}. */
    public static final String SCALE = "enhance4j.scale";
    /** {@code "rgb"} or {@code "luma"}. */
    public static final String COLOR = "enhance4j.color";
    /** Input value range as {@code "min:max"}, e.g. {@code "0:1"} or {@code "0:255"}. */
    public static final String RANGE = "enhance4j.range";
    /** Input height and width must be multiples of this, e.g. {@code "4"} for two 2x2 poolings. */
    public static final String SIZE_MULTIPLE = "enhance4j.sizeMultiple";
    /** Architecture name, e.g. {@code "seed-autoencoder"}. */
    public static final String ARCHITECTURE = "enhance4j.architecture";
    /** Description of the training data, e.g. {@code "lfw-deepfunneled, pixelate:0.4"}. */
    public static final String TRAINING_DATA = "enhance4j.training";
    /** enhance4j version that wrote the model. */
    public static final String VERSION = "enhance4j.version";

    private ModelMetadataKeys() {
    }
}
