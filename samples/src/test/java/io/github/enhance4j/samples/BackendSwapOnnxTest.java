package io.github.enhance4j.samples;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample with only the ONNX backend on the class path (the first half of the backend swap). */
class BackendSwapOnnxTest {

    @Test
    void sample_withOnlyOnnxBackend_runsOnOnnx() throws Exception {
        String printed = BackendSwap.runSample("onnx.png");

        assertThat(printed).contains("enhanced with onnx: 64x48 -> 128x96");
        assertThat(ImageIO.read(BackendSwap.RESULTS.resolve("onnx.png").toFile()).getWidth()).isEqualTo(128);
        assertThat(exists("io.github.enhance4j.backend.dl4j.Dl4jEnhancerProvider")).isFalse();
    }

    static boolean exists(String className) {
        try {
            Class.forName(className, false, BackendSwapOnnxTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static Path result(String name) {
        return BackendSwap.RESULTS.resolve(name);
    }
}
