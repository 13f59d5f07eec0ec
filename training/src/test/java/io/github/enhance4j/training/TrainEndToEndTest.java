package io.github.enhance4j.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

/**
 * {@code train} then {@code evaluate} for real, with the DL4J backend, on a dozen tiny images: seconds, but the
 * whole path (data, trainer, checkpoint, ONNX export, ONNX Runtime evaluation, pictures).
 */
class TrainEndToEndTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TrainApp.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path images(String name, int count, int size) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Random r = new Random(name.hashCode());
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int v = (int) (128 + 90 * Math.sin((x + i * 7) / 6.0) * Math.cos((y - i) / 9.0));
                    img.setRGB(x, y, v << 16 | (v / 2 + r.nextInt(20)) << 8 | (255 - v));
                }
            }
            ImageIO.write(img, "png", folder.resolve("img" + i + ".png").toFile());
        }
        return folder;
    }

    @Test
    void trainSeedThenEvaluate_withDl4j_producesAWorkingModel() throws IOException {
        Path data = images("faces", 12, 40);
        Path output = dir.resolve("run");

        int trained = run("train", "-q", "-d", data.toString(), "-o", output.toString(), "--preset", "seed-tuned",
                "--epochs", "2", "--batch", "4", "--threads", "2");

        assertThat(trained).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Training TrainingConfig[architecture=seed-autoencoder")
                .contains("Stopped: COMPLETED after 2 epochs");
        assertThat(Files.readAllLines(output.resolve("metrics.csv"))).hasSize(3);
        assertThat(output.resolve("report.png")).isNotEmptyFile();
        assertThat(Checkpoints.latest(output)).isNotNull();

        out.reset();
        Path csv = dir.resolve("eval.csv");
        int evaluated = run("evaluate", "-m", output.resolve("model.onnx").toString(), "-d",
                images("held-out", 2, 40).toString(), "--protocol", "seed", "--csv", csv.toString());

        assertThat(evaluated).as(err.toString()).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(4);
        String[] mean = rows.get(3).split(",");
        assertThat(Double.parseDouble(mean[3])).isFinite().isGreaterThan(5);
    }

    @Test
    void trainSrX2_withDl4j_exportsAnX2Model() throws IOException {
        Path data = images("photos", 10, 48);
        Path output = dir.resolve("sr");

        int trained = run("train", "-q", "-d", data.toString(), "-o", output.toString(), "--preset", "sr-x2",
                "--epochs", "1", "--batch", "4", "--patch", "24", "--samples-per-epoch", "8");

        assertThat(trained).as(err.toString()).isZero();
        out.reset();
        int evaluated = run("evaluate", "-m", output.resolve("model.onnx").toString(), "-d", data.toString(),
                "--csv", dir.resolve("sr.csv").toString());
        assertThat(evaluated).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Protocol sr, x2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"restore, 1, 32", "restore-x2, 2, 32", "restore-x4, 4, 48"})
    void restorePresets_trainBrieflyAndScoreUnderTheDamageProtocol(String preset, int scale, int patch)
            throws IOException {
        Path photos = images("photos", 6, 64);
        Path more = images("more", 4, 72);
        Path output = dir.resolve(preset);

        int trained = run("train", "-q", "-d", photos + "::repeat=3", "-d", more + "::downscale=1,val=1", "-o",
                output.toString(), "--preset", preset, "--epochs", "2", "--batch", "4", "--patch",
                Integer.toString(patch), "--samples-per-epoch", "8", "--val-split", "0.25", "--max-minutes", "30");

        assertThat(trained).as(err.toString()).isZero();
        assertThat(out.toString()).contains("samplesPerEpoch=8").containsPattern("degradation=[^,]*realistic:" + scale)
                .contains("Stopped: COMPLETED after 2 epochs").containsPattern("dB (over|BELOW) the baseline");
        assertThat(output.resolve("report.png")).isNotEmptyFile();
        out.reset();
        int evaluated = run("evaluate", "-m", output.resolve("model.onnx").toString(), "-d", photos.toString(),
                "--protocol", "damage", "--degrade", scale == 1 ? "blur:1.5" : "bicubic:" + scale + "+jpeg:60",
                "--csv", dir.resolve(preset + ".csv").toString());
        assertThat(evaluated).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Protocol damage, x" + scale);

        if (scale == 1) {
            // resumed without its preset, the run would prepare its images as the seed preset does (80x80 faces)
            int resumed = run("train", "-q", "--resume", "-d", photos.toString(), "-o", output.toString(),
                    "--epochs", "3");
            assertThat(resumed).isEqualTo(2);
            assertThat(err.toString()).contains("resume with the preset the run started with (--preset restore)");
            err.reset();
            resumed = run("train", "-q", "--resume", "--preset", "restore", "--degrade", "blur:1", "-d",
                    photos.toString(), "-o", output.toString(), "--epochs", "3");
            assertThat(resumed).isEqualTo(2);
            assertThat(err.toString()).contains("a resumed run keeps its damage, so --degrade blur:1 cannot apply");

            // the first session's 30-minute limit stays with it; this session's --max-minutes counts from its start
            out.reset();
            err.reset();
            resumed = run("train", "-q", "--resume", "--preset", "restore", "-d", photos + "::repeat=3", "-d",
                    more + "::downscale=1,val=1", "-o", output.toString(), "--epochs", "100000", "--max-minutes",
                    "0.02");
            assertThat(resumed).as(err.toString()).isZero();
            assertThat(out.toString()).contains("maxDuration=null").contains("Time limit of 0.02 min reached")
                    .contains("Stopped: STOP_REQUESTED");
        }
    }
}
