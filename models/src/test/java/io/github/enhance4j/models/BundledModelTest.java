package io.github.enhance4j.models;

import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.image.Degradation;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.image.ImageMetrics;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.SrEvaluation;
import io.github.enhance4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundledModelTest {

    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void everyBundledModelLoadsWithItsScaleAndStaysSmall(BundledModel model) throws IOException {
        try (var in = BundledModel.class.getClassLoader().getResourceAsStream(model.resource())) {
            assertThat(in).as("resource " + model.resource()).isNotNull();
            // the largest, restore (2.8 M parameters in float16), is 5.6 MB; a dependency should not grow unnoticed
            assertThat(in.readAllBytes().length).isLessThan(6_000_000);
        }
        try (Enhancer e = Enhancer.load(model.source())) {
            ModelInfo info = e.info();
            assertThat(info.scale()).isEqualTo(model.scale());
            BufferedImage out = e.enhance(new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB));
            assertThat(out.getWidth()).isEqualTo(37 * model.scale());
            assertThat(out.getHeight()).isEqualTo(23 * model.scale());
        }
    }

    /** No frame of wrong colour around results: the edges see the image mirrored, not the network's zero padding. */
    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void aFlatGreyImageComesBackFlatToItsEdges(BundledModel model) {
        BufferedImage flat = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < flat.getHeight(); y++) {
            for (int x = 0; x < flat.getWidth(); x++) {
                flat.setRGB(x, y, 0x808080);
            }
        }
        BufferedImage out;
        try (Enhancer e = Enhancer.load(model.source())) {
            out = e.enhance(flat);
        }
        int worst = 0;
        String where = "";
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int rgb = out.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    int off = Math.abs((rgb >> shift & 0xFF) - 128);
                    if (off > worst) {
                        worst = off;
                        where = "(" + x + ", " + y + ")";
                    }
                }
            }
        }
        assertThat(worst).as("%s: largest difference from 128, at %s", model, where).isLessThanOrEqualTo(2);
    }

    @Test
    void byIdFindsModelsAndNamesTheAlternativesWhenItCannot() {
        assertThat(BundledModel.byId(" SR-X4 ")).isEqualTo(BundledModel.SR_X4);
        assertThat(BundledModel.byId("seed-autoencoder")).isEqualTo(BundledModel.SEED_AUTOENCODER);
        assertThatThrownBy(() -> BundledModel.byId("x8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x8'")
                .hasMessageContaining("sr-x2, sr-x4, seed-autoencoder");
    }

    /** Super-resolution beats bicubic on a drawn picture the models never saw (Y-PSNR, standard protocol). */
    @ParameterizedTest
    @EnumSource(value = BundledModel.class, names = {"SR_X2", "SR_X4"})
    void superResolutionBeatsBicubicOnAnUnseenPicture(BundledModel model) {
        int scale = model.scale();
        FloatImage hr = SrEvaluation.modcrop(Pixels.read(drawnPicture()), scale);
        FloatImage lr = SrEvaluation.bicubicDegrade(hr, scale);
        double bicubic = ImageMetrics.psnrY(hr, SrEvaluation.bicubicUpscale(lr, scale), scale);
        double enhanced;
        try (Enhancer e = Enhancer.load(model.source())) {
            enhanced = ImageMetrics.psnrY(hr, Pixels.read(e.enhance(Pixels.toBufferedImage(lr))), scale);
        }
        assertThat(enhanced).as("%s: model %.2f dB vs bicubic %.2f dB", model, enhanced, bicubic)
                .isGreaterThan(bicubic + MIN_GAIN_DB);
    }

    /** The seed autoencoder makes a pixelated picture closer to the original, as it was trained to. */
    @Test
    void seedAutoencoderImprovesAPixelatedPicture() {
        FloatImage original = Pixels.read(drawnPicture());
        FloatImage damaged = Degradation.pixelate(0.4).apply(original, new Random(0));
        double input = ImageMetrics.psnr(original, damaged, 0);
        double enhanced;
        try (Enhancer e = Enhancer.load(BundledModel.SEED_AUTOENCODER.source())) {
            enhanced = ImageMetrics.psnr(original, Pixels.read(e.enhance(Pixels.toBufferedImage(damaged))), 0);
        }
        assertThat(enhanced).as("model %.2f dB vs pixelated input %.2f dB", enhanced, input)
                .isGreaterThan(input + MIN_GAIN_DB);
    }

    /**
     * {@code restore} sharpens a blurred picture, cleans a noisy and a JPEG-damaged one, and leaves a clean one nearly
     * as it is (RGB PSNR against the original; the picture is drawn, so the model never saw it).
     */
    @Test
    void restoreRepairsBlurNoiseAndJpegAndLeavesACleanPictureAlone() {
        FloatImage original = Pixels.read(drawnPicture());
        try (Enhancer e = Enhancer.load(BundledModel.RESTORE.source())) {
            for (String damage : List.of("blur:1.5", "noise:0.06", "blur:1.0+noise:0.02+jpeg:50")) {
                FloatImage damaged = Degradation.parse(damage).apply(original, new Random(3));
                double input = ImageMetrics.psnr(original, damaged, 0);
                double restored = ImageMetrics.psnr(original, Pixels.read(e.enhance(Pixels.toBufferedImage(damaged))),
                        0);
                assertThat(restored).as("%s: restored %.2f dB vs damaged input %.2f dB", damage, restored, input)
                        .isGreaterThan(input + MIN_GAIN_DB);
            }
            double clean = ImageMetrics.psnr(original, Pixels.read(e.enhance(Pixels.toBufferedImage(original))), 0);
            assertThat(clean).as("a clean picture against itself after restore").isGreaterThan(34.0);
        }
    }

    /**
     * {@code restore-x2} and {@code restore-x4} enlarge a blurred, noisy, JPEG-compressed small picture (half or a
     * quarter of the size) closer to the original than bicubic enlargement does (RGB PSNR against the original;
     * the picture is drawn, so the models never saw it).
     */
    @ParameterizedTest
    @EnumSource(value = BundledModel.class, names = {"RESTORE_X2", "RESTORE_X4"})
    void restoringEnlargersEnlargeADamagedSmallPictureBetterThanBicubic(BundledModel model) {
        int scale = model.scale();
        FloatImage original = SrEvaluation.modcrop(Pixels.read(drawnPicture()), scale);
        FloatImage small = Degradation.parse("blur:1.0+area:" + scale + "+noise:0.02+jpeg:60").apply(original,
                new Random(5));
        double bicubic = ImageMetrics.psnr(original, SrEvaluation.bicubicUpscale(small, scale), 0);
        double enlarged;
        try (Enhancer e = Enhancer.load(model.source())) {
            enlarged = ImageMetrics.psnr(original, Pixels.read(e.enhance(Pixels.toBufferedImage(small))), 0);
        }
        assertThat(enlarged).as("%s %.2f dB vs bicubic %.2f dB", model.id(), enlarged, bicubic)
                .isGreaterThan(bicubic + MIN_GAIN_DB);
    }

    /**
     * The Set5 and Set14 figures published in MODELS.md, reproduced (mean Y-PSNR, standard protocol: MATLAB bicubic
     * downscale, studio-range Y, scale pixels shaved). Skipped without {@code ../shared/data/sr-bench}.
     */
    @ParameterizedTest
    @EnumSource(value = BundledModel.class, names = {"SR_X2", "SR_X4"})
    void publishedBenchmarkFiguresAreReproduced(BundledModel model) throws IOException {
        Path bench = SharedData.require("data/sr-bench");
        int scale = model.scale();
        try (Enhancer e = Enhancer.load(model.source())) {
            for (String set : List.of("Set5", "Set14")) {
                double sum = 0;
                int n = 0;
                try (Stream<Path> files = Files.list(bench.resolve(set))) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
                        FloatImage hr = SrEvaluation.modcrop(Pixels.read(ImageFiles.read(file)).withoutAlpha(), scale);
                        FloatImage lr = SrEvaluation.bicubicDegrade(hr, scale);
                        sum += ImageMetrics.psnrY(hr, Pixels.read(e.enhance(Pixels.toBufferedImage(lr))), scale);
                        n++;
                    }
                }
                assertThat(n).as(set + " images").isGreaterThan(0);
                assertThat(sum / n).as(model + " on " + set)
                        .isCloseTo(PublishedFigures.set(model, set), org.assertj.core.api.Assertions.within(0.01));
            }
        }
    }

    private static final double MIN_GAIN_DB = 0.1; // a margin over the baseline; failures print both figures

    /** Smooth shading, soft edges, strokes and text: the kind of content the models are meant for. */
    static BufferedImage drawnPicture() {
        BufferedImage image = new BufferedImage(192, 144, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(70, 110, 160), 192, 144, new Color(230, 200, 150)));
        g.fillRect(0, 0, 192, 144);
        g.setPaint(new GradientPaint(40, 30, new Color(240, 190, 160), 110, 120, new Color(150, 90, 70)));
        g.fillOval(40, 25, 70, 95);
        g.setColor(new Color(40, 30, 30));
        g.fillOval(58, 55, 10, 7);
        g.fillOval(83, 55, 10, 7);
        g.setStroke(new BasicStroke(3f));
        g.drawArc(62, 80, 28, 16, 200, 140);
        g.setColor(new Color(250, 250, 240));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString("enhance4j", 95, 130);
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(30 + 35 * i, 60, 200 - 25 * i));
            g.drawLine(130 + 9 * i, 10, 150 + 7 * i, 80);
        }
        g.dispose();
        return image;
    }
}
