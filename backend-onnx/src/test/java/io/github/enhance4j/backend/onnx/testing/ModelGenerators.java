package io.github.enhance4j.backend.onnx.testing;

import io.github.enhance4j.backend.onnx.testing.OnnxGraphBuilder.Attr;
import io.github.enhance4j.backend.onnx.testing.OnnxGraphBuilder.ElementType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tiny ONNX models built in code, so backend tests need no downloaded or binary fixtures.
 *
 * <p>The good models are image models in NCHW layout with float samples, opset 13, input {@code input} and output
 * {@code output}; each one's Javadoc says exactly what it computes so that tests can predict every output value.
 * Without a metadata argument they carry no enhance4j metadata, like a model exported by someone else; the
 * overloads taking {@code metadata} add {@code metadata_props} (see {@link OnnxMetadataKeys} and
 * {@link #enhance4jMetadata}).
 *
 * <p>The bad models each break one expectation that an image-enhancement backend has of a model; their Javadoc says
 * whether ONNX Runtime itself rejects them or only a backend's own checks can.
 */
public final class ModelGenerators {

    /** Name of the single image input of every good model. */
    public static final String INPUT = "input";

    /** Name of the single image output of every good model. */
    public static final String OUTPUT = "output";

    private ModelGenerators() {
    }

    /**
     * The metadata enhance4j's exporter writes, with placeholder architecture and version.
     *
     * @param color {@link OnnxMetadataKeys#COLOR_RGB} or {@link OnnxMetadataKeys#COLOR_LUMA}
     * @param range {@link OnnxMetadataKeys#RANGE_UNIT} or {@link OnnxMetadataKeys#RANGE_BYTE}
     */
    public static Map<String, String> enhance4jMetadata(int scale, String color, String range) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(OnnxMetadataKeys.SCALE, Integer.toString(scale));
        metadata.put(OnnxMetadataKeys.COLOR, color);
        metadata.put(OnnxMetadataKeys.RANGE, range);
        metadata.put(OnnxMetadataKeys.ARCHITECTURE, "test-generator");
        metadata.put(OnnxMetadataKeys.VERSION, "test");
        return metadata;
    }

    // ---------------------------------------------------------------- good models

    /** {@code output = input}; shape {@code [N, channels, H, W]} with N, H and W symbolic. */
    public static byte[] identity(int channels) {
        return identity(channels, Map.of());
    }

    /** {@link #identity(int)} with the given {@code metadata_props}. */
    public static byte[] identity(int channels, Map<String, String> metadata) {
        return identityModel(metadata, "N", channels, "H", "W");
    }

    /** {@code output = input}; shape {@code [1, channels, H, W]}: the batch is fixed to one, H and W symbolic. */
    public static byte[] identityFixedBatch(int channels) {
        return identityModel(Map.of(), 1, channels, "H", "W");
    }

    /** {@code output = input}; shape {@code [1, channels, height, width]}, fully static. */
    public static byte[] identityFixedSize(int channels, int height, int width) {
        return identityModel(Map.of(), 1, channels, height, width);
    }

    /**
     * 3&times;3 box blur of each channel separately, same size: {@code output[n, c, y, x]} is the sum of
     * {@code input[n, c, y + dy, x + dx]} over {@code dy, dx} in {-1, 0, 1}, divided by 9, where samples outside
     * the image count as 0 (so a constant image darkens by 4/9 at the corners and 6/9 along the edges).
     *
     * <p>A single Conv with a full {@code [C, C, 3, 3]} weight (1/9 where output channel = input channel, 0
     * elsewhere), pads 1 on each side. The weight is stored as {@code raw_data}, as exporters usually do.
     */
    public static byte[] boxBlur3x3(int channels) {
        return boxBlur3x3(channels, Map.of());
    }

    /** {@link #boxBlur3x3(int)} with the given {@code metadata_props}. */
    public static byte[] boxBlur3x3(int channels, Map<String, String> metadata) {
        requirePositive("channels", channels);
        float[] weight = new float[channels * channels * 9];
        for (int channel = 0; channel < channels; channel++) {
            // Weight layout is [out][in][ky][kx]; only the diagonal (out == in) blocks are non-zero.
            Arrays.fill(weight, (channel * channels + channel) * 9, (channel * channels + channel + 1) * 9, 1f / 9f);
        }
        return new OnnxGraphBuilder()
                .input(INPUT, ElementType.FLOAT, "N", channels, "H", "W")
                .output(OUTPUT, ElementType.FLOAT, "N", channels, "H", "W")
                .rawInitializer("blur_weight", new long[] {channels, channels, 3, 3}, weight)
                .node("Conv", new String[] {INPUT, "blur_weight"}, new String[] {OUTPUT},
                        Attr.ints("kernel_shape", 3, 3), Attr.ints("pads", 1, 1, 1, 1))
                .metadata(metadata)
                .build();
    }

    /**
     * Nearest-neighbour enlargement by {@code scale}: {@code output[n, c, y, x] = input[n, c, y / scale, x / scale]}
     * (integer division); input {@code [N, channels, H, W]}, output {@code [N, channels, H*scale, W*scale]}.
     *
     * <p>Built as a sub-pixel convolution network ends: a 1&times;1 Conv from C to C&middot;s&middot;s channels
     * copies input channel c into channels {@code c*s*s .. c*s*s + s*s - 1}, then DepthToSpace in CRD mode, which
     * maps channel {@code c*s*s + i*s + j} at {@code (y, x)} to output channel c at {@code (y*s + i, x*s + j)}. All
     * s&middot;s slots of a pixel hold the same value, hence nearest neighbour. (DCR mode would instead read channel
     * {@code (i*s + j)*C + c} and mix channels.) Its Conv weight is stored in {@code float_data}.
     */
    public static byte[] nearestUpscale(int channels, int scale) {
        return nearestUpscale(channels, scale, Map.of());
    }

    /** {@link #nearestUpscale(int, int)} with the given {@code metadata_props}. */
    public static byte[] nearestUpscale(int channels, int scale, Map<String, String> metadata) {
        return nearestUpscaleModel(channels, scale, "N", "H" + scale, "W" + scale, metadata);
    }

    /**
     * Nearest-neighbour enlargement by 3 of a single luma channel, computed as in {@link #nearestUpscale}. Its
     * declarations mirror a typical foreign super-resolution model of luma (ESPCN-style, e.g. the ONNX Runtime
     * example): input {@code input [1, 1, H, W]}, output {@code output [1, 1, H3, W3]}, no metadata.
     */
    public static byte[] lumaNearestX3() {
        return nearestUpscaleModel(1, 3, 1, "H3", "W3", Map.of());
    }

    /**
     * {@code output = input * 1} on {@code [N, channels, H, W]}, whose metadata says the samples range over 0..255
     * (scale 1; color rgb for 3 channels, luma for 1). A backend must feed it 0..255 values and read 0..255 back.
     */
    public static byte[] scaledRange255(int channels) {
        requirePositive("channels", channels);
        Map<String, String> metadata = enhance4jMetadata(1,
                channels == 1 ? OnnxMetadataKeys.COLOR_LUMA : OnnxMetadataKeys.COLOR_RGB, OnnxMetadataKeys.RANGE_BYTE);
        return new OnnxGraphBuilder()
                .input(INPUT, ElementType.FLOAT, "N", channels, "H", "W")
                .output(OUTPUT, ElementType.FLOAT, "N", channels, "H", "W")
                .initializer("one", new long[0], new float[] {1f})
                .node("Mul", new String[] {INPUT, "one"}, new String[] {OUTPUT})
                .metadata(metadata)
                .build();
    }

    // ---------------------------------------------------------------- bad models

    /**
     * Two float image inputs, {@code input} and {@code strength}, both {@code [N, 3, H, W]}, added into
     * {@code output}. A valid ONNX model that ONNX Runtime loads; an image backend must refuse it because it
     * cannot know what to feed the second input.
     */
    public static byte[] twoInputs() {
        return new OnnxGraphBuilder()
                .input(INPUT, ElementType.FLOAT, "N", 3, "H", "W")
                .input("strength", ElementType.FLOAT, "N", 3, "H", "W")
                .output(OUTPUT, ElementType.FLOAT, "N", 3, "H", "W")
                .node("Add", new String[] {INPUT, "strength"}, new String[] {OUTPUT})
                .build();
    }

    /**
     * Input {@code input} of element type INT64, {@code [N, 3, H, W]}, cast to a float {@code output}. A valid model
     * that ONNX Runtime loads; feeding it float samples fails, so a backend should reject it up front.
     */
    public static byte[] integerInput() {
        return new OnnxGraphBuilder()
                .input(INPUT, ElementType.INT64, "N", 3, "H", "W")
                .output(OUTPUT, ElementType.FLOAT, "N", 3, "H", "W")
                .node("Cast", new String[] {INPUT}, new String[] {OUTPUT}, Attr.i("to", ElementType.FLOAT.code()))
                .build();
    }

    /**
     * Identity on a rank-3 {@code [3, H, W]} tensor, i.e. no batch dimension. A valid model that ONNX Runtime loads;
     * an NCHW backend must reject it.
     */
    public static byte[] rank3Input() {
        return new OnnxGraphBuilder()
                .input(INPUT, ElementType.FLOAT, 3, "H", "W")
                .output(OUTPUT, ElementType.FLOAT, 3, "H", "W")
                .node("Identity", new String[] {INPUT}, new String[] {OUTPUT})
                .build();
    }

    /**
     * A well-formed model with one node of op type {@code NoSuchOp} in the default domain. ONNX Runtime refuses to
     * create a session for it.
     */
    public static byte[] unknownOperator() {
        return new OnnxGraphBuilder()
                .input(INPUT, ElementType.FLOAT, "N", 3, "H", "W")
                .output(OUTPUT, ElementType.FLOAT, "N", 3, "H", "W")
                .node("NoSuchOp", new String[] {INPUT}, new String[] {OUTPUT})
                .build();
    }

    /**
     * Identity on a fully static {@code [1, 3, 2000000000, 2000000000]} input: 1.2&middot;10<sup>19</sup> samples,
     * an image no one can allocate. ONNX Runtime loads it (nothing is allocated until a run) and rejects any smaller
     * input, so a backend must refuse it from the declared shape.
     */
    public static byte[] absurdDimensions() {
        return new OnnxGraphBuilder()
                .input(INPUT, ElementType.FLOAT, 1, 3, 2_000_000_000L, 2_000_000_000L)
                .output(OUTPUT, ElementType.FLOAT, 1, 3, 2_000_000_000L, 2_000_000_000L)
                .node("Identity", new String[] {INPUT}, new String[] {OUTPUT})
                .build();
    }

    /**
     * {@code output = input + bias} where the {@code [1, 3, 1, 1]} initializer {@code bias} is stored externally
     * in {@code weights.bin}, a file that does not exist. ONNX Runtime fails to create a session, whether the model
     * is given as bytes or as a file.
     */
    public static byte[] missingExternalData() {
        return new OnnxGraphBuilder()
                .input(INPUT, ElementType.FLOAT, "N", 3, "H", "W")
                .output(OUTPUT, ElementType.FLOAT, "N", 3, "H", "W")
                .externalInitializer("bias", new long[] {1, 3, 1, 1}, "weights.bin")
                .node("Add", new String[] {INPUT, "bias"}, new String[] {OUTPUT})
                .build();
    }

    /**
     * The first {@code keep} bytes of {@code model}, as left by an interrupted download. Whether the result fails
     * to parse or parses into an incomplete model depends on where the cut falls; either way ONNX Runtime rejects
     * it wherever the cut falls before the metadata, which the builder writes last (a cut between metadata entries
     * leaves a valid model with less metadata).
     */
    public static byte[] truncated(byte[] model, int keep) {
        if (keep < 0 || keep >= model.length) {
            throw new IllegalArgumentException("keep must be in 0.." + (model.length - 1) + ", was " + keep);
        }
        return Arrays.copyOf(model, keep);
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] identityModel(Map<String, String> metadata, Object batch, int channels, Object height,
            Object width) {
        requirePositive("channels", channels);
        return new OnnxGraphBuilder()
                .input(INPUT, ElementType.FLOAT, batch, channels, height, width)
                .output(OUTPUT, ElementType.FLOAT, batch, channels, height, width)
                .node("Identity", new String[] {INPUT}, new String[] {OUTPUT})
                .metadata(metadata)
                .build();
    }

    private static byte[] nearestUpscaleModel(int channels, int scale, Object batch, String outputHeight,
            String outputWidth, Map<String, String> metadata) {
        requirePositive("channels", channels);
        requirePositive("scale", scale);
        int slots = scale * scale;
        // Weight layout [out][in][1][1]: output channel o copies input channel o / (s*s), the CRD grouping.
        float[] weight = new float[channels * slots * channels];
        for (int out = 0; out < channels * slots; out++) {
            weight[out * channels + out / slots] = 1f;
        }
        return new OnnxGraphBuilder()
                .input(INPUT, ElementType.FLOAT, batch, channels, "H", "W")
                .output(OUTPUT, ElementType.FLOAT, batch, channels, outputHeight, outputWidth)
                .initializer("copy_weight", new long[] {(long) channels * slots, channels, 1, 1}, weight)
                .node("Conv", new String[] {INPUT, "copy_weight"}, new String[] {"subpixels"},
                        Attr.ints("kernel_shape", 1, 1))
                .node("DepthToSpace", new String[] {"subpixels"}, new String[] {OUTPUT},
                        Attr.i("blocksize", scale), Attr.s("mode", "CRD"))
                .metadata(metadata)
                .build();
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
