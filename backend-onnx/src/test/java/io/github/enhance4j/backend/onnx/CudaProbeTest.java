package io.github.enhance4j.backend.onnx;

import ai.onnxruntime.OrtLoggingLevel;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CudaProbeTest {

    @Test
    void result_probesOnce_whateverTheNumberOfCallersAndThreads() throws Exception {
        CudaProbe probe = new CudaProbe(() -> new CudaProbe.Result(false, "no GPU here"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CudaProbe.Result>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(probe::result));
            }
            for (Future<CudaProbe.Result> r : results) {
                assertThat(r.get().reason()).isEqualTo("no GPU here");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(probe.attempts()).isEqualTo(1);
    }

    @Test
    void autoDevice_manyModelLoads_probeCudaOnce_andRunOnCpu() {
        CudaProbe probe = new CudaProbe(() -> new CudaProbe.Result(false, "no GPU here"));
        ModelSource model = ModelSource.of(ModelGenerators.boxBlur3x3(3), "blur.onnx");

        for (int i = 0; i < 3; i++) {
            OnnxSessions.Opened opened = OnnxSessions.open(model, EnhanceOptions.defaults(), probe);
            try {
                assertThat(opened.device()).isEqualTo("cpu");
            } finally {
                closeQuietly(opened);
            }
        }

        assertThat(probe.attempts()).isEqualTo(1);
    }

    @Test
    void markUnavailable_isRememberedWithoutProbingAgain() {
        CudaProbe probe = new CudaProbe(() -> new CudaProbe.Result(true, "its provider loaded"));
        assertThat(probe.result().available()).isTrue();

        probe.markUnavailable("creating a CUDA session failed (no device)");

        assertThat(probe.result()).isEqualTo(new CudaProbe.Result(false, "creating a CUDA session failed (no device)"));
        assertThat(probe.attempts()).isEqualTo(1);
    }

    @Test
    void processProbe_onThisBuild_explainsWhyThereIsNoCuda() {
        if (Boolean.getBoolean("enhance4j.test.cuda")) {
            assertThat(CudaProbe.PROCESS.result().available()).isTrue();
            return;
        }
        CudaProbe.Result result = CudaProbe.PROCESS.result();

        assertThat(result.available()).isFalse();
        // the CPU artifact has no provider; the GPU artifact on a machine without CUDA cannot load it
        assertThat(result.reason()).containsAnyOf("has no CUDA provider", "CUDA could not be initialised");
    }

    @Test
    void logLevel_defaultsToFatal_andNamesTheChoicesWhenUnknown() {
        assertThat(OnnxSessions.logLevel(null)).isEqualTo(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
        assertThat(OnnxSessions.logLevel(" Warning ")).isEqualTo(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING);
        assertThatThrownBy(() -> OnnxSessions.logLevel("loud"))
                .hasMessageContaining("enhance4j.onnx.logLevel=loud")
                .hasMessageContaining("verbose, info, warning, error or fatal");
    }

    private static void closeQuietly(OnnxSessions.Opened opened) {
        try {
            opened.session().close();
        } catch (ai.onnxruntime.OrtException e) {
            throw new AssertionError(e);
        }
    }
}
