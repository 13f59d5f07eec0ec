package io.github.enhance4j.backend.dl4j;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.image.Tensor;
import io.github.enhance4j.spi.ModelMetadataKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.FloatBuffer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The exported model, run by ONNX Runtime, computes what the SameDiff model computes. */
class OnnxParityTest {

    @ParameterizedTest
    @CsvSource({"seed-autoencoder, 1", "espcn, 2", "espcn, 3", "espcn, 4", "restore-unet, 1", "restore-unet, 2",
            "restore-unet, 4", "restore-unet-deep, 1", "compact-sr, 2",
            "compact-sr, 4", "compact-sr-deep, 4", "compact-sr-deeper, 2"})
    void exportedModel_inOnnxRuntime_matchesSameDiff(String architecture, int scale) throws Exception {
        byte[] onnx = TestModels.randomlyInitialised(architecture, scale, 7);
        try (Dl4jEngine engine = Dl4jEngine.open(ModelSource.of(onnx, architecture + ".onnx"),
                EnhanceOptions.defaults());
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions())) {
            assertThat(session.getMetadata().getCustomMetadata())
                    .containsEntry(ModelMetadataKeys.SCALE, Integer.toString(scale))
                    .containsEntry(ModelMetadataKeys.COLOR, "rgb")
                    .containsEntry(ModelMetadataKeys.RANGE, "0:1")
                    .containsEntry(ModelMetadataKeys.ARCHITECTURE, architecture)
                    .containsKeys(ModelMetadataKeys.TRAINING_DATA, ModelMetadataKeys.VERSION);
            int[][] shapes = architecture.startsWith("restore-unet") ? new int[][] {{1, 3, 16, 24}, {2, 3, 32, 16}}
                    : new int[][] {{1, 3, 16, 20}, {2, 3, 28, 12}};
            for (int[] shape : shapes) {
                float[] input = TestData.randomInput(shape[0] * shape[1] * shape[2] * shape[3], shape[2]);
                Tensor ours = engine.run(new Tensor(shape, input));
                float[] theirs;
                try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input),
                        new long[] {shape[0], shape[1], shape[2], shape[3]});
                        OrtSession.Result r = session.run(Map.of("input", t))) {
                    OnnxTensor out = (OnnxTensor) r.get(0);
                    assertThat(out.getInfo().getShape()).containsExactly(shape[0], 3, (long) shape[2] * scale,
                            (long) shape[3] * scale);
                    FloatBuffer b = out.getFloatBuffer();
                    theirs = new float[b.remaining()];
                    b.get(theirs);
                }

                assertThat(ours.shape()).containsExactly(shape[0], 3, shape[2] * scale, shape[3] * scale);
                assertThat(maxAbsDiff(ours.data(), theirs)).isLessThanOrEqualTo(1e-4);
                assertThat(maxAbs(theirs)).as("a non-trivial output").isGreaterThan(1e-3);
            }
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double maxAbs(float[] a) {
        double max = 0;
        for (float v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
