package io.github.enhance4j.training;

import io.github.enhance4j.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A training process killed with SIGKILL (no shutdown hook runs) at arbitrary moments, checkpoints being written
 * every epoch: whatever checkpoint is left must load, and {@code --resume} must finish the run.
 */
class KillDuringTrainingTest {

    private static final int EPOCHS = 6;

    @TempDir
    Path dir;

    private Path images() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("faces"));
        for (int i = 0; i < 12; i++) {
            BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int v = (x * 8 + y * 5 + i * 20) % 256;
                    img.setRGB(x, y, v << 16 | (255 - v) << 8 | (x * y) % 256);
                }
            }
            ImageIO.write(img, "png", folder.resolve("f" + i + ".png").toFile());
        }
        return folder;
    }

    private Process start(Path data, Path output, boolean resume) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), TrainApp.class.getName(),
                "train", "-q", "--backend", "dl4j", "-d", data.toString(), "-o", output.toString(),
                "--preset", "seed-tuned", "--epochs", Integer.toString(EPOCHS), "--batch", "4",
                "--val-split", "0.2"));
        if (resume) {
            command.add("--resume");
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(resume ? "resume.log" : "first.log").toFile()).start();
    }

    @Test
    void sigkillWhileTraining_leavesALoadableCheckpoint_andResumeFinishes() throws Exception {
        Path data = images();
        Path output = dir.resolve("run");
        Process first = start(data, output, false);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (Checkpoints.latest(output) == null && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(150); // into the next epoch, when the next checkpoint may be being written
        first.destroyForcibly();
        assertThat(first.waitFor(1, TimeUnit.MINUTES)).isTrue();

        Path checkpoint = Checkpoints.latest(output);
        assertThat(checkpoint).as(Files.readString(dir.resolve("first.log"))).isNotNull();
        int epochsBefore;
        try (Trainer t = Trainer.resume(checkpoint)) {
            epochsBefore = t.completedEpochs();
        }
        assertThat(epochsBefore).isBetween(1, EPOCHS);

        Process resumed = start(data, output, true);
        assertThat(resumed.waitFor(4, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(dir.resolve("resume.log"));
        assertThat(resumed.exitValue()).as(log).isZero();
        assertThat(log).contains("Resuming from").contains("Stopped: COMPLETED after " + EPOCHS + " epochs");
        assertThat(output.resolve("model.onnx")).isNotEmptyFile();
        try (Trainer t = Trainer.resume(Checkpoints.latest(output))) {
            assertThat(t.completedEpochs()).isEqualTo(EPOCHS);
        }
        System.out.printf("killed after %d epoch(s); resume finished the %d%n", epochsBefore, EPOCHS);
    }
}
