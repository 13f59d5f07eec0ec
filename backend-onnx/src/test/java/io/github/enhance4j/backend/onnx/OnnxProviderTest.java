package io.github.enhance4j.backend.onnx;

import io.github.enhance4j.ColorMode;
import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxProviderTest {

    private static final EnhanceOptions CPU = EnhanceOptions.builder().device(Device.CPU).threads(1).build();

    @TempDir
    Path dir;

    private static ModelSource model(byte[] bytes, String name) {
        return ModelSource.of(bytes, name);
    }

    private static Enhancer open(byte[] bytes) {
        return Enhancer.load(model(bytes, "test.onnx"), CPU);
    }

    private static BufferedImage random(int type, int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt() | 0xff000000);
            }
        }
        return img;
    }

    @Test
    void supports_sniffsOnnxNotTheExtension() {
        OnnxProvider p = new OnnxProvider();

        assertThat(p.supports(model(ModelGenerators.identity(3), "no-extension"))).isTrue();
        assertThat(p.supports(model("\u0089PNG\r\n\u001a\n....".getBytes(), "fake.onnx"))).isFalse();
        assertThat(p.supports(model("ir_version: 8\ngraph {}".getBytes(), "text.onnx"))).isFalse();
    }

    @Test
    void load_selectsOnnxThroughServiceLoader() {
        try (Enhancer e = Enhancer.load(model(ModelGenerators.identity(3), "id.onnx"), CPU)) {
            assertThat(e.info().backend()).isEqualTo("onnx");
            assertThat(e.info().device()).isEqualTo("cpu");
        }
    }

    @Test
    void info_scaleFromMetadata() {
        byte[] bytes = ModelGenerators.nearestUpscale(3, 2, ModelGenerators.enhance4jMetadata(2, "rgb", "0:1"));
        try (Enhancer e = open(bytes)) {
            assertThat(e.info().scale()).isEqualTo(2);
            assertThat(e.info().metadata()).containsEntry("enhance4j.scale", "2");
        }
    }

    @Test
    void info_scaleMeasuredByProbeWhenShapesAreDynamic() {
        try (Enhancer e = open(ModelGenerators.nearestUpscale(3, 4))) {
            assertThat(e.info().scale()).isEqualTo(4);
            assertThat(e.info().colorMode()).isEqualTo(ColorMode.RGB);
            assertThat(e.info().architecture()).isEqualTo("unknown");
        }
    }

    @Test
    void info_fixedShapesGiveFixedSizeBatchOneAndScale() {
        try (Enhancer e = open(ModelGenerators.identityFixedSize(3, 32, 48))) {
            ModelInfo info = e.info();
            assertThat(info.fixedInputWidth()).isEqualTo(48);
            assertThat(info.fixedInputHeight()).isEqualTo(32);
            assertThat(info.maxBatch()).isEqualTo(1);
            assertThat(info.scale()).isEqualTo(1);
        }
    }

    @Test
    void info_oneChannelIsLuma_andRangeComesFromMetadata() {
        try (Enhancer luma = open(ModelGenerators.lumaNearestX3());
                Enhancer range = open(ModelGenerators.scaledRange255(3))) {
            assertThat(luma.info().colorMode()).isEqualTo(ColorMode.LUMA);
            assertThat(luma.info().scale()).isEqualTo(3);
            assertThat(range.info().inputMax()).isEqualTo(255f);
        }
    }

    @Test
    void enhance_nearestX2_isExactNearestNeighbour() {
        BufferedImage in = random(BufferedImage.TYPE_INT_RGB, 45, 31, 1);
        try (Enhancer e = open(ModelGenerators.nearestUpscale(3, 2))) {
            BufferedImage out = e.enhance(in);

            assertThat(out.getWidth()).isEqualTo(90);
            for (int y = 0; y < 62; y += 7) {
                for (int x = 0; x < 90; x += 5) {
                    assertThat(out.getRGB(x, y)).isEqualTo(in.getRGB(x / 2, y / 2));
                }
            }
        }
    }

    @Test
    void enhance_fixedSizeModel_isTiledToItsSize() {
        BufferedImage in = random(BufferedImage.TYPE_INT_RGB, 100, 70, 2);
        try (Enhancer e = open(ModelGenerators.identityFixedSize(3, 32, 32))) {
            BufferedImage out = e.enhance(in);

            assertThat(out.getRGB(0, 0, 100, 70, null, 0, 100)).isEqualTo(in.getRGB(0, 0, 100, 70, null, 0, 100));
        }
    }

    @Test
    void enhance_identity_keepsGrey16BitAndAlphaExactly() {
        try (Enhancer e = open(ModelGenerators.identity(3))) {
            BufferedImage grey16 = new BufferedImage(20, 10, BufferedImage.TYPE_USHORT_GRAY);
            Random r = new Random(3);
            for (int i = 0; i < 200; i++) {
                grey16.getRaster().setSample(i % 20, i / 20, 0, r.nextInt(65536));
            }
            BufferedImage argb = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB);
            for (int i = 0; i < 200; i++) {
                argb.setRGB(i % 20, i / 20, r.nextInt());
            }

            FloatImage g = Pixels.read(e.enhance(grey16));
            BufferedImage a = e.enhance(argb);

            assertThat(g.colorData()).containsExactly(Pixels.read(grey16).colorData());
            assertThat(a.getRGB(0, 0, 20, 10, null, 0, 20)).isEqualTo(argb.getRGB(0, 0, 20, 10, null, 0, 20));
        }
    }

    @Test
    void enhance_boxBlur_matchesReferenceConvolution() {
        BufferedImage in = random(BufferedImage.TYPE_INT_RGB, 16, 12, 4);
        FloatImage src = Pixels.read(in);
        try (Enhancer e = open(ModelGenerators.boxBlur3x3(3))) {
            FloatImage out = Pixels.read(e.enhance(in));

            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 12; y++) {
                    for (int x = 0; x < 16; x++) {
                        float sum = 0;
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                // the image mirrored about its edges: one pixel out is the edge pixel again
                                int xx = Math.max(0, Math.min(15, x + dx));
                                int yy = Math.max(0, Math.min(11, y + dy));
                                sum += src.get(c, xx, yy);
                            }
                        }
                        assertThat(out.get(c, x, y)).isCloseTo(sum / 9, org.assertj.core.data.Offset.offset(0.5f / 255 + 1e-5f));
                    }
                }
            }
        }
    }

    @Test
    void load_badModels_giveSpecificExceptions() throws Exception {
        assertIncompatible(ModelGenerators.twoInputs(), "has 2 inputs");
        assertIncompatible(ModelGenerators.integerInput(), "holds INT64");
        assertIncompatible(ModelGenerators.rank3Input(), "has rank 3");
        assertIncompatible(ModelGenerators.unknownOperator(), "NoSuchOp");
        assertIncompatible(ModelGenerators.absurdDimensions(), "above the 16384");

        byte[] good = ModelGenerators.boxBlur3x3(3);
        assertThatThrownBy(() -> Enhancer.load(model(ModelGenerators.truncated(good, good.length / 2), "cut.onnx"),
                CPU))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        ex -> assertThat(ex.reason()).isIn(ModelLoadException.Reason.CORRUPT,
                                ModelLoadException.Reason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("cut.onnx");

        Path external = Files.write(dir.resolve("external.onnx"), ModelGenerators.missingExternalData());
        assertThatThrownBy(() -> Enhancer.load(external, CPU))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        ex -> assertThat(ex.reason()).isEqualTo(ModelLoadException.Reason.CORRUPT))
                .hasMessageContaining("external data");
    }

    private static void assertIncompatible(byte[] bytes, String detail) {
        assertThatThrownBy(() -> Enhancer.load(model(bytes, "bad.onnx"), CPU))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isEqualTo(ModelLoadException.Reason.INCOMPATIBLE))
                .hasMessageStartingWith("Cannot load model bad.onnx: ")
                .hasMessageContaining(detail);
    }

    @Test
    void device_auto_fallsBackToCpuWithoutGpu() {
        EnhanceOptions auto = EnhanceOptions.builder().device(Device.AUTO).build();
        try (Enhancer e = Enhancer.load(model(ModelGenerators.identity(3), "id.onnx"), auto)) {
            assertThat(e.info().device()).isIn("cpu", "cuda:0");
        }
    }

    @Test
    void device_explicitCudaWithoutGpu_explainsWhatToInstall() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("enhance4j.test.cuda"),
                "a CUDA machine is under test");
        EnhanceOptions cuda = EnhanceOptions.builder().device(Device.cuda(0)).build();

        assertThatThrownBy(() -> Enhancer.load(model(ModelGenerators.identity(3), "id.onnx"), cuda))
                .isInstanceOf(EnhanceException.class)
                .hasMessageContaining("CUDA device 0 was requested")
                .hasMessageContaining("com.microsoft.onnxruntime:onnxruntime_gpu")
                .hasMessageContaining("cuDNN");
    }

    @Test
    void options_badOptimizationLevel_isRejectedWithTheChoices() {
        EnhanceOptions bad = CPU.toBuilder().backendOption("optimization", "turbo").build();

        assertThatThrownBy(() -> Enhancer.load(model(ModelGenerators.identity(3), "id.onnx"), bad))
                .hasMessageContaining("expected none, basic, extended or all");
    }
}
