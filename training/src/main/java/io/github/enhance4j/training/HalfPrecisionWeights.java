package io.github.enhance4j.training;

import org.nd4j.shade.protobuf.ByteString;
import org.nd4j.shade.protobuf.InvalidProtocolBufferException;
import onnx.Onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites an ONNX model so that its large float32 weights are stored as float16, each followed by a {@code Cast}
 * back to float32: the file is about half the size, the network still computes in float32 (ONNX Runtime folds the
 * casts into float32 constants when it loads the model), and the weights change by at most half a float16 step
 * (a relative 2^-11). Small tensors (fewer than {@link #MIN_ELEMENTS} values, e.g. Resize scales) stay float32.
 */
final class HalfPrecisionWeights {

    /** Tensors smaller than this stay float32. */
    static final int MIN_ELEMENTS = 16;

    /** What was converted. */
    record Result(byte[] model, int tensors, long values) {
    }

    private HalfPrecisionWeights() {
    }

    static Result convert(byte[] onnxModel) {
        Onnx.ModelProto model;
        try {
            model = Onnx.ModelProto.parseFrom(onnxModel);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a readable ONNX model: " + e.getMessage(), e);
        }
        Onnx.GraphProto graph = model.getGraph();
        Set<String> taken = new HashSet<>();
        graph.getNodeList().forEach(n -> {
            taken.addAll(n.getOutputList());
            taken.add(n.getName());
        });
        graph.getInitializerList().forEach(t -> taken.add(t.getName()));
        List<Onnx.TensorProto> initializers = new ArrayList<>();
        List<Onnx.NodeProto> casts = new ArrayList<>();
        Set<String> converted = new HashSet<>();
        long values = 0;
        for (Onnx.TensorProto t : graph.getInitializerList()) {
            float[] data = floats(t);
            if (data == null || data.length < MIN_ELEMENTS) {
                initializers.add(t);
                continue;
            }
            String halfName = unique(t.getName() + "_fp16", taken);
            ByteBuffer raw = ByteBuffer.allocate(data.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : data) {
                raw.putShort(Half.fromFloat(v));
            }
            initializers.add(t.toBuilder().setName(halfName).clearFloatData().clearRawData()
                    .setDataType(Onnx.TensorProto.DataType.FLOAT16_VALUE)
                    .setRawData(ByteString.copyFrom(raw.array())).build());
            casts.add(Onnx.NodeProto.newBuilder().setOpType("Cast").setName(unique("cast_" + t.getName(), taken))
                    .addInput(halfName).addOutput(t.getName())
                    .addAttribute(Onnx.AttributeProto.newBuilder().setName("to")
                            .setType(Onnx.AttributeProto.AttributeType.INT)
                            .setI(Onnx.TensorProto.DataType.FLOAT_VALUE))
                    .build());
            converted.add(t.getName());
            values += data.length;
        }
        List<Onnx.ValueInfoProto> inputs = new ArrayList<>();
        for (Onnx.ValueInfoProto v : graph.getInputList()) {
            if (!converted.contains(v.getName())) { // older models list weights as inputs too
                inputs.add(v);
            }
        }
        Onnx.GraphProto.Builder g = graph.toBuilder().clearInitializer().addAllInitializer(initializers)
                .clearNode().addAllNode(casts).addAllNode(graph.getNodeList())
                .clearInput().addAllInput(inputs);
        byte[] bytes = model.toBuilder().setGraph(g).build().toByteArray();
        return new Result(bytes, casts.size(), values);
    }

    /** The tensor's values if it is a float32 tensor stored in the file, else {@code null}. */
    private static float[] floats(Onnx.TensorProto t) {
        if (t.getDataType() != Onnx.TensorProto.DataType.FLOAT_VALUE
                || t.getDataLocation() == Onnx.TensorProto.DataLocation.EXTERNAL) {
            return null;
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

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = name + "_" + i;
        }
        taken.add(candidate);
        return candidate;
    }

    /** IEEE 754 binary16 conversions (Java 17 has none). */
    static final class Half {

        private Half() {
        }

        /** The nearest float16 (ties to even); beyond the range, infinity; NaN stays NaN. */
        static short fromFloat(float f) {
            int bits = Float.floatToRawIntBits(f);
            int sign = (bits >>> 16) & 0x8000;
            int exp = (bits >>> 23) & 0xff;
            int mant = bits & 0x7fffff;
            if (exp == 0xff) {
                return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 : 0));
            }
            int e = exp - 127 + 15;
            if (e >= 0x1f) {
                return (short) (sign | 0x7c00);
            }
            if (e <= 0) {
                if (e < -10) {
                    return (short) sign;
                }
                int m = mant | 0x800000;
                int shift = 14 - e;
                int half = m >> shift;
                int rest = m & ((1 << shift) - 1);
                int mid = 1 << (shift - 1);
                if (rest > mid || rest == mid && (half & 1) != 0) {
                    half++;
                }
                return (short) (sign | half);
            }
            int half = (e << 10) | (mant >> 13);
            int rest = mant & 0x1fff;
            if (rest > 0x1000 || rest == 0x1000 && (half & 1) != 0) {
                half++; // a carry into the exponent is still the right value, up to infinity
            }
            return (short) (sign | half);
        }

        static float toFloat(short h) {
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
    }
}
