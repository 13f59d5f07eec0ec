package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.backend.dl4j.NetSpec.Add;
import io.github.enhance4j.backend.dl4j.NetSpec.Conv;
import io.github.enhance4j.backend.dl4j.NetSpec.DepthToSpace;
import io.github.enhance4j.backend.dl4j.NetSpec.Dropout;
import io.github.enhance4j.backend.dl4j.NetSpec.Layer;
import io.github.enhance4j.backend.dl4j.NetSpec.MaxPool;
import io.github.enhance4j.backend.dl4j.NetSpec.Relu;
import io.github.enhance4j.backend.dl4j.NetSpec.SpaceToDepth;
import io.github.enhance4j.backend.dl4j.NetSpec.Upsample;
import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link NetSpec} and its weights as an ONNX model (opset 13) with ND4J's bundled ONNX protobuf classes.
 * Dropout is left out (inference graph); nearest upsampling becomes {@code Resize} with asymmetric coordinates and
 * floor rounding, which is exact pixel repetition; depth-to-space is {@code DepthToSpace} in DCR mode, space-to-depth {@code SpaceToDepth}.
 */
final class OnnxExporter {

    static final int OPSET = 13;
    /** IR version 7 is the one that goes with opset 13. */
    static final long IR_VERSION = 7;
    static final String PRODUCER = "enhance4j-dl4j";
    static final String INPUT = "input";
    static final String OUTPUT = "output";

    private OnnxExporter() {
    }

    /**
     * @param params   weights in ONNX layout ({@code [out, in, k, k]} kernels), as float arrays by parameter name
     * @param metadata written to {@code metadata_props}
     */
    static byte[] export(NetSpec spec, Map<String, float[]> params, Map<String, String> metadata, String version) {
        Onnx.GraphProto.Builder graph = Onnx.GraphProto.newBuilder().setName(spec.architecture());
        Map<String, String> alias = new HashMap<>();
        alias.put(NetSpec.INPUT, INPUT);
        Map<String, long[]> shapes = spec.parameterShapes();
        for (Map.Entry<String, long[]> p : shapes.entrySet()) {
            graph.addInitializer(tensor(p.getKey(), p.getValue(), params.get(p.getKey())));
        }
        int index = 0;
        for (Layer layer : spec.layers()) {
            String out = layer.out().equals(spec.output()) ? OUTPUT : layer.out();
            Onnx.NodeProto.Builder node = Onnx.NodeProto.newBuilder().setName(layer.out() + "#" + index++);
            if (layer instanceof Conv c) {
                int pad = c.kernel() / 2;
                node.setOpType("Conv").addInput(alias.get(c.in())).addInput(c.weight()).addInput(c.bias())
                        .addAttribute(ints("kernel_shape", c.kernel(), c.kernel()))
                        .addAttribute(ints("pads", pad, pad, pad, pad))
                        .addAttribute(ints("strides", 1, 1))
                        .addAttribute(ints("dilations", 1, 1));
            } else if (layer instanceof Relu r) {
                node.setOpType("Relu").addInput(alias.get(r.in()));
            } else if (layer instanceof MaxPool p) {
                node.setOpType("MaxPool").addInput(alias.get(p.in()))
                        .addAttribute(ints("kernel_shape", 2, 2)).addAttribute(ints("strides", 2, 2));
            } else if (layer instanceof Dropout d) {
                alias.put(d.out(), alias.get(d.in()));
                continue;
            } else if (layer instanceof Upsample u) {
                String scales = u.out() + ".scales";
                graph.addInitializer(Onnx.TensorProto.newBuilder().setName(scales)
                        .setDataType(Onnx.TensorProto.DataType.FLOAT_VALUE).addDims(4)
                        .addFloatData(1).addFloatData(1).addFloatData(u.factor()).addFloatData(u.factor()));
                node.setOpType("Resize").addInput(alias.get(u.in())).addInput("").addInput(scales)
                        .addAttribute(string("mode", "nearest"))
                        .addAttribute(string("coordinate_transformation_mode", "asymmetric"))
                        .addAttribute(string("nearest_mode", "floor"));
            } else if (layer instanceof Add a) {
                node.setOpType("Add").addInput(alias.get(a.a())).addInput(alias.get(a.b()));
            } else if (layer instanceof SpaceToDepth d) {
                node.setOpType("SpaceToDepth").addInput(alias.get(d.in()))
                        .addAttribute(Onnx.AttributeProto.newBuilder().setName("blocksize").setI(d.block())
                                .setType(Onnx.AttributeProto.AttributeType.INT));
            } else {
                DepthToSpace d = (DepthToSpace) layer;
                node.setOpType("DepthToSpace").addInput(alias.get(d.in()))
                        .addAttribute(Onnx.AttributeProto.newBuilder().setName("blocksize").setI(d.block())
                                .setType(Onnx.AttributeProto.AttributeType.INT))
                        .addAttribute(string("mode", "DCR"));
            }
            node.addOutput(out);
            alias.put(layer.out(), out);
            graph.addNode(node);
        }
        graph.addInput(valueInfo(INPUT, spec.inputChannels(), "height", "width"));
        graph.addOutput(valueInfo(OUTPUT, spec.inputChannels(), "out_height", "out_width"));

        Onnx.ModelProto.Builder model = Onnx.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(PRODUCER)
                .setProducerVersion(version)
                .setDocString(spec.architecture() + " x" + spec.scale() + ", trained with enhance4j's dl4j backend")
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(Onnx.StringStringEntryProto.newBuilder().setKey(k)
                .setValue(v)));
        return model.build().toByteArray();
    }

    private static Onnx.TensorProto tensor(String name, long[] shape, float[] values) {
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        if (values == null || values.length != size) {
            throw new IllegalStateException("parameter " + name + " has " + (values == null ? "no" : values.length)
                    + " values, its shape needs " + size);
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        Onnx.TensorProto.Builder t = Onnx.TensorProto.newBuilder().setName(name)
                .setDataType(Onnx.TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(raw.array()));
        for (long d : shape) {
            t.addDims(d);
        }
        return t.build();
    }

    private static Onnx.ValueInfoProto valueInfo(String name, int channels, String height, String width) {
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder();
        for (Object d : List.of("batch", (long) channels, height, width)) {
            Onnx.TensorShapeProto.Dimension.Builder dim = Onnx.TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Long v) {
                dim.setDimValue(v);
            } else {
                dim.setDimParam((String) d);
            }
            shape.addDim(dim);
        }
        return Onnx.ValueInfoProto.newBuilder().setName(name).setType(Onnx.TypeProto.newBuilder()
                .setTensorType(Onnx.TypeProto.Tensor.newBuilder()
                        .setElemType(Onnx.TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    private static Onnx.AttributeProto ints(String name, long... values) {
        Onnx.AttributeProto.Builder a = Onnx.AttributeProto.newBuilder().setName(name)
                .setType(Onnx.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static Onnx.AttributeProto string(String name, String value) {
        return Onnx.AttributeProto.newBuilder().setName(name).setS(ByteString.copyFromUtf8(value))
                .setType(Onnx.AttributeProto.AttributeType.STRING).build();
    }
}
