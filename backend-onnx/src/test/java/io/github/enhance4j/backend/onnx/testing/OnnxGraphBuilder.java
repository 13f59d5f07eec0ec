package io.github.enhance4j.backend.onnx.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a serialized ONNX {@code ModelProto} holding one graph, for tests that need models made in code.
 *
 * <p>Only the parts of {@code onnx.proto} that tests need are covered: typed tensor inputs and outputs with static or
 * symbolic dimensions, float and int64 initializers (inline or pointing to external data), nodes with int, float,
 * string and list attributes, opset imports and metadata. Field numbers are those of {@code onnx.proto} (IR version
 * 8). The builder does not validate the graph: tests of bad models depend on being able to write invalid ones.
 *
 * <pre>{@code
 * byte[] model = new OnnxGraphBuilder()
 *         .input("input", ElementType.FLOAT, "N", 3, "H", "W")
 *         .output("output", ElementType.FLOAT, "N", 3, "H", "W")
 *         .node("Identity", new String[] {"input"}, new String[] {"output"})
 *         .build();
 * }</pre>
 *
 * Not thread-safe.
 */
public final class OnnxGraphBuilder {

    /** Tensor element types ({@code TensorProto.DataType}) that tests use. */
    public enum ElementType {
        FLOAT(1), UINT8(2), INT32(6), INT64(7);

        private final int code;

        ElementType(int code) {
            this.code = code;
        }

        /** The {@code TensorProto.DataType} number. */
        public int code() {
            return code;
        }
    }

    /** One node attribute ({@code AttributeProto}); create it with the static factories. */
    public static final class Attr {
        private final byte[] encoded;

        private Attr(byte[] encoded) {
            this.encoded = encoded;
        }

        /** An {@code INT} attribute. */
        public static Attr i(String name, long value) {
            return new Attr(named(name, AttributeType.INT).int64(AttributeField.I, value).toByteArray());
        }

        /** A {@code FLOAT} attribute. */
        public static Attr f(String name, float value) {
            return new Attr(named(name, AttributeType.FLOAT).float32(AttributeField.F, value).toByteArray());
        }

        /** A {@code STRING} attribute, stored as UTF-8. */
        public static Attr s(String name, String value) {
            return new Attr(named(name, AttributeType.STRING).string(AttributeField.S, value).toByteArray());
        }

        /** An {@code INTS} attribute such as {@code pads} or {@code kernel_shape}. */
        public static Attr ints(String name, long... values) {
            return new Attr(named(name, AttributeType.INTS).packedInt64(AttributeField.INTS, values).toByteArray());
        }

        /** A {@code FLOATS} attribute. */
        public static Attr floats(String name, float... values) {
            return new Attr(named(name, AttributeType.FLOATS).packedFloats(AttributeField.FLOATS, values)
                    .toByteArray());
        }

        private static ProtoWriter named(String name, int type) {
            return new ProtoWriter().string(AttributeField.NAME, name).varint(AttributeField.TYPE, type);
        }
    }

    private long irVersion = 8;
    private final Map<String, Long> opsets = new LinkedHashMap<>();
    private String producerName = "enhance4j-tests";
    private String graphName = "graph";
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    /** Sets {@code ModelProto.ir_version}; 8 unless set (what ONNX 1.10 to 1.12 write; ONNX Runtime reads it). */
    public OnnxGraphBuilder irVersion(long version) {
        this.irVersion = version;
        return this;
    }

    /**
     * Imports an operator set. Without any call the model imports the default domain {@code ""} at version 13;
     * importing {@code ""} explicitly replaces that default.
     */
    public OnnxGraphBuilder opset(String domain, long version) {
        opsets.put(Objects.requireNonNull(domain, "domain"), version);
        return this;
    }

    /** Sets {@code ModelProto.producer_name}. */
    public OnnxGraphBuilder producer(String name) {
        this.producerName = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Sets {@code GraphProto.name}. */
    public OnnxGraphBuilder graphName(String name) {
        this.graphName = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Declares a graph input. Each dimension is an {@link Integer} or {@link Long} (a fixed size,
     * {@code dim_value}), a {@link String} (a symbolic size, {@code dim_param}) or {@code null} (a dimension with
     * neither, i.e. unknown).
     */
    public OnnxGraphBuilder input(String name, ElementType elementType, Object... dims) {
        inputs.add(valueInfo(name, elementType, dims));
        return this;
    }

    /** Declares a graph output; dimensions as in {@link #input}. */
    public OnnxGraphBuilder output(String name, ElementType elementType, Object... dims) {
        outputs.add(valueInfo(name, elementType, dims));
        return this;
    }

    /** Adds a float initializer whose values are stored in {@code float_data}. */
    public OnnxGraphBuilder initializer(String name, long[] dims, float[] values) {
        requireElementCount(name, dims, values.length);
        initializers.add(tensorHeader(name, ElementType.FLOAT, dims)
                .packedFloats(TensorField.FLOAT_DATA, values)
                .toByteArray());
        return this;
    }

    /**
     * Adds a float initializer whose values are stored in {@code raw_data}, little-endian as ONNX requires; this is
     * how exporters such as PyTorch's write weights.
     */
    public OnnxGraphBuilder rawInitializer(String name, long[] dims, float[] values) {
        requireElementCount(name, dims, values.length);
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            raw.putFloat(value);
        }
        initializers.add(tensorHeader(name, ElementType.FLOAT, dims)
                .bytes(TensorField.RAW_DATA, raw.array())
                .toByteArray());
        return this;
    }

    /** Adds an int64 initializer whose values are stored in {@code int64_data} (e.g. a shape for Reshape). */
    public OnnxGraphBuilder initializerInt64(String name, long[] dims, long[] values) {
        requireElementCount(name, dims, values.length);
        initializers.add(tensorHeader(name, ElementType.INT64, dims)
                .packedInt64(TensorField.INT64_DATA, values)
                .toByteArray());
        return this;
    }

    /**
     * Adds a float initializer whose data lives outside the model ({@code data_location = EXTERNAL}) in the file
     * {@code location}, relative to the model's directory. Nothing is written to that file.
     */
    public OnnxGraphBuilder externalInitializer(String name, long[] dims, String location) {
        ProtoWriter locationEntry = new ProtoWriter()
                .string(StringStringEntryField.KEY, "location")
                .string(StringStringEntryField.VALUE, location);
        initializers.add(tensorHeader(name, ElementType.FLOAT, dims)
                .message(TensorField.EXTERNAL_DATA, locationEntry)
                .varint(TensorField.DATA_LOCATION, TensorField.DATA_LOCATION_EXTERNAL)
                .toByteArray());
        return this;
    }

    /** Adds a node of the default ({@code ai.onnx}) domain; nodes must be added in topological order. */
    public OnnxGraphBuilder node(String opType, String[] nodeInputs, String[] nodeOutputs, Attr... attributes) {
        ProtoWriter node = new ProtoWriter();
        for (String input : nodeInputs) {
            node.string(NodeField.INPUT, input);
        }
        for (String output : nodeOutputs) {
            node.string(NodeField.OUTPUT, output);
        }
        // A name per node makes ONNX Runtime's error messages point at the node.
        node.string(NodeField.NAME, opType + "_" + nodes.size());
        node.string(NodeField.OP_TYPE, opType);
        for (Attr attribute : attributes) {
            node.bytes(NodeField.ATTRIBUTE, attribute.encoded);
        }
        nodes.add(node.toByteArray());
        return this;
    }

    /** Adds an entry to {@code ModelProto.metadata_props}; a later value for the same key replaces the earlier. */
    public OnnxGraphBuilder metadata(String key, String value) {
        metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Adds every entry of {@code entries} as by {@link #metadata(String, String)}. */
    public OnnxGraphBuilder metadata(Map<String, String> entries) {
        entries.forEach(this::metadata);
        return this;
    }

    /** The serialized {@code ModelProto}. The builder can be changed and built again afterwards. */
    public byte[] build() {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(node -> graph.bytes(GraphField.NODE, node));
        graph.string(GraphField.NAME, graphName);
        initializers.forEach(initializer -> graph.bytes(GraphField.INITIALIZER, initializer));
        inputs.forEach(input -> graph.bytes(GraphField.INPUT, input));
        outputs.forEach(output -> graph.bytes(GraphField.OUTPUT, output));

        ProtoWriter model = new ProtoWriter()
                .int64(ModelField.IR_VERSION, irVersion)
                .string(ModelField.PRODUCER_NAME, producerName)
                .message(ModelField.GRAPH, graph);
        Map<String, Long> imports = opsets.isEmpty() ? Map.of("", 13L) : opsets;
        imports.forEach((domain, version) -> model.message(ModelField.OPSET_IMPORT, new ProtoWriter()
                .string(OperatorSetIdField.DOMAIN, domain)
                .int64(OperatorSetIdField.VERSION, version)));
        metadata.forEach((key, value) -> model.message(ModelField.METADATA_PROPS, new ProtoWriter()
                .string(StringStringEntryField.KEY, key)
                .string(StringStringEntryField.VALUE, value)));
        return model.toByteArray();
    }

    private static byte[] valueInfo(String name, ElementType elementType, Object... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Object dim : dims) {
            shape.message(ShapeField.DIM, dimension(dim));
        }
        ProtoWriter tensorType = new ProtoWriter()
                .varint(TensorTypeField.ELEM_TYPE, elementType.code())
                .message(TensorTypeField.SHAPE, shape);
        return new ProtoWriter()
                .string(ValueInfoField.NAME, name)
                .message(ValueInfoField.TYPE, new ProtoWriter().message(TypeField.TENSOR_TYPE, tensorType))
                .toByteArray();
    }

    private static ProtoWriter dimension(Object dim) {
        if (dim == null) {
            return new ProtoWriter();
        }
        if (dim instanceof Integer || dim instanceof Long) {
            return new ProtoWriter().int64(ShapeField.DIM_VALUE, ((Number) dim).longValue());
        }
        if (dim instanceof String symbol) {
            return new ProtoWriter().string(ShapeField.DIM_PARAM, symbol);
        }
        throw new IllegalArgumentException("A dimension is an Integer or Long (fixed), a String (symbolic) or null"
                + " (unknown), not " + dim.getClass().getName() + " " + dim);
    }

    private static ProtoWriter tensorHeader(String name, ElementType elementType, long[] dims) {
        return new ProtoWriter()
                .packedInt64(TensorField.DIMS, dims)
                .varint(TensorField.DATA_TYPE, elementType.code())
                .string(TensorField.NAME, name);
    }

    private static void requireElementCount(String name, long[] dims, int valueCount) {
        long expected = 1;
        for (long dim : dims) {
            expected = Math.multiplyExact(expected, dim);
        }
        if (expected != valueCount) {
            throw new IllegalArgumentException("Initializer " + name + " has dims " + java.util.Arrays.toString(dims)
                    + " (" + expected + " elements) but " + valueCount + " values");
        }
    }

    // Field numbers from onnx.proto; named so that the encoding code reads like the schema.

    private static final class ModelField {
        static final int IR_VERSION = 1;
        static final int PRODUCER_NAME = 2;
        static final int GRAPH = 7;
        static final int OPSET_IMPORT = 8;
        static final int METADATA_PROPS = 14;
    }

    private static final class OperatorSetIdField {
        static final int DOMAIN = 1;
        static final int VERSION = 2;
    }

    private static final class StringStringEntryField {
        static final int KEY = 1;
        static final int VALUE = 2;
    }

    private static final class GraphField {
        static final int NODE = 1;
        static final int NAME = 2;
        static final int INITIALIZER = 5;
        static final int INPUT = 11;
        static final int OUTPUT = 12;
    }

    private static final class NodeField {
        static final int INPUT = 1;
        static final int OUTPUT = 2;
        static final int NAME = 3;
        static final int OP_TYPE = 4;
        static final int ATTRIBUTE = 5;
    }

    private static final class AttributeField {
        static final int NAME = 1;
        static final int F = 2;
        static final int I = 3;
        static final int S = 4;
        static final int FLOATS = 7;
        static final int INTS = 8;
        static final int TYPE = 20;
    }

    private static final class AttributeType {
        static final int FLOAT = 1;
        static final int INT = 2;
        static final int STRING = 3;
        static final int FLOATS = 6;
        static final int INTS = 7;
    }

    private static final class TensorField {
        static final int DIMS = 1;
        static final int DATA_TYPE = 2;
        static final int FLOAT_DATA = 4;
        static final int INT64_DATA = 7;
        static final int NAME = 8;
        static final int RAW_DATA = 9;
        static final int EXTERNAL_DATA = 13;
        static final int DATA_LOCATION = 14;
        static final int DATA_LOCATION_EXTERNAL = 1;
    }

    private static final class ValueInfoField {
        static final int NAME = 1;
        static final int TYPE = 2;
    }

    private static final class TypeField {
        static final int TENSOR_TYPE = 1;
    }

    private static final class TensorTypeField {
        static final int ELEM_TYPE = 1;
        static final int SHAPE = 2;
    }

    private static final class ShapeField {
        static final int DIM = 1;
        static final int DIM_VALUE = 1;
        static final int DIM_PARAM = 2;
    }
}
