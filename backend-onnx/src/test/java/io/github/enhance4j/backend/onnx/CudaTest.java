package io.github.enhance4j.backend.onnx;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs only on a GPU machine, with {@code mvn -Pcuda -pl backend-onnx verify -Denhance4j.test.cuda=true}
 * (needs onnxruntime_gpu, an NVIDIA driver, CUDA 12 and cuDNN 9).
 */
@EnabledIfSystemProperty(named = "enhance4j.test.cuda", matches = "true")
class CudaTest {

    @Test
    void cuda_runsModelsAndAgreesWithCpu() {
        BufferedImage in = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                in.setRGB(x, y, r.nextInt());
            }
        }
        for (byte[] model : new byte[][] {ModelGenerators.boxBlur3x3(3), ModelGenerators.nearestUpscale(3, 2)}) {
            EnhanceOptions gpu = EnhanceOptions.builder().device(Device.cuda(0)).tileSize(128).build();
            EnhanceOptions cpu = EnhanceOptions.builder().device(Device.CPU).tileSize(128).build();
            try (Enhancer onGpu = Enhancer.load(ModelSource.of(model, "m.onnx"), gpu);
                    Enhancer onCpu = Enhancer.load(ModelSource.of(model, "m.onnx"), cpu);
                    Enhancer auto = Enhancer.load(ModelSource.of(model, "m.onnx"), EnhanceOptions.defaults())) {
                assertThat(onGpu.info().device()).isEqualTo("cuda:0");
                assertThat(auto.info().device()).isEqualTo("cuda:0");
                FloatImage a = Pixels.read(onGpu.enhance(in));
                FloatImage b = Pixels.read(onCpu.enhance(in));
                float max = 0;
                for (int i = 0; i < a.colorData().length; i++) {
                    max = Math.max(max, Math.abs(a.colorData()[i] - b.colorData()[i]));
                }
                assertThat(max).isLessThanOrEqualTo(1f / 255 + 1e-6f);
            }
        }
    }
}
