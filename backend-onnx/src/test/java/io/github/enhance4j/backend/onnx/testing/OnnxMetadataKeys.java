package io.github.enhance4j.backend.onnx.testing;

/**
 * Keys of {@code ModelProto.metadata_props} that enhance4j's exporter writes and the ONNX backend reads. Foreign
 * models carry none of them; the backend then infers what it can from the graph's shapes.
 *
 * <p>The key names are {@link io.github.enhance4j.spi.ModelMetadataKeys}'s; this class adds the values tests use.
 */
public final class OnnxMetadataKeys {

    /** Upscaling factor as a decimal integer, e.g. {@code "2"}; {@code "1"} for same-size enhancement. */
    public static final String SCALE = io.github.enhance4j.spi.ModelMetadataKeys.SCALE;

    /** What the channels hold: {@value #COLOR_RGB} or {@value #COLOR_LUMA} (the Y of YCbCr). */
    public static final String COLOR = io.github.enhance4j.spi.ModelMetadataKeys.COLOR;

    /** Value of {@link #COLOR} for a 3-channel RGB model. */
    public static final String COLOR_RGB = "rgb";

    /** Value of {@link #COLOR} for a 1-channel model of luma. */
    public static final String COLOR_LUMA = "luma";

    /** Value range of input and output samples: {@value #RANGE_UNIT} or {@value #RANGE_BYTE}. */
    public static final String RANGE = io.github.enhance4j.spi.ModelMetadataKeys.RANGE;

    /** Value of {@link #RANGE}: samples in 0..1. */
    public static final String RANGE_UNIT = "0:1";

    /** Value of {@link #RANGE}: samples in 0..255. */
    public static final String RANGE_BYTE = "0:255";

    /** Free-form name of the network, e.g. {@code "espcn"}; informative only. */
    public static final String ARCHITECTURE = io.github.enhance4j.spi.ModelMetadataKeys.ARCHITECTURE;

    /** The enhance4j version that exported the model. */
    public static final String VERSION = io.github.enhance4j.spi.ModelMetadataKeys.VERSION;

    private OnnxMetadataKeys() {
    }
}
