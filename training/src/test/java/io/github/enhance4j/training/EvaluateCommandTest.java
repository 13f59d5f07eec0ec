package io.github.enhance4j.training;

import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import io.github.enhance4j.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TrainApp.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path images(int count) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("hr"));
        Random r = new Random(5);
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(48, 36, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 36; y++) {
                for (int x = 0; x < 48; x++) {
                    int v = (int) (127 + 100 * Math.sin((x + 3 * i) / 5.0) * Math.cos(y / 7.0)) + r.nextInt(9);
                    img.setRGB(x, y, v << 16 | (255 - v) << 8 | (v / 2));
                }
            }
            ImageIO.write(img, "png", folder.resolve("img" + i + ".png").toFile());
        }
        return folder;
    }

    @Test
    void evaluate_bicubicOnSet5_reproducesThePublishedFigures() throws IOException {
        Path set5 = SharedData.require("data/sr-bench/Set5");
        double[][] published = {{2, 33.66, 0.9299}, {3, 30.39, 0.8682}, {4, 28.42, 0.8104}};
        for (double[] p : published) {
            Path csv = dir.resolve("x" + (int) p[0] + ".csv");
            out.reset();

            int code = run("evaluate", "-m", "bicubic", "--scale", String.valueOf((int) p[0]), "-d", set5.toString(),
                    "--csv", csv.toString());

            assertThat(code).as(err.toString()).isZero();
            String[] mean = Files.readAllLines(csv).get(6).split(",");
            assertThat(mean[0]).isEqualTo("mean");
            assertThat(Double.parseDouble(mean[1])).isCloseTo(p[1], org.assertj.core.data.Offset.offset(0.05));
            assertThat(Double.parseDouble(mean[2])).isCloseTo(p[2], org.assertj.core.data.Offset.offset(0.002));
        }
        assertThat(out.toString()).contains("baby.png").contains("mean");
    }

    @Test
    void evaluate_bicubicOnSet5_withTheLumaProtocol_reproducesThePublishedFiguresExactly() throws IOException {
        Path set5 = SharedData.require("data/sr-bench/Set5");
        double[][] published = {{2, 33.66, 0.9299}, {3, 30.39, 0.8682}, {4, 28.42, 0.8104}};
        for (double[] p : published) {
            Path csv = dir.resolve("luma-x" + (int) p[0] + ".csv");

            int code = run("evaluate", "-m", "bicubic", "--protocol", "sr-luma", "--scale",
                    String.valueOf((int) p[0]), "-d", set5.toString(), "--csv", csv.toString());

            assertThat(code).as(err.toString()).isZero();
            String[] mean = Files.readAllLines(csv).get(6).split(",");
            assertThat(Double.parseDouble(mean[1])).isCloseTo(p[1], org.assertj.core.data.Offset.offset(0.005));
            assertThat(Double.parseDouble(mean[2])).isCloseTo(p[2], org.assertj.core.data.Offset.offset(0.00005));
        }
        assertThat(out.toString()).contains("Protocol sr-luma");
    }

    @Test
    void evaluate_model_withTheLumaProtocol_scoresTheModelsLuma() throws IOException {
        Path hr = images(2);
        Path model = Files.write(dir.resolve("nearest-x2.onnx"), ModelGenerators.nearestUpscale(3, 2));
        Path csv = dir.resolve("luma.csv");

        int code = run("evaluate", "-m", model.toString(), "--protocol", "sr-luma", "-d", hr.toString(), "--csv",
                csv.toString());

        assertThat(code).as(err.toString()).isZero();
        String[] mean = Files.readAllLines(csv).get(3).split(",");
        assertThat(mean[0]).isEqualTo("mean");
        assertThat(Double.parseDouble(mean[3])).isBetween(10.0, 60.0);
    }

    @Test
    void evaluate_model_printsTableWithGainAndWritesCsv() throws IOException {
        Path hr = images(3);
        Path model = Files.write(dir.resolve("nearest-x2.onnx"), ModelGenerators.nearestUpscale(3, 2));
        Path csv = dir.resolve("eval.csv");

        int code = run("evaluate", "-m", model.toString(), "-d", hr.toString(), "--csv", csv.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Protocol sr, x2").contains("img0.png").contains("gain");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("image,baseline_psnr,baseline_ssim,model_psnr,model_ssim");
        String[] mean = lines.get(4).split(",");
        // nearest neighbour is worse than bicubic on smooth images
        assertThat(Double.parseDouble(mean[3])).isLessThan(Double.parseDouble(mean[1]));
    }

    @Test
    void evaluate_seedProtocol_identityEqualsTheDamagedInput() throws IOException {
        Path hr = images(2);
        Path model = Files.write(dir.resolve("identity.onnx"), ModelGenerators.identity(3));
        Path csv = dir.resolve("seed.csv");

        int code = run("evaluate", "-m", model.toString(), "-d", hr.toString(), "--protocol", "seed", "--csv",
                csv.toString());

        assertThat(code).as(err.toString()).isZero();
        String[] mean = Files.readAllLines(csv).get(3).split(",");
        assertThat(Double.parseDouble(mean[3])).isCloseTo(Double.parseDouble(mean[1]),
                org.assertj.core.data.Offset.offset(0.3));
    }

    @Test
    void evaluate_seedProtocolBicubic_scoresTheSmoothingPeer_whichBeatsTheBlocksOnSmoothPictures() throws IOException {
        Path hr = images(2);
        Path csv = dir.resolve("peer.csv");

        int code = run("evaluate", "-m", "bicubic", "-d", hr.toString(), "--protocol", "seed", "--csv",
                csv.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("smoothed");
        String[] mean = Files.readAllLines(csv).get(3).split(",");
        assertThat(Double.parseDouble(mean[3])).as("peer PSNR against the pixelated input's")
                .isGreaterThan(Double.parseDouble(mean[1]) + 0.5);
    }

    @Test
    void evaluate_badArguments_sayWhat() throws IOException {
        assertThat(run("evaluate", "-m", "bicubic", "-d", images(1).toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--model bicubic needs --scale");
        assertThat(run("evaluate", "-m", "x.onnx", "-d", dir.resolve("none").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not a folder");
        assertThat(run("evaluate", "-m", dir.resolve("missing.onnx").toString(), "-d", dir.resolve("hr").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("Cannot load model");
    }
}
