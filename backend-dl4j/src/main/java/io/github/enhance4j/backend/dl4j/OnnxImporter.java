package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.spi.ModelMetadataKeys;
import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;
import org.nd4j.shade.protobuf.InvalidProtocolBufferException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps an ONNX model back onto a {@link NetSpec}, for the operators {@link OnnxExporter} writes: Conv (odd square
 * kernel, stride 1, "same" padding, one group), Relu, MaxPool 2x2/2, Resize nearest by an integer factor, Add,
 * DepthToSpace (DCR), SpaceToDepth, and Identity/Dropout; plus Cast of a constant float16 weight to float32 (models compacted
 * with {@code enhance4j-train compact}). Anything else is reported by name, so foreign models fail clearly.
 */
final class OnnxImporter {

    static final Set<String> SUPPORTED = Set.of("Conv", "Relu", "MaxPool", "Resize", "Add", "DepthToSpace",
            "SpaceToDepth", "Identity", "Dropout", "Cast");

    /** The network, its weights (ONNX layout) and the model's metadata. */
    record Imported(NetSpec spec, Map<String, float[]> params, Map<String, String> metadata) {
    }

    private OnnxImporter() {
    }

    static Imported read(byte[] bytes, String modelName) {
        Onnx.ModelProto model;
        try {
            model = Onnx.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelLoadException(modelName, ModelLoadException.Reason.CORRUPT,
                    "it is not a readable ONNX protobuf: " + e.getMessage(), e);
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new ModelLoadException(modelName, ModelLoadException.Reason.CORRUPT, "it has no ONNX graph");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Onnx.StringStringEntryProto e : model.getMetadataPropsList()) {
            metadata.put(e.getKey(), e.getValue());
        }
        Onnx.GraphProto graph = model.getGraph();
        Set<String> unsupported = new TreeSet<>();
        for (Onnx.NodeProto n : graph.getNodeList()) {
            if (!SUPPORTED.contains(n.getOpType()) || !n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) {
                unsupported.add(n.getDomain().isEmpty() ? n.getOpType() : n.getDomain() + "." + n.getOpType());
            }
        }
        if (!unsupported.isEmpty()) {
            throw incompatible(modelName, "the dl4j backend runs the operators enhance4j's exporter writes "
                    + new TreeSet<>(SUPPORTED) + ", but this model also uses " + unsupported
                    + "; open it with the onnx backend (io.github.enhance4j:enhance4j-backend-onnx)");
        }
        Map<String, Onnx.TensorProto> initializers = new HashMap<>();
        for (Onnx.TensorProto t : graph.getInitializerList()) {
            initializers.put(t.getName(), t);
        }
        Set<Onnx.NodeProto> folded = foldConstantCasts(graph, initializers, modelName);
        List<Onnx.ValueInfoProto> inputs = new ArrayList<>();
        for (Onnx.ValueInfoProto v : graph.getInputList()) {
            if (!initializers.containsKey(v.getName())) {
                inputs.add(v);
            }
        }
        if (inputs.size() != 1 || graph.getOutputCount() != 1) {
            throw incompatible(modelName, "enhance4j runs models with one image input and one output; this one has "
                    + inputs.size() + " inputs and " + graph.getOutputCount() + " outputs");
        }
        Map<String, String> alias = new HashMap<>();
        alias.put(inputs.get(0).getName(), NetSpec.INPUT);
        List<NetSpec.Layer> layers = new ArrayList<>();
        Map<String, float[]> params = new LinkedHashMap<>();
        int channels = channels(inputs.get(0));
        // each value's size relative to the input, as enlargement / reduction factors (a U-Net's or a residual's
        // branches meet at the same size, so the output's pair is the model's scale)
        Map<String, int[]> size = new HashMap<>();
        size.put(NetSpec.INPUT, new int[] {1, 1});
        int sizeMultiple = 1;
        for (Onnx.NodeProto n : graph.getNodeList()) {
            if (folded.contains(n)) {
                continue;
            }
            String out = "v" + layers.size() + "_" + n.getOutput(0);
            String in = n.getInputCount() > 0 ? resolve(alias, n.getInput(0), modelName, n) : null;
            switch (n.getOpType()) {
                case "Identity", "Dropout" -> {
                    alias.put(n.getOutput(0), in);
                    continue;
                }
                case "Conv" -> {
                    Onnx.TensorProto w = initializers.get(n.getInput(1));
                    if (w == null || w.getDimsCount() != 4 || w.getDims(2) != w.getDims(3) || w.getDims(2) % 2 == 0) {
                        throw unsupportedNode(modelName, n, "needs a constant square odd-sized kernel");
                    }
                    int k = (int) w.getDims(2);
                    checkConvAttributes(modelName, n, k);
                    NetSpec.Conv conv = new NetSpec.Conv(out, in, (int) w.getDims(1), (int) w.getDims(0), k);
                    params.put(conv.weight(), floats(w, modelName));
                    float[] bias = new float[conv.outChannels()];
                    if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
                        Onnx.TensorProto b = initializers.get(n.getInput(2));
                        if (b == null) {
                            throw unsupportedNode(modelName, n, "needs a constant bias");
                        }
                        bias = floats(b, modelName);
                    }
                    params.put(conv.bias(), bias);
                    layers.add(conv);
                }
                case "Relu" -> layers.add(new NetSpec.Relu(out, in));
                case "MaxPool" -> {
                    Map<String, Onnx.AttributeProto> a = attributes(n);
                    if (!isInts(a.get("kernel_shape"), 2, 2) || !isInts(a.get("strides"), 2, 2)
                            || a.containsKey("pads") && !allZero(a.get("pads"))) {
                        throw unsupportedNode(modelName, n, "only 2x2 max pooling with stride 2 is supported");
                    }
                    layers.add(new NetSpec.MaxPool(out, in));
                }
                case "Resize" -> {
                    int f = resizeFactor(modelName, n, initializers);
                    layers.add(new NetSpec.Upsample(out, in, f));
                }
                case "Add" -> layers.add(new NetSpec.Add(out, in, resolve(alias, n.getInput(1), modelName, n)));
                case "DepthToSpace" -> {
                    Map<String, Onnx.AttributeProto> a = attributes(n);
                    String mode = a.containsKey("mode") ? a.get("mode").getS().toStringUtf8() : "DCR";
                    if (!mode.equals("DCR")) {
                        throw unsupportedNode(modelName, n, "only DCR mode is supported, this one is " + mode);
                    }
                    int block = (int) a.get("blocksize").getI();
                    layers.add(new NetSpec.DepthToSpace(out, in, block));
                }
                case "SpaceToDepth" -> {
                    int block = (int) attributes(n).get("blocksize").getI();
                    layers.add(new NetSpec.SpaceToDepth(out, in, block));
                }
                default -> throw new IllegalStateException(n.getOpType());
            }
            int[] s = size.get(in).clone();
            NetSpec.Layer added = layers.get(layers.size() - 1);
            if (added instanceof NetSpec.MaxPool) {
                s[1] *= 2;
            } else if (added instanceof NetSpec.SpaceToDepth d) {
                s[1] *= d.block();
            } else if (added instanceof NetSpec.Upsample u) {
                s[0] *= u.factor();
            } else if (added instanceof NetSpec.DepthToSpace d) {
                s[0] *= d.block();
            }
            int g = gcd(s[0], s[1]);
            s = new int[] {s[0] / g, s[1] / g};
            if (added instanceof NetSpec.Add a && !Arrays.equals(s, reduced(size.get(a.b())))) {
                throw unsupportedNode(modelName, n, "adds two values of different sizes");
            }
            size.put(out, s);
            sizeMultiple = lcm(sizeMultiple, s[1]);
            alias.put(n.getOutput(0), out);
        }
        String output = alias.get(graph.getOutput(0).getName());
        if (output == null || output.equals(NetSpec.INPUT)) {
            throw incompatible(modelName, "its output '" + graph.getOutput(0).getName() + "' is not computed by"
                    + " any node");
        }
        int[] outSize = size.get(output);
        if (outSize[1] != 1) {
            throw incompatible(modelName, "its output is " + outSize[0] + "/" + outSize[1] + " of the input's size:"
                    + " not an integer scale factor");
        }
        int scale = outSize[0];
        if (metadata.containsKey(ModelMetadataKeys.SCALE)
                && !metadata.get(ModelMetadataKeys.SCALE).trim().equals(Integer.toString(scale))) {
            throw incompatible(modelName, "its metadata says scale " + metadata.get(ModelMetadataKeys.SCALE)
                    + " but its graph scales by " + scale);
        }
        String architecture = metadata.getOrDefault(ModelMetadataKeys.ARCHITECTURE, "onnx");
        return new Imported(new NetSpec(architecture, scale, channels, layers, output, sizeMultiple), params, metadata);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static int lcm(int a, int b) {
        return a / gcd(a, b) * b;
    }

    private static int[] reduced(int[] s) {
        int g = gcd(s[0], s[1]);
        return new int[] {s[0] / g, s[1] / g};
    }

    /**
     * Replaces every {@code Cast} of a constant float16 or float32 tensor to float32 by a float32 constant under the
     * cast's output name; returns the nodes so folded. Any other Cast is refused.
     */
    private static Set<Onnx.NodeProto> foldConstantCasts(Onnx.GraphProto graph,
            Map<String, Onnx.TensorProto> initializers, String modelName) {
        Set<Onnx.NodeProto> folded = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Onnx.NodeProto n : graph.getNodeList()) {
            if (!n.getOpType().equals("Cast")) {
                continue;
            }
            Onnx.AttributeProto to = attributes(n).get("to");
            Onnx.TensorProto source = n.getInputCount() == 1 ? initializers.get(n.getInput(0)) : null;
            if (to == null || to.getI() != Onnx.TensorProto.DataType.FLOAT_VALUE || source == null
                    || source.getDataType() != Onnx.TensorProto.DataType.FLOAT16_VALUE
                    && source.getDataType() != Onnx.TensorProto.DataType.FLOAT_VALUE) {
                throw unsupportedNode(modelName, n, "is supported only as a cast of a constant float16 weight to"
                        + " float32");
            }
            float[] values = source.getDataType() == Onnx.TensorProto.DataType.FLOAT_VALUE
                    ? floats(source, modelName) : halfFloats(source, modelName);
            ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            raw.asFloatBuffer().put(values);
            initializers.put(n.getOutput(0), source.toBuilder().setName(n.getOutput(0)).clearInt32Data()
                    .setDataType(Onnx.TensorProto.DataType.FLOAT_VALUE)
                    .setRawData(ByteString.copyFrom(raw.array())).build());
            folded.add(n);
        }
        return folded;
    }

    /** A float16 tensor's values: raw little-endian, or one value per int32_data entry as ONNX stores them. */
    private static float[] halfFloats(Onnx.TensorProto t, String model) {
        if (t.getDataLocation() == Onnx.TensorProto.DataLocation.EXTERNAL) {
            throw incompatible(model, "tensor '" + t.getName() + "' is stored as external data, which the dl4j"
                    + " backend does not read; use the onnx backend");
        }
        if (!t.getRawData().isEmpty()) {
            ByteBuffer raw = ByteBuffer.wrap(t.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[t.getRawData().size() / 2];
            for (int i = 0; i < values.length; i++) {
                values[i] = halfToFloat(raw.getShort());
            }
            return values;
        }
        float[] values = new float[t.getInt32DataCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = halfToFloat((short) t.getInt32Data(i));
        }
        return values;
    }

    static float halfToFloat(short h) {
        int sign = (h & 0x8000) << 16;
        int e = (h >>> 10) & 0x1f;
        int m = h & 0x3ff;
        if (e == 0) {
            float v = m * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        if (e == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (m << 13));
        }
        return Float.intBitsToFloat(sign | ((e - 15 + 127) << 23) | (m << 13));
    }

    private static int channels(Onnx.ValueInfoProto input) {
        Onnx.TensorShapeProto shape = input.getType().getTensorType().getShape();
        if (shape.getDimCount() == 4 && shape.getDim(1).hasDimValue()) {
            return (int) shape.getDim(1).getDimValue();
        }
        return 3;
    }

    private static String resolve(Map<String, String> alias, String onnxName, String model, Onnx.NodeProto n) {
        String name = alias.get(onnxName);
        if (name == null) {
            throw unsupportedNode(model, n, "reads '" + onnxName + "', which is neither the image nor computed"
                    + " earlier (constant tensors are supported only as Conv weights and Resize scales)");
        }
        return name;
    }

    private static void checkConvAttributes(String model, Onnx.NodeProto n, int k) {
        Map<String, Onnx.AttributeProto> a = attributes(n);
        int p = k / 2;
        boolean ok = (!a.containsKey("strides") || isInts(a.get("strides"), 1, 1))
                && (!a.containsKey("dilations") || isInts(a.get("dilations"), 1, 1))
                && (!a.containsKey("group") || a.get("group").getI() == 1)
                && (a.containsKey("pads") ? isInts(a.get("pads"), p, p, p, p)
                        : a.containsKey("auto_pad") && a.get("auto_pad").getS().toStringUtf8().startsWith("SAME"));
        if (!ok) {
            throw unsupportedNode(model, n, "only stride 1, dilation 1, one group and 'same' padding are supported");
        }
    }

    private static int resizeFactor(String model, Onnx.NodeProto n, Map<String, Onnx.TensorProto> initializers) {
        Map<String, Onnx.AttributeProto> a = attributes(n);
        String mode = a.containsKey("mode") ? a.get("mode").getS().toStringUtf8() : "nearest";
        String coords = a.containsKey("coordinate_transformation_mode")
                ? a.get("coordinate_transformation_mode").getS().toStringUtf8() : "half_pixel";
        if (!mode.equals("nearest") || !coords.equals("asymmetric")) {
            throw unsupportedNode(model, n, "only nearest resizing with asymmetric coordinates is supported");
        }
        Onnx.TensorProto scales = n.getInputCount() > 2 ? initializers.get(n.getInput(2)) : null;
        if (scales == null) {
            throw unsupportedNode(model, n, "needs constant scales");
        }
        float[] s = floats(scales, model);
        if (s.length != 4 || s[0] != 1 || s[1] != 1 || s[2] != s[3] || s[2] != Math.rint(s[2]) || s[2] < 1) {
            throw unsupportedNode(model, n, "only equal integer scales for height and width are supported");
        }
        return (int) s[2];
    }

    private static float[] floats(Onnx.TensorProto t, String model) {
        if (t.getDataType() != Onnx.TensorProto.DataType.FLOAT_VALUE) {
            throw incompatible(model, "tensor '" + t.getName() + "' is not float32");
        }
        if (t.getDataLocation() == Onnx.TensorProto.DataLocation.EXTERNAL) {
            throw incompatible(model, "tensor '" + t.getName() + "' is stored as external data, which the dl4j"
                    + " backend does not read; use the onnx backend");
        }
        if (!t.getRawData().isEmpty()) {
            float[] values = new float[t.getRawData().size() / 4];
            ByteBuffer.wrap(t.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return values;
        }
        float[] values = new float[t.getFloatDataCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = t.getFloatData(i);
        }
        return values;
    }

    private static Map<String, Onnx.AttributeProto> attributes(Onnx.NodeProto n) {
        Map<String, Onnx.AttributeProto> map = new HashMap<>();
        for (Onnx.AttributeProto a : n.getAttributeList()) {
            map.put(a.getName(), a);
        }
        return map;
    }

    private static boolean isInts(Onnx.AttributeProto a, long... expected) {
        if (a == null || a.getIntsCount() != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (a.getInts(i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(Onnx.AttributeProto a) {
        for (long v : a.getIntsList()) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static ModelLoadException unsupportedNode(String model, Onnx.NodeProto n, String why) {
        return incompatible(model, "node '" + n.getName() + "' (" + n.getOpType() + ") " + why
                + "; open the model with the onnx backend (io.github.enhance4j:enhance4j-backend-onnx)");
    }

    private static ModelLoadException incompatible(String model, String message) {
        return new ModelLoadException(model, ModelLoadException.Reason.INCOMPATIBLE, message);
    }
}
