package io.github.enhance4j.backend.onnx.testing;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.DoublePredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs every generated model in ONNX Runtime (CPU): the good ones compute what their Javadoc says, the bad ones fail
 * where their Javadoc says. This is what makes the generators trustworthy fixtures for the backend's tests.
 */
class ModelGeneratorsOnnxRuntimeTest {

    /** The process-wide environment; ONNX Runtime's Java API shares it and it must not be closed per test. */
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    @TempDir
    Path tempDir;

    /** A tensor's shape and values, copied out of ONNX Runtime. */
    private record Tensor(long[] shape, float[] values) {

        float at(int n, int c, int y, int x) {
            return values[(int) (((n * shape[1] + c) * shape[2] + y) * shape[3] + x)];
        }
    }

    // ---------------------------------------------------------------- good models

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void identity_returnsItsInputForAnyBatchAndSize(int channels) throws OrtException {
        byte[] model = ModelGenerators.identity(channels);

        for (long[] shape : new long[][] {{1, channels, 5, 7}, {2, channels, 4, 9}}) {
            Tensor input = pattern(shape);
            Tensor output = run(model, input);
            assertThat(output.shape()).containsExactly(shape);
            assertThat(output.values()).containsExactly(input.values());
        }
    }

    @Test
    void identity_declaresSymbolicDimensionsOnlyWhereAsked() throws OrtException {
        try (OrtSession session = ENV.createSession(ModelGenerators.identity(3))) {
            TensorInfo input = tensorInfo(session.getInputInfo().get(ModelGenerators.INPUT));
            assertThat(input.type).isEqualTo(OnnxJavaType.FLOAT);
            assertThat(input.getShape()).containsExactly(-1, 3, -1, -1);
            assertThat(input.getDimensionNames()).containsExactly("N", "", "H", "W");
            assertThat(session.getOutputNames()).containsExactly(ModelGenerators.OUTPUT);
            assertThat(session.getMetadata().getProducerName()).isEqualTo("enhance4j-tests");
            assertThat(session.getMetadata().getCustomMetadata()).isEmpty();
        }
        try (OrtSession session = ENV.createSession(ModelGenerators.identityFixedBatch(3))) {
            assertThat(tensorInfo(session.getInputInfo().get(ModelGenerators.INPUT)).getShape())
                    .containsExactly(1, 3, -1, -1);
        }
        try (OrtSession session = ENV.createSession(ModelGenerators.identityFixedSize(3, 5, 7))) {
            assertThat(tensorInfo(session.getInputInfo().get(ModelGenerators.INPUT)).getShape())
                    .containsExactly(1, 3, 5, 7);
        }
    }

    @Test
    void identityFixedBatch_acceptsAnySizeButOnlyBatchOne() throws OrtException {
        byte[] model = ModelGenerators.identityFixedBatch(3);
        Tensor input = pattern(new long[] {1, 3, 6, 2});

        assertThat(run(model, input).values()).containsExactly(input.values());
        assertThatThrownBy(() -> run(model, pattern(new long[] {2, 3, 6, 2}))).isInstanceOf(OrtException.class);
    }

    @Test
    void identityFixedSize_acceptsOnlyItsSize() throws OrtException {
        byte[] model = ModelGenerators.identityFixedSize(3, 5, 7);
        Tensor input = pattern(new long[] {1, 3, 5, 7});

        assertThat(run(model, input).values()).containsExactly(input.values());
        assertThatThrownBy(() -> run(model, pattern(new long[] {1, 3, 6, 7}))).isInstanceOf(OrtException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void boxBlur3x3_isTheMeanOfEachThreeByThreeNeighbourhoodWithZeroPadding(int channels) throws OrtException {
        Tensor input = pattern(new long[] {1, channels, 5, 7});

        Tensor output = run(ModelGenerators.boxBlur3x3(channels), input);

        assertThat(output.shape()).containsExactly(1, channels, 5, 7);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 7; x++) {
                    double sum = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            boolean inside = y + dy >= 0 && y + dy < 5 && x + dx >= 0 && x + dx < 7;
                            sum += inside ? input.at(0, c, y + dy, x + dx) : 0;
                        }
                    }
                    assertThat(output.at(0, c, y, x)).as("c=%d y=%d x=%d", c, y, x)
                            .isCloseTo((float) (sum / 9), within(1e-6f));
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"3, 2", "3, 3", "1, 4", "2, 1"})
    void nearestUpscale_repeatsEachPixelScaleTimesInBothDirections(int channels, int scale) throws OrtException {
        Tensor input = pattern(new long[] {1, channels, 5, 7});

        Tensor output = run(ModelGenerators.nearestUpscale(channels, scale), input);

        assertNearestNeighbour(input, output, scale);
    }

    @Test
    void nearestUpscale_keepsBatchItemsApart() throws OrtException {
        Tensor input = pattern(new long[] {2, 3, 3, 4});

        assertNearestNeighbour(input, run(ModelGenerators.nearestUpscale(3, 2), input), 2);
    }

    @Test
    void lumaNearestX3_enlargesOneChannelThreefold() throws OrtException {
        byte[] model = ModelGenerators.lumaNearestX3();
        Tensor input = pattern(new long[] {1, 1, 5, 7});

        assertNearestNeighbour(input, run(model, input), 3);
        try (OrtSession session = ENV.createSession(model)) {
            assertThat(tensorInfo(session.getInputInfo().get("input")).getDimensionNames())
                    .containsExactly("", "", "H", "W");
            assertThat(tensorInfo(session.getOutputInfo().get("output")).getDimensionNames())
                    .containsExactly("", "", "H3", "W3");
        }
    }

    @Test
    void scaledRange255_passesByteValuesThroughAndSaysSoInItsMetadata() throws OrtException {
        byte[] model = ModelGenerators.scaledRange255(3);
        Tensor input = pattern(new long[] {1, 3, 5, 7});
        for (int i = 0; i < input.values().length; i++) {
            input.values()[i] = i * 255f / (input.values().length - 1);
        }

        assertThat(run(model, input).values()).containsExactly(input.values());
        try (OrtSession session = ENV.createSession(model)) {
            assertThat(session.getMetadata().getCustomMetadata())
                    .containsEntry(OnnxMetadataKeys.RANGE, OnnxMetadataKeys.RANGE_BYTE)
                    .containsEntry(OnnxMetadataKeys.SCALE, "1");
        }
    }

    @Test
    void metadataOverloads_areReadableThroughOnnxRuntime() throws OrtException {
        Map<String, String> metadata = ModelGenerators.enhance4jMetadata(2, OnnxMetadataKeys.COLOR_RGB,
                OnnxMetadataKeys.RANGE_UNIT);

        for (byte[] model : new byte[][] {ModelGenerators.identity(3, metadata),
                ModelGenerators.boxBlur3x3(3, metadata), ModelGenerators.nearestUpscale(3, 2, metadata)}) {
            try (OrtSession session = ENV.createSession(model)) {
                assertThat(session.getMetadata().getCustomMetadata()).isEqualTo(metadata);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 32, 48", "2, 16, 8"})
    void seedAutoencoder_runsAndKeepsTheSize(int batch, int height, int width) throws OrtException {
        Tensor input = pattern(new long[] {batch, 3, height, width});

        Tensor output = run(ModelGenerators.seedAutoencoder(42), input);

        assertThat(output.shape()).containsExactly(batch, 3, height, width);
        // relu output: finite and non-negative, and the random weights do not make it all zero
        assertThat(count(output, v -> !Double.isFinite(v) || v < 0)).isZero();
        assertThat(count(output, v -> v > 0)).isPositive();
    }

    @Test
    void seedAutoencoder_declaresSymbolicBatchAndSizeAndItsMetadata() throws OrtException {
        try (OrtSession session = ENV.createSession(ModelGenerators.seedAutoencoder(42))) {
            TensorInfo input = tensorInfo(session.getInputInfo().get(ModelGenerators.INPUT));
            assertThat(input.getShape()).containsExactly(-1, 3, -1, -1);
            assertThat(session.getMetadata().getCustomMetadata())
                    .containsEntry(OnnxMetadataKeys.SCALE, "1")
                    .containsEntry(OnnxMetadataKeys.ARCHITECTURE, ModelGenerators.SEED_ARCHITECTURE);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void espcn_enlargesByItsScale(int scale) throws OrtException {
        Tensor input = pattern(new long[] {1, 3, 32, 48});

        Tensor output = run(ModelGenerators.espcn(scale, 42), input);

        assertThat(output.shape()).containsExactly(1, 3, 32L * scale, 48L * scale);
        assertThat(count(output, v -> !Double.isFinite(v))).isZero();
        assertThat(count(output, v -> v != 0)).isPositive();
    }

    // ---------------------------------------------------------------- bad models

    @Test
    void twoInputs_loadsButCannotRunOnAnImageAlone() throws OrtException {
        byte[] model = ModelGenerators.twoInputs();

        try (OrtSession session = ENV.createSession(model)) {
            assertThat(session.getInputNames()).containsExactlyInAnyOrder("input", "strength");
        }
        assertThatThrownBy(() -> run(model, pattern(new long[] {1, 3, 5, 7})))
                .isInstanceOf(OrtException.class)
                .hasMessageContaining("strength");
    }

    @Test
    void integerInput_loadsButRejectsFloatSamples() throws OrtException {
        byte[] model = ModelGenerators.integerInput();

        try (OrtSession session = ENV.createSession(model)) {
            assertThat(tensorInfo(session.getInputInfo().get("input")).type).isEqualTo(OnnxJavaType.INT64);
        }
        assertThatThrownBy(() -> run(model, pattern(new long[] {1, 3, 5, 7}))).isInstanceOf(OrtException.class);
    }

    @Test
    void rank3Input_loadsButRejectsABatchedImage() throws OrtException {
        byte[] model = ModelGenerators.rank3Input();

        try (OrtSession session = ENV.createSession(model)) {
            assertThat(tensorInfo(session.getInputInfo().get("input")).getShape()).containsExactly(3, -1, -1);
        }
        assertThatThrownBy(() -> run(model, pattern(new long[] {1, 3, 5, 7}))).isInstanceOf(OrtException.class);
    }

    @Test
    void absurdDimensions_loadsButRejectsEveryRealisticImage() throws OrtException {
        byte[] model = ModelGenerators.absurdDimensions();

        try (OrtSession session = ENV.createSession(model)) {
            assertThat(tensorInfo(session.getInputInfo().get("input")).getShape())
                    .containsExactly(1, 3, 2_000_000_000L, 2_000_000_000L);
        }
        assertThatThrownBy(() -> run(model, pattern(new long[] {1, 3, 5, 7}))).isInstanceOf(OrtException.class);
    }

    @Test
    void unknownOperator_failsToLoadNamingTheOperator() {
        assertThatThrownBy(() -> quietSession(ModelGenerators.unknownOperator()).close())
                .isInstanceOf(OrtException.class)
                .hasMessageContaining("NoSuchOp");
    }

    @Test
    void missingExternalData_failsToLoadFromBytesAndFromAFile() throws Exception {
        byte[] model = ModelGenerators.missingExternalData();
        Path file = Files.write(tempDir.resolve("model.onnx"), model);

        assertThatThrownBy(() -> quietSession(model).close()).isInstanceOf(OrtException.class);
        try (OrtSession.SessionOptions options = quietOptions()) {
            assertThatThrownBy(() -> ENV.createSession(file.toString(), options).close())
                    .isInstanceOf(OrtException.class)
                    .hasMessageContaining("weights.bin");
        }
    }

    @Test
    void truncated_failsToLoadWhereverTheCutFallsBeforeTheMetadata() {
        for (byte[] model : new byte[][] {ModelGenerators.identity(3), ModelGenerators.boxBlur3x3(3)}) {
            for (int keep = 0; keep < model.length; keep++) {
                byte[] cut = ModelGenerators.truncated(model, keep);
                assertThatThrownBy(() -> quietSession(cut).close()).as("cut after %d bytes", keep)
                        .isInstanceOf(OrtException.class);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Distinct values in 0..1 for every sample, so that a misplaced sample cannot go unnoticed. */
    private static Tensor pattern(long[] shape) {
        int count = (int) (shape[0] * shape[1] * shape[2] * shape[3]);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (i + 1f) / count;
        }
        return new Tensor(shape, values);
    }

    private static long count(Tensor tensor, DoublePredicate test) {
        long n = 0;
        for (float v : tensor.values()) {
            if (test.test(v)) {
                n++;
            }
        }
        return n;
    }

    private static Tensor run(byte[] model, Tensor input) throws OrtException {
        try (OrtSession session = quietSession(model);
                OnnxTensor tensor = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(input.values()), input.shape());
                OrtSession.Result result = session.run(Map.of(ModelGenerators.INPUT, tensor))) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            FloatBuffer values = output.getFloatBuffer();
            float[] copy = new float[values.remaining()];
            values.get(copy);
            return new Tensor(output.getInfo().getShape(), copy);
        }
    }

    private static void assertNearestNeighbour(Tensor input, Tensor output, int scale) {
        long[] in = input.shape();
        assertThat(output.shape()).containsExactly(in[0], in[1], in[2] * scale, in[3] * scale);
        for (int n = 0; n < output.shape()[0]; n++) {
            for (int c = 0; c < output.shape()[1]; c++) {
                for (int y = 0; y < output.shape()[2]; y++) {
                    for (int x = 0; x < output.shape()[3]; x++) {
                        assertThat(output.at(n, c, y, x)).as("n=%d c=%d y=%d x=%d", n, c, y, x)
                                .isEqualTo(input.at(n, c, y / scale, x / scale));
                    }
                }
            }
        }
    }

    private static TensorInfo tensorInfo(NodeInfo node) {
        return (TensorInfo) node.getInfo();
    }

    /** Expected failures would otherwise print ONNX Runtime's error log into the build output. */
    private static OrtSession.SessionOptions quietOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
        return options;
    }

    private static OrtSession quietSession(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = quietOptions()) {
            return ENV.createSession(model, options);
        }
    }
}
