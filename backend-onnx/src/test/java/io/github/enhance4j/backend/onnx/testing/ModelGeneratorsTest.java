package io.github.enhance4j.backend.onnx.testing;

import io.github.enhance4j.backend.onnx.testing.OnnxGraphBuilder.ElementType;
import io.github.enhance4j.backend.onnx.testing.ProtoReader.Field;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.enhance4j.backend.onnx.testing.ProtoReader.fields;
import static io.github.enhance4j.backend.onnx.testing.ProtoReader.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Structural checks of the generated models, decoded with {@link ProtoReader} and the field numbers of
 * {@code onnx.proto}; {@link ModelGeneratorsOnnxRuntimeTest} checks what they compute.
 */
class ModelGeneratorsTest {

    // ModelProto, GraphProto, NodeProto, TensorProto and ValueInfoProto field numbers used below.
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_PRODUCER_NAME = 2;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_OPSET_IMPORT = 8;
    private static final int MODEL_METADATA_PROPS = 14;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_INT64_DATA = 7;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_EXTERNAL_DATA = 13;
    private static final int TENSOR_DATA_LOCATION = 14;

    @Test
    void build_startsWithIrVersionEightThenProducer() {
        byte[] model = ModelGenerators.identity(3);

        // Tag 0x08 is field 1 (ir_version) as a varint, followed by the value 8.
        assertThat(model[0]).isEqualTo((byte) 0x08);
        assertThat(model[1]).isEqualTo((byte) 8);
        List<Field> fields = ProtoReader.parse(model);
        assertThat(single(fields, MODEL_PRODUCER_NAME).asString()).isEqualTo("enhance4j-tests");
    }

    @Test
    void build_importsDefaultDomainAtOpset13UnlessToldOtherwise() {
        assertThat(opsets(ModelGenerators.identity(3))).containsExactly(entry("", 13L));

        byte[] custom = new OnnxGraphBuilder().opset("", 17).opset("com.example", 1).irVersion(9).build();
        assertThat(opsets(custom)).containsExactly(entry("", 17L), entry("com.example", 1L));
        assertThat(single(ProtoReader.parse(custom), MODEL_IR_VERSION).varint()).isEqualTo(9);
    }

    @Test
    void identity_declaresSymbolicBatchAndSizeAndFixedChannels() {
        List<Field> graph = graph(ModelGenerators.identity(3));

        assertThat(valueInfoNames(graph, GRAPH_INPUT)).containsExactly("input");
        assertThat(valueInfoNames(graph, GRAPH_OUTPUT)).containsExactly("output");
        assertThat(dims(single(graph, GRAPH_INPUT))).containsExactly("N", 3L, "H", "W");
        assertThat(dims(single(graph, GRAPH_OUTPUT))).containsExactly("N", 3L, "H", "W");
        assertThat(elementType(single(graph, GRAPH_INPUT))).isEqualTo(ElementType.FLOAT.code());
        assertThat(opTypes(graph)).containsExactly("Identity");
        assertThat(metadata(ModelGenerators.identity(3))).isEmpty();
    }

    @Test
    void identityVariants_fixWhatTheirNamesSay() {
        assertThat(dims(single(graph(ModelGenerators.identityFixedBatch(1)), GRAPH_INPUT)))
                .containsExactly(1L, 1L, "H", "W");
        assertThat(dims(single(graph(ModelGenerators.identityFixedSize(3, 5, 7)), GRAPH_INPUT)))
                .containsExactly(1L, 3L, 5L, 7L);
    }

    @Test
    void identity_withMetadata_writesMetadataPropsInOrder() {
        Map<String, String> metadata = ModelGenerators.enhance4jMetadata(2, OnnxMetadataKeys.COLOR_LUMA,
                OnnxMetadataKeys.RANGE_UNIT);

        assertThat(metadata(ModelGenerators.identity(1, metadata))).containsExactly(
                entry("enhance4j.scale", "2"),
                entry("enhance4j.color", "luma"),
                entry("enhance4j.range", "0:1"),
                entry("enhance4j.architecture", "test-generator"),
                entry("enhance4j.version", "test"));
    }

    @Test
    void scaledRange255_saysItsRangeIsBytes() {
        byte[] model = ModelGenerators.scaledRange255(3);

        assertThat(metadata(model)).contains(entry(OnnxMetadataKeys.RANGE, "0:255"),
                entry(OnnxMetadataKeys.COLOR, "rgb"), entry(OnnxMetadataKeys.SCALE, "1"));
        assertThat(opTypes(graph(model))).containsExactly("Mul");
    }

    @Test
    void boxBlur3x3_storesOneNinthOnTheChannelDiagonalAsRawData() {
        int channels = 3;
        List<Field> initializer = single(graph(ModelGenerators.boxBlur3x3(channels)), GRAPH_INITIALIZER).asMessage();

        assertThat(ProtoReader.packedInt64(single(initializer, TENSOR_DIMS).payload())).containsExactly(3, 3, 3, 3);
        assertThat(fields(initializer, TENSOR_FLOAT_DATA)).isEmpty();
        float[] weight = floats(single(initializer, TENSOR_RAW_DATA).payload());
        assertThat(weight).hasSize(channels * channels * 9);
        for (int out = 0; out < channels; out++) {
            for (int in = 0; in < channels; in++) {
                float expected = out == in ? 1f / 9f : 0f;
                for (int k = 0; k < 9; k++) {
                    assertThat(weight[(out * channels + in) * 9 + k]).as("weight[%d][%d][%d]", out, in, k)
                            .isEqualTo(expected);
                }
            }
        }
        assertThat(opTypes(graph(ModelGenerators.boxBlur3x3(channels)))).containsExactly("Conv");
    }

    @Test
    void nearestUpscale_copiesEachChannelIntoItsOwnConsecutiveBlockThenDepthToSpaceCrd() {
        int channels = 3;
        int scale = 2;
        List<Field> graph = graph(ModelGenerators.nearestUpscale(channels, scale));

        List<Field> initializer = single(graph, GRAPH_INITIALIZER).asMessage();
        assertThat(ProtoReader.packedInt64(single(initializer, TENSOR_DIMS).payload())).containsExactly(12, 3, 1, 1);
        float[] weight = floats(single(initializer, TENSOR_FLOAT_DATA).payload());
        for (int out = 0; out < channels * scale * scale; out++) {
            for (int in = 0; in < channels; in++) {
                // CRD reads channel c*s*s + i*s + j for output channel c, so block c must copy input channel c.
                assertThat(weight[out * channels + in]).as("weight[%d][%d]", out, in)
                        .isEqualTo(out / (scale * scale) == in ? 1f : 0f);
            }
        }
        assertThat(opTypes(graph)).containsExactly("Conv", "DepthToSpace");
        List<Field> depthToSpace = fields(graph, GRAPH_NODE).get(1).asMessage();
        Map<String, List<Field>> attributes = new LinkedHashMap<>();
        for (Field attribute : fields(depthToSpace, NODE_ATTRIBUTE)) {
            attributes.put(single(attribute.asMessage(), 1).asString(), attribute.asMessage());
        }
        assertThat(single(attributes.get("blocksize"), 3).varint()).isEqualTo(2);
        assertThat(single(attributes.get("mode"), 4).asString()).isEqualTo("CRD");
        assertThat(dims(single(graph, GRAPH_OUTPUT))).containsExactly("N", 3L, "H2", "W2");
    }

    @Test
    void lumaNearestX3_mirrorsTheForeignLumaModelsDeclarations() {
        List<Field> graph = graph(ModelGenerators.lumaNearestX3());

        assertThat(dims(single(graph, GRAPH_INPUT))).containsExactly(1L, 1L, "H", "W");
        assertThat(dims(single(graph, GRAPH_OUTPUT))).containsExactly(1L, 1L, "H3", "W3");
        assertThat(metadata(ModelGenerators.lumaNearestX3())).isEmpty();
    }

    @Test
    void badModels_breakExactlyTheExpectationTheirNamesSay() {
        assertThat(valueInfoNames(graph(ModelGenerators.twoInputs()), GRAPH_INPUT))
                .containsExactly("input", "strength");
        assertThat(elementType(single(graph(ModelGenerators.integerInput()), GRAPH_INPUT)))
                .isEqualTo(ElementType.INT64.code());
        assertThat(dims(single(graph(ModelGenerators.rank3Input()), GRAPH_INPUT))).containsExactly(3L, "H", "W");
        assertThat(opTypes(graph(ModelGenerators.unknownOperator()))).containsExactly("NoSuchOp");
        assertThat(dims(single(graph(ModelGenerators.absurdDimensions()), GRAPH_INPUT)))
                .containsExactly(1L, 3L, 2_000_000_000L, 2_000_000_000L);
    }

    @Test
    void missingExternalData_pointsToWeightsBinWithoutInlineData() {
        List<Field> initializer = single(graph(ModelGenerators.missingExternalData()), GRAPH_INITIALIZER).asMessage();

        assertThat(single(initializer, TENSOR_NAME).asString()).isEqualTo("bias");
        assertThat(single(initializer, TENSOR_DATA_LOCATION).varint()).isEqualTo(1);
        List<Field> location = single(initializer, TENSOR_EXTERNAL_DATA).asMessage();
        assertThat(single(location, 1).asString()).isEqualTo("location");
        assertThat(single(location, 2).asString()).isEqualTo("weights.bin");
        assertThat(fields(initializer, TENSOR_RAW_DATA)).isEmpty();
        assertThat(fields(initializer, TENSOR_FLOAT_DATA)).isEmpty();
    }

    @Test
    void truncated_keepsThePrefixAndCutsAField() {
        byte[] model = ModelGenerators.identity(3);

        byte[] cut = ModelGenerators.truncated(model, model.length / 2);

        assertThat(cut).hasSize(model.length / 2).isEqualTo(java.util.Arrays.copyOf(model, model.length / 2));
        // The graph is one long field, so cutting in its middle leaves an incomplete field.
        assertThatThrownBy(() -> ProtoReader.parse(cut)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelGenerators.truncated(model, model.length))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void initializerInt64_storesValuesInInt64Data() {
        byte[] model = new OnnxGraphBuilder().initializerInt64("shape", new long[] {2}, new long[] {-1, 300}).build();

        List<Field> initializer = single(graph(model), GRAPH_INITIALIZER).asMessage();
        assertThat(single(initializer, TENSOR_DATA_TYPE).varint()).isEqualTo(ElementType.INT64.code());
        assertThat(ProtoReader.packedInt64(single(initializer, TENSOR_INT64_DATA).payload())).containsExactly(-1, 300);
    }

    @Test
    void builder_rejectsMismatchedInitializersAndUnknownDimensionKinds() {
        OnnxGraphBuilder builder = new OnnxGraphBuilder();

        assertThatThrownBy(() -> builder.initializer("w", new long[] {2, 2}, new float[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 elements")
                .hasMessageContaining("3 values");
        assertThatThrownBy(() -> builder.input("x", ElementType.FLOAT, 1, 2.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");
    }

    @Test
    void builder_writesAnUnknownDimensionForNull() {
        byte[] model = new OnnxGraphBuilder().input("x", ElementType.FLOAT, 1, null).build();

        assertThat(dims(single(graph(model), GRAPH_INPUT))).containsExactly(1L, null);
    }

    @Test
    void seedAutoencoder_hasTheSeedLayersAndAbout1_11MillionParameters() {
        byte[] model = ModelGenerators.seedAutoencoder(1);
        List<Field> graph = graph(model);

        assertThat(opTypes(graph).stream().filter("Conv"::equals)).hasSize(10);
        assertThat(opTypes(graph).stream().filter("MaxPool"::equals)).hasSize(2);
        assertThat(opTypes(graph).stream().filter("Resize"::equals)).hasSize(2);
        assertThat(opTypes(graph).stream().filter("Add"::equals)).hasSize(2);
        assertThat(dims(single(graph, GRAPH_INPUT))).containsExactly("N", 3L, "H", "W");
        assertThat(dims(single(graph, GRAPH_OUTPUT))).containsExactly("N", 3L, "H", "W");
        Map<String, long[]> shapes = initializerShapes(graph);
        long parameters = shapes.entrySet().stream().filter(e -> !e.getKey().equals("upsample_scales"))
                .mapToLong(e -> elements(e.getValue())).sum();
        assertThat(parameters).isEqualTo(ModelGenerators.SEED_PARAMETERS).isBetween(1_100_000L, 1_120_000L);
        assertThat(metadata(model)).contains(entry(OnnxMetadataKeys.SCALE, "1"),
                entry(OnnxMetadataKeys.COLOR, "rgb"), entry(OnnxMetadataKeys.RANGE, "0:1"),
                entry(OnnxMetadataKeys.ARCHITECTURE, "seed-autoencoder"));
    }

    @Test
    void seedAutoencoder_costsAbout670ThousandFlopsPerOutputPixel() {
        Map<String, long[]> shapes = initializerShapes(graph(ModelGenerators.seedAutoencoder(1)));
        // fraction of the output pixels each convolution runs on: two pools down, two upsamplings back
        Map<String, Integer> pixelsPerOutputPixel = Map.of("l4", 4, "l5", 4, "l9", 4, "l10", 4, "l7", 16);
        long macsTimes16 = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            if (e.getKey().endsWith("_weight")) {
                String layer = e.getKey().substring(0, e.getKey().length() - "_weight".length());
                macsTimes16 += elements(e.getValue()) * 16 / pixelsPerOutputPixel.getOrDefault(layer, 1);
            }
        }

        assertThat(macsTimes16 / 16).isEqualTo(ModelGenerators.SEED_MACS_PER_PIXEL);
        assertThat(2 * macsTimes16 / 16).isEqualTo(670_464L);
    }

    @Test
    void seedAutoencoder_isTheSameForTheSameSeed() {
        assertThat(ModelGenerators.seedAutoencoder(7)).isEqualTo(ModelGenerators.seedAutoencoder(7))
                .isNotEqualTo(ModelGenerators.seedAutoencoder(8));
    }

    @Test
    void espcn_endsInDepthToSpaceWithTheScaleAndDeclaresIt() {
        byte[] model = ModelGenerators.espcn(4, 1);
        List<Field> graph = graph(model);

        assertThat(opTypes(graph)).containsExactly("Conv", "Tanh", "Conv", "Relu", "Conv", "DepthToSpace");
        assertThat(dims(single(graph, GRAPH_OUTPUT))).containsExactly("N", 3L, "H4", "W4");
        assertThat(initializerShapes(graph).get("f3_weight")).containsExactly(48, 32, 3, 3);
        long macsPerInputPixel = initializerShapes(graph).entrySet().stream()
                .filter(e -> e.getKey().endsWith("_weight")).mapToLong(e -> elements(e.getValue())).sum();
        assertThat(macsPerInputPixel).isEqualTo(4_800 + 18_432 + 864 * 16);
        assertThat(metadata(model)).contains(entry(OnnxMetadataKeys.SCALE, "4"),
                entry(OnnxMetadataKeys.ARCHITECTURE, "espcn"));
    }

    // ---------------------------------------------------------------- decoding helpers

    private static List<Field> graph(byte[] model) {
        return single(ProtoReader.parse(model), MODEL_GRAPH).asMessage();
    }

    private static Map<String, Long> opsets(byte[] model) {
        Map<String, Long> opsets = new LinkedHashMap<>();
        for (Field opset : fields(ProtoReader.parse(model), MODEL_OPSET_IMPORT)) {
            List<Field> entry = opset.asMessage();
            opsets.put(single(entry, 1).asString(), single(entry, 2).varint());
        }
        return opsets;
    }

    /** Initializer name to dims, in graph order. */
    private static Map<String, long[]> initializerShapes(List<Field> graph) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Field initializer : fields(graph, GRAPH_INITIALIZER)) {
            List<Field> tensor = initializer.asMessage();
            shapes.put(single(tensor, TENSOR_NAME).asString(),
                    ProtoReader.packedInt64(single(tensor, TENSOR_DIMS).payload()));
        }
        return shapes;
    }

    private static long elements(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    private static Map<String, String> metadata(byte[] model) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Field property : fields(ProtoReader.parse(model), MODEL_METADATA_PROPS)) {
            List<Field> entry = property.asMessage();
            metadata.put(single(entry, 1).asString(), single(entry, 2).asString());
        }
        return metadata;
    }

    private static List<String> opTypes(List<Field> graph) {
        return fields(graph, GRAPH_NODE).stream().map(node -> single(node.asMessage(), NODE_OP_TYPE).asString())
                .toList();
    }

    private static List<String> valueInfoNames(List<Field> graph, int field) {
        return fields(graph, field).stream().map(info -> single(info.asMessage(), 1).asString()).toList();
    }

    /** TypeProto.Tensor.elem_type (1). */
    private static long elementType(Field valueInfo) {
        return single(tensorType(valueInfo), 1).varint();
    }

    /** TypeProto.Tensor.shape (2): each dimension as a Long (dim_value), a String (dim_param) or null (neither). */
    private static List<Object> dims(Field valueInfo) {
        List<Field> shape = single(tensorType(valueInfo), 2).asMessage();
        List<Object> dims = new ArrayList<>();
        for (Field dim : fields(shape, 1)) {
            List<Field> dimension = dim.asMessage();
            if (!fields(dimension, 1).isEmpty()) {
                dims.add(single(dimension, 1).varint());
            } else if (!fields(dimension, 2).isEmpty()) {
                dims.add(single(dimension, 2).asString());
            } else {
                dims.add(null);
            }
        }
        return dims;
    }

    /** ValueInfoProto.type (2) -> TypeProto.tensor_type (1): the TypeProto.Tensor message. */
    private static List<Field> tensorType(Field valueInfo) {
        return single(single(valueInfo.asMessage(), 2).asMessage(), 1).asMessage();
    }

    private static float[] floats(byte[] littleEndian) {
        ByteBuffer buffer = ByteBuffer.wrap(littleEndian).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[littleEndian.length / Float.BYTES];
        buffer.asFloatBuffer().get(values);
        return values;
    }
}
