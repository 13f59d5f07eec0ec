package io.github.enhance4j.training;

import io.github.enhance4j.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code train} command around the test-only {@link FakeTrainerProvider}: outputs, resume, errors. */
class TrainCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TrainApp.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path faces(int count) throws IOException {
        Path folder = dir.resolve("faces");
        for (int i = 0; i < count; i++) {
            Path person = Files.createDirectories(folder.resolve("Person_" + i % 3));
            BufferedImage img = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 50; y++) {
                for (int x = 0; x < 50; x++) {
                    int v = (x * 5 + y * 3 + i * 17) % 256;
                    img.setRGB(x, y, v << 16 | (255 - v) << 8 | (x * y + i) % 256);
                }
            }
            ImageIO.write(img, "jpg", person.resolve("Person_" + i % 3 + "_000" + i + ".jpg").toFile());
        }
        return folder;
    }

    @Test
    void train_seedPreset_writesModelCheckpointMetricsAndPictures() throws IOException {
        Path data = faces(12);
        Path output = dir.resolve("run");

        int code = run("train", "-q", "--backend", "fake", "-d", data.toString(), "-o", output.toString(),
                "--epochs", "3", "--batch", "4");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Data: 11 training and 1 validation images")
                .contains("epoch  train loss").contains("Stopped: COMPLETED after 3 epochs");
        List<String> metrics = Files.readAllLines(output.resolve("metrics.csv"));
        assertThat(metrics).hasSize(4);
        assertThat(metrics.get(0)).isEqualTo(EpochRecord.CSV_HEADER);
        assertThat(metrics.get(3)).startsWith("3,");
        assertThat(output.resolve("model.onnx")).isNotEmptyFile();
        assertThat(output.resolve(FakeTrainerProvider.CHECKPOINT)).isNotEmptyFile();
        assertThat(ImageIO.read(output.resolve("curves.png").toFile()).getWidth()).isEqualTo(800);
        BufferedImage report = ImageIO.read(output.resolve("report.png").toFile());
        assertThat(report.getWidth()).isGreaterThan(4 * 150);
    }

    @Test
    void train_existingCheckpoint_needsResume_andResumeContinuesIt() throws IOException {
        Path data = faces(8);
        Path output = dir.resolve("run");
        assertThat(run("train", "-q", "--backend", "fake", "-d", data.toString(), "-o", output.toString(),
                "--epochs", "2")).isZero();
        out.reset();

        int again = run("train", "-q", "--backend", "fake", "-d", data.toString(), "-o", output.toString(),
                "--epochs", "2");
        int resumed = run("train", "-q", "-d", data.toString(), "-o", output.toString(), "--resume");

        assertThat(again).isEqualTo(1);
        assertThat(err.toString()).contains("already holds a checkpoint").contains("use --resume");
        assertThat(resumed).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Resuming from").contains("after 2 epochs");
        assertThat(Files.readAllLines(output.resolve("metrics.csv"))).hasSize(3);
    }

    @Test
    void train_srPreset_exportsAModelOfThatScale() throws IOException {
        Path data = faces(12);
        Path output = dir.resolve("sr");

        int code = run("train", "-q", "--backend", "fake", "-d", data.toString(), "-o", output.toString(),
                "--preset", "sr-x2", "--epochs", "1");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("scale=2").contains("degradation=bicubic:2");
        assertThat(output.resolve("report.png")).isNotEmptyFile();
    }

    @Test
    void stoppedLine_saysPlainlyWhenTheModelEndsBelowItsBaseline() {
        io.github.enhance4j.TrainingResult worse = new io.github.enhance4j.TrainingResult(30, 0.01, 21.15,
                io.github.enhance4j.TrainingResult.StopReason.COMPLETED, java.time.Duration.ofSeconds(19));
        io.github.enhance4j.TrainingResult better = new io.github.enhance4j.TrainingResult(30, 0.01, 31.0,
                io.github.enhance4j.TrainingResult.StopReason.COMPLETED, java.time.Duration.ofSeconds(19));
        List<EpochRecord> history = List.of(new EpochRecord(30, 0.1, 0.1, 21.15, 30.17, 100, 1));

        assertThat(TrainCommand.stoppedLine(worse, history)).startsWith("Stopped: COMPLETED after 30 epochs")
                .contains("9.02 dB BELOW the baseline's 30.17 dB").contains("worse than doing nothing");
        assertThat(TrainCommand.stoppedLine(better, history)).endsWith("(+0.83 dB over the baseline's 30.17 dB)");
        assertThat(TrainCommand.stoppedLine(better, List.of())).endsWith("best validation PSNR 31.00 dB");
    }

    @Test
    void samplesPerEpoch_isThePresetsUnlessGiven() {
        TrainCommand sr = command("-d", "x", "--preset", "sr-x2");
        TrainCommand given = command("-d", "x", "--preset", "sr-x2", "--samples-per-epoch", "640");
        TrainCommand seed = command("-d", "x");

        assertThat(sr.configure(Preset.parse(sr.preset)).samplesPerEpoch()).isEqualTo(Preset.SR_EPOCH_SAMPLES);
        assertThat(given.configure(Preset.parse(given.preset)).samplesPerEpoch()).isEqualTo(640);
        assertThat(seed.configure(Preset.parse(seed.preset)).samplesPerEpoch()).isZero();
    }

    @Test
    void augment_isOnForSeedFacesOnly_unlessGiven() {
        TrainCommand faces = command("-d", "x", "--preset", "seed-faces");
        TrainCommand off = command("-d", "x", "--preset", "seed-faces", "--no-augment");
        TrainCommand on = command("-d", "x", "--preset", "sr-x2", "--augment");

        assertThat(faces.configure(Preset.parse(faces.preset)).augment()).isTrue();
        assertThat(off.configure(Preset.parse(off.preset)).augment()).isFalse();
        assertThat(on.configure(Preset.parse(on.preset)).augment()).isTrue();
        assertThat(command("-d", "x").configure(Preset.SEED).augment()).isFalse();
    }

    @Test
    void seedFaces_keepsFacesAtTwiceTheProtocolsSize_andTrainsOnProtocolSizedPatches() {
        io.github.enhance4j.image.FloatImage face = new io.github.enhance4j.image.FloatImage(250, 250, 3, false);
        for (int i = 246; i < 250; i++) {
            for (int j = 246; j < 250; j++) {
                face.set(0, i, j, 0.75f); // the corner that the last output pixel samples
            }
        }

        io.github.enhance4j.image.FloatImage kept = Preset.SEED_FACES.imageTransform().apply(face);
        io.github.enhance4j.image.FloatImage seed = Preset.SEED_TUNED.imageTransform().apply(face);

        assertThat(kept.width()).isEqualTo(Preset.FACES_SOURCE_SIZE);
        assertThat(kept.height()).isEqualTo(Preset.FACES_SOURCE_SIZE);
        assertThat(kept.get(0, 159, 159)).isEqualTo(0.75f); // nearest neighbour, as the protocol's 80x80
        assertThat(seed.width()).isEqualTo(80);
        TrainCommand faces = command("-d", "x", "--preset", "seed-faces");
        assertThat(faces.configure(Preset.SEED_FACES).patchSize()).isEqualTo(80);
        assertThat(Preset.SEED_FACES.protocol()).isEqualTo(Evaluation.Protocol.SEED);
    }

    @Test
    void train_badArguments_exitWithTwoAndSayWhy() {
        Path output = dir.resolve("x");

        assertThat(run("train", "-o", output.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no data");
        assertThat(run("train", "-o", output.toString(), "--preset", "huge", "-d", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown preset 'huge'");
        assertThat(run("train", "-o", output.toString(), "--optimizer", "sgd", "-d", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("--optimizer 'sgd': expected one of adadelta, adam");
        assertThat(run("train", "-o", output.toString(), "--degrade", "sharpen:1", "-d", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown degradation 'sharpen'");
        for (String bad : new String[] {"4", "1e-4", "1e-4:0", "-1:4", "x:4", "1e-4:x", "NaN:4"}) {
            assertThat(run("train", "-o", output.toString(), "--early-stopping", bad, "-d", "x")).isEqualTo(2);
            assertThat(err.toString()).contains("--early-stopping '" + bad + "': expected DELTA:PATIENCE");
        }
    }

    @Test
    void initFrom_takesACheckpointFileOrARunFolder_andNotWithResume() throws IOException {
        Path run = Files.createDirectories(dir.resolve("restore-run"));
        Path checkpoint = Files.write(run.resolve("checkpoint.dl4j.zip"), new byte[] {1});

        assertThat(configure("--preset", "restore-x2", "--init-from", run.toString()).initialWeights())
                .contains(checkpoint);
        assertThat(configure("--init-from", checkpoint.toString()).initialWeights()).contains(checkpoint);
        assertThat(configure("--preset", "restore-x2").initialWeights()).isEmpty();

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run("train", "-o", dir.resolve("x").toString(), "--init-from", empty.toString(), "-d", "x"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--init-from " + empty + ": no checkpoint in that folder");
        assertThat(run("train", "-o", dir.resolve("x").toString(), "--init-from", dir.resolve("nothing").toString(),
                "-d", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("nothing: no such file or folder");
        assertThat(run("train", "-o", dir.resolve("x").toString(), "--resume", "--init-from", checkpoint.toString(),
                "-d", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("--init-from starts a new run; --resume continues");
    }

    @Test
    void earlyStopping_defaultsPerPreset_andCanBeSetOrTurnedOff() {
        assertThat(configure("--preset", "seed").earlyStoppingMinDelta()).isEqualTo(1e-4);
        assertThat(configure("--preset", "sr-x2").earlyStoppingMinDelta()).isEqualTo(1e-6);
        assertThat(configure("--preset", "sr-x4").earlyStoppingPatience()).isEqualTo(4);
        TrainingConfig set = configure("--preset", "sr-x4", "--early-stopping", "2e-5:3");
        assertThat(set.earlyStoppingMinDelta()).isEqualTo(2e-5);
        assertThat(set.earlyStoppingPatience()).isEqualTo(3);
        assertThat(configure("--early-stopping", "OFF").earlyStoppingPatience()).as("0 disables it").isZero();
    }

    @Test
    void activityL1_isTheArchitecturesUnlessGiven() {
        assertThat(configure("--preset", "seed").activityRegularization()).isEmpty();
        assertThat(configure("--preset", "seed-tuned", "--activity-l1", "0").activityRegularization()).hasValue(0.0);
    }

    @Test
    void splitSeed_followsSeedUnlessGiven_soARunCanBeRepeatedOnTheSameValidationImages() {
        assertThat(command().splitSeed()).isEqualTo(32);
        assertThat(command("--seed", "7").splitSeed()).isEqualTo(7);
        TrainCommand repeat = command("--seed", "7", "--split-seed", "32");
        assertThat(repeat.splitSeed()).isEqualTo(32);
        assertThat(repeat.configure(Preset.parse(repeat.preset)).seed()).isEqualTo(7);

        assertThat(run("train", "-o", dir.resolve("x").toString(), "--split-seed", "-1", "-d", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("--split-seed -1: the split's seed must be 0 to 4294967295");
    }

    private TrainCommand command(String... args) {
        TrainCommand command = new TrainCommand();
        String[] withOutput = java.util.Arrays.copyOf(args, args.length + 2);
        withOutput[args.length] = "-o";
        withOutput[args.length + 1] = dir.resolve("config").toString();
        new CommandLine(command).parseArgs(withOutput);
        return command;
    }

    private TrainingConfig configure(String... args) {
        TrainCommand command = command(args);
        return command.configure(Preset.parse(command.preset));
    }

    @Test
    void help_listsCommandsAndOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("train").contains("evaluate");
        out.reset();
        assertThat(run("train", "--help")).isZero();
        assertThat(out.toString()).contains("--preset").contains("--resume").contains("--download")
                .contains("--max-minutes");
    }
}
