package io.github.enhance4j.samples;

import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Pixels;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same sample with only the DL4J backend on the class path (a separate surefire run, see the pom); its result
 * must agree with the ONNX run's within 1/255 on average.
 */
class BackendSwapDl4jTest {

    @Test
    void sample_withOnlyDl4jBackend_runsOnDl4jAndAgreesWithOnnx() throws Exception {
        String printed = BackendSwap.runSample("dl4j.png");

        assertThat(printed).contains("enhanced with dl4j: 64x48 -> 128x96");
        assertThat(BackendSwapOnnxTest.exists("io.github.enhance4j.backend.onnx.OnnxProvider")).isFalse();
        assertThat(Files.exists(BackendSwapOnnxTest.result("onnx.png")))
                .as("the ONNX half of the swap runs first, in the default surefire execution").isTrue();
        FloatImage onnx = Pixels.read(ImageIO.read(BackendSwapOnnxTest.result("onnx.png").toFile()));
        FloatImage dl4j = Pixels.read(ImageIO.read(BackendSwapOnnxTest.result("dl4j.png").toFile()));
        double sum = 0;
        float max = 0;
        for (int i = 0; i < onnx.colorData().length; i++) {
            float d = Math.abs(onnx.colorData()[i] - dl4j.colorData()[i]);
            sum += d;
            max = Math.max(max, d);
        }
        double mean = sum / onnx.colorData().length;
        System.out.printf("backend swap: mean |onnx - dl4j| = %.5f (%.3f levels), max %.4f%n", mean, mean * 255, max);
        assertThat(mean).isLessThanOrEqualTo(1.0 / 255);
    }
}
