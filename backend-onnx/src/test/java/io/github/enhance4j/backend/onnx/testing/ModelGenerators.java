package io.github.enhance4j.backend.onnx.testing;

import io.github.enhance4j.backend.onnx.testing.OnnxGraphBuilder.Attr;
import io.github.enhance4j.backend.onnx.testing.OnnxGraphBuilder.ElementType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

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

    // ---------------------------------------------------------------- realistic models (random weights)

    /** Value of {@link OnnxMetadataKeys#ARCHITECTURE} in {@link #seedAutoencoder}. */
    public static final String SEED_ARCHITECTURE = "seed-autoencoder";

    /** Value of {@link OnnxMetadataKeys#ARCHITECTURE} in {@link #espcn}. */
    public static final String ESPCN_ARCHITECTURE = "espcn";

    /** Number of weights and biases of {@link #seedAutoencoder}. */
    public static final long SEED_PARAMETERS = 1_110_403L;

    /** Multiply-adds of the convolutions of {@link #seedAutoencoder} per output pixel. */
    public static final long SEED_MACS_PER_PIXEL = 335_232L;

    /**
     * The seed network of {@code SEED.md} (a Keras autoencoder with two skip connections), with random weights:
     * the real cost and memory profile of the seed preset, for benchmarks and for tests that need a realistic
     * graph. Input {@code input [N, 3, H, W]}, output {@code output [N, 3, H, W]}, N, H and W symbolic; H and W
     * must be multiples of 4 (two 2&times;2 max-pools, then two nearest-neighbour upsamplings whose results are
     * added to the layers before the pools).
     * <pre>
     * l1 = relu(conv 3-&gt;64 (input))      l2 = relu(conv 64-&gt;64 (l1))
     * l3 = maxpool 2x2 (l2)                 (the dropout is the identity at inference)
     * l4 = relu(conv 64-&gt;128 (l3))       l5 = relu(conv 128-&gt;128 (l4))
     * l6 = maxpool 2x2 (l5)                 l7 = relu(conv 128-&gt;256 (l6))
     * l8 = resize x2 nearest (l7)
     * l9 = relu(conv 256-&gt;128 (l8))      l10 = relu(conv 128-&gt;128 (l9))     l11 = l5 + l10
     * l12 = resize x2 nearest (l11)
     * l13 = relu(conv 128-&gt;64 (l12))     l14 = relu(conv 64-&gt;64 (l13))      l15 = l14 + l2
     * output = relu(conv 64-&gt;3 (l15))
     * </pre>
     * Every convolution is 3&times;3 with padding 1 and a bias. Resize (opset 13: inputs X, an omitted roi, scales
     * {@code [1, 1, 2, 2]}) uses {@code asymmetric} coordinates and {@code floor} rounding, which is Keras's
     * {@code UpSampling2D}: output pixel {@code (y, x)} copies input pixel {@code (y / 2, x / 2)}.
     *
     * <p>{@value #SEED_PARAMETERS} parameters (SEED.md: "about 1.11 million"). Per output pixel it does
     * {@value #SEED_MACS_PER_PIXEL} multiply-adds, i.e. {@code 2 * } that = 670,464 floating-point operations
     * (SEED.md: "about 670 thousand"): 150,912 at full resolution (l1, l2, l13, l14, output), 663,552 / 4 at half
     * resolution (l4, l5, l9, l10) and 294,912 / 16 at a quarter (l7). Pooling, resizing, additions and biases are
     * not counted.
     *
     * <p>Weights are He-normal ({@code N(0, 2 / fan_in)}, fan_in = in-channels &times; 9), biases uniform in
     * &plusmn;0.01, drawn from {@code new java.util.Random(seed)}, stored as {@code raw_data}. Metadata: scale 1,
     * rgb, range 0:1, architecture {@value #SEED_ARCHITECTURE}.
     */
    public static byte[] seedAutoencoder(long seed) {
        Random random = new Random(seed);
        OnnxGraphBuilder graph = new OnnxGraphBuilder()
                .input(INPUT, ElementType.FLOAT, "N", 3, "H", "W")
                .output(OUTPUT, ElementType.FLOAT, "N", 3, "H", "W")
                .initializer("upsample_scales", new long[] {4}, new float[] {1f, 1f, 2f, 2f});
        String l1 = conv(graph, random, "l1", INPUT, 3, 64, 3, "Relu");
        String l2 = conv(graph, random, "l2", l1, 64, 64, 3, "Relu");
        String l3 = maxPool2x2(graph, "l3", l2);
        String l4 = conv(graph, random, "l4", l3, 64, 128, 3, "Relu");
        String l5 = conv(graph, random, "l5", l4, 128, 128, 3, "Relu");
        String l6 = maxPool2x2(graph, "l6", l5);
        String l7 = conv(graph, random, "l7", l6, 128, 256, 3, "Relu");
        String l8 = upsample2x(graph, "l8", l7);
        String l9 = conv(graph, random, "l9", l8, 256, 128, 3, "Relu");
        String l10 = conv(graph, random, "l10", l9, 128, 128, 3, "Relu");
        graph.node("Add", new String[] {l5, l10}, new String[] {"l11"});
        String l12 = upsample2x(graph, "l12", "l11");
        String l13 = conv(graph, random, "l13", l12, 128, 64, 3, "Relu");
        String l14 = conv(graph, random, "l14", l13, 64, 64, 3, "Relu");
        graph.node("Add", new String[] {l14, l2}, new String[] {"l15"});
        String out = conv(graph, random, "out", "l15", 64, 3, 3, null);
        graph.node("Relu", new String[] {out}, new String[] {OUTPUT});
        Map<String, String> metadata = enhance4jMetadata(1, OnnxMetadataKeys.COLOR_RGB, OnnxMetadataKeys.RANGE_UNIT);
        metadata.put(OnnxMetadataKeys.ARCHITECTURE, SEED_ARCHITECTURE);
        return graph.metadata(metadata).build();
    }

    /**
     * A small, fast super-resolution network in the style of ESPCN (Shi et al. 2016), with random weights: input
     * {@code input [N, 3, H, W]}, output {@code output [N, 3, H*scale, W*scale]}, N, H and W symbolic.
     * <pre>
     * f1 = tanh(conv 5x5 3-&gt;64, pad 2 (input))
     * f2 = relu(conv 3x3 64-&gt;32, pad 1 (f1))
     * f3 = conv 3x3 32-&gt;3*s*s, pad 1 (f2)
     * output = DepthToSpace(f3, blocksize s, CRD)
     * </pre>
     * Per input pixel: 4,800 + 18,432 + 864&nbsp;s&sup2; multiply-adds, i.e. 26,688 for &times;2 and 37,056 for
     * &times;4 (about 53 and 74 kFLOP), or 6,672 and 2,316 multiply-adds per output pixel.
     *
     * <p>Weights He-normal, biases uniform in &plusmn;0.01 from {@code new java.util.Random(seed)}, as
     * {@code raw_data}. Metadata: scale {@code scale}, rgb, range 0:1, architecture {@value #ESPCN_ARCHITECTURE}.
     */
    public static byte[] espcn(int scale, long seed) {
        requirePositive("scale", scale);
        Random random = new Random(seed);
        OnnxGraphBuilder graph = new OnnxGraphBuilder()
                .input(INPUT, ElementType.FLOAT, "N", 3, "H", "W")
                .output(OUTPUT, ElementType.FLOAT, "N", 3, "H" + scale, "W" + scale);
        String f1 = conv(graph, random, "f1", INPUT, 3, 64, 5, "Tanh");
        String f2 = conv(graph, random, "f2", f1, 64, 32, 3, "Relu");
        String f3 = conv(graph, random, "f3", f2, 32, 3 * scale * scale, 3, null);
        graph.node("DepthToSpace", new String[] {f3}, new String[] {OUTPUT},
                Attr.i("blocksize", scale), Attr.s("mode", "CRD"));
        Map<String, String> metadata = enhance4jMetadata(scale, OnnxMetadataKeys.COLOR_RGB,
                OnnxMetadataKeys.RANGE_UNIT);
        metadata.put(OnnxMetadataKeys.ARCHITECTURE, ESPCN_ARCHITECTURE);
        return graph.metadata(metadata).build();
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

    /**
     * Adds a square convolution with padding {@code kernel / 2}, random He-normal weights and small random biases,
     * followed by {@code activation} (an op type such as {@code Relu}) unless it is {@code null}; returns the name
     * of the result.
     */
    private static String conv(OnnxGraphBuilder graph, Random random, String name, String input, int in, int out,
            int kernel, String activation) {
        float[] weight = new float[out * in * kernel * kernel];
        double std = Math.sqrt(2.0 / (in * kernel * kernel));
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) (random.nextGaussian() * std);
        }
        float[] bias = new float[out];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = (random.nextFloat() * 2 - 1) * 0.01f;
        }
        int pad = kernel / 2;
        String convOut = activation == null ? name : name + "_conv";
        graph.rawInitializer(name + "_weight", new long[] {out, in, kernel, kernel}, weight)
                .rawInitializer(name + "_bias", new long[] {out}, bias)
                .node("Conv", new String[] {input, name + "_weight", name + "_bias"}, new String[] {convOut},
                        Attr.ints("kernel_shape", kernel, kernel), Attr.ints("pads", pad, pad, pad, pad));
        if (activation != null) {
            graph.node(activation, new String[] {convOut}, new String[] {name});
        }
        return name;
    }

    private static String maxPool2x2(OnnxGraphBuilder graph, String name, String input) {
        graph.node("MaxPool", new String[] {input}, new String[] {name},
                Attr.ints("kernel_shape", 2, 2), Attr.ints("strides", 2, 2));
        return name;
    }

    /** Nearest-neighbour x2 as Keras's UpSampling2D: scales from the initializer {@code upsample_scales}. */
    private static String upsample2x(OnnxGraphBuilder graph, String name, String input) {
        // "" is ONNX's name for an omitted optional input, here the roi
        graph.node("Resize", new String[] {input, "", "upsample_scales"}, new String[] {name},
                Attr.s("mode", "nearest"), Attr.s("coordinate_transformation_mode", "asymmetric"),
                Attr.s("nearest_mode", "floor"));
        return name;
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
