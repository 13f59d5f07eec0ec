package io.github.enhance4j.backend.onnx;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.image.ImageMetrics;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.SrEvaluation;
import io.github.enhance4j.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A foreign model: the PyTorch-tutorial x3 luma network from {@code ../shared/models/peers}. It must run as is
 * (1-channel luma, batch 1, dynamic size, no enhance4j metadata) and beat bicubic on Set5 under the RGB protocol.
 */
class PeerModelTest {

    @Test
    void superresX3Luma_beatsBicubicOnSet5() throws IOException {
        Path model = SharedData.require("models/peers/superres-x3-y.onnx");
        Path set5 = SharedData.require("data/sr-bench/Set5");
        List<Path> images;
        try (Stream<Path> files = Files.list(set5)) {
            images = files.filter(p -> p.toString().endsWith(".png")).sorted().collect(Collectors.toList());
        }
        double model3 = 0;
        double bicubic3 = 0;
        try (Enhancer e = Enhancer.load(model, EnhanceOptions.builder().device(Device.CPU).build())) {
            assertThat(e.info().scale()).isEqualTo(3);
            for (Path file : images) {
                FloatImage hr = SrEvaluation.modcrop(Pixels.read(ImageFiles.read(file)), 3);
                FloatImage lr = SrEvaluation.bicubicDegrade(hr, 3);
                FloatImage sr = Pixels.read(e.enhance(Pixels.toBufferedImage(lr)));
                model3 += ImageMetrics.psnrY(hr, sr, 3) / images.size();
                bicubic3 += ImageMetrics.psnrY(hr, SrEvaluation.bicubicUpscale(lr, 3), 3) / images.size();
            }
        }
        System.out.printf("Set5 x3 Y-PSNR: peer model %.2f dB, bicubic %.2f dB%n", model3, bicubic3);
        assertThat(bicubic3).isBetween(30.3, 30.5);
        assertThat(model3).isGreaterThan(bicubic3 + 0.1);
    }
}
