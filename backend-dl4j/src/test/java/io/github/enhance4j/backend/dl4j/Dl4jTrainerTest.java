package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.Trainer;
import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.TrainingData;
import io.github.enhance4j.TrainingEvent;
import io.github.enhance4j.TrainingResult;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Tiny runs (16x16 images, a few of them, 2 epochs): reproducibility, resume, events, early stopping. */
class Dl4jTrainerTest {

    @TempDir
    Path dir;

    private static final TrainingData SEED_DATA = TestData.of(6, 2, 16);
    private static final TrainingData SR_DATA = TestData.of(5, 2, 24);

    private static TrainingConfig.Builder seedConfig() {
        return TrainingConfig.builder().backend("dl4j").batchSize(4).epochs(2).degradation("pixelate:0.5").seed(3);
    }

    private static TrainingConfig.Builder srConfig() {
        return TrainingConfig.builder().backend("dl4j").architecture("espcn").scale(2).degradation("bicubic:2")
                .optimizer(TrainingConfig.Optimizer.ADAM).loss(TrainingConfig.Loss.L1).patchSize(12).batchSize(2)
                .epochs(2).seed(5);
    }

    @Test
    void train_sameSeedTwice_givesIdenticalModels() {
        byte[] first;
        byte[] second;
        try (Dl4jTrainer t = Dl4jTrainer.create(seedConfig().build())) {
            t.train(SEED_DATA, e -> { });
            first = t.onnx();
        }
        try (Dl4jTrainer t = Dl4jTrainer.create(seedConfig().build())) {
            t.train(SEED_DATA, e -> { });
            second = t.onnx();
        }
        try (Dl4jTrainer t = Dl4jTrainer.create(seedConfig().seed(4).build())) {
            t.train(SEED_DATA, e -> { });
            assertThat(t.onnx()).isNotEqualTo(first);
        }

        assertThat(second).isEqualTo(first);
    }

    @Test
    void activityRegularisation_defaultsToSeedMdsWeight_andIsKeptByTheCheckpoint() {
        byte[] byDefault;
        byte[] explicit;
        byte[] strong;
        byte[] off;
        try (Dl4jTrainer t = Dl4jTrainer.create(seedConfig().epochs(1).build())) {
            t.train(SEED_DATA, e -> { });
            byDefault = t.onnx();
        }
        try (Dl4jTrainer t = Dl4jTrainer.create(seedConfig().epochs(1).activityRegularization(1e-9).build())) {
            t.train(SEED_DATA, e -> { });
            explicit = t.onnx();
        }
        try (Dl4jTrainer t = Dl4jTrainer.create(seedConfig().epochs(1).activityRegularization(1e-2).build())) {
            t.train(SEED_DATA, e -> { });
            strong = t.onnx();
        }
        Path checkpoints = dir.resolve("no-penalty");
        try (Dl4jTrainer t = Dl4jTrainer.create(seedConfig().epochs(1).activityRegularization(0)
                .checkpointDirectory(checkpoints).build())) {
            t.train(SEED_DATA, e -> { });
            off = t.onnx();
        }

        assertThat(explicit).as("the seed autoencoder's default is SEED.md's 1e-9").isEqualTo(byDefault);
        assertThat(off).isNotEqualTo(strong);
        assertThat(Checkpoint.read(checkpoints.resolve(Checkpoint.FILE_NAME)).config().activityRegularization())
                .hasValue(0.0);
        assertThatThrownBy(() -> seedConfig().activityRegularization(-1e-9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> seedConfig().activityRegularization(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largeBatch_isSplitIntoEvenParts() {
        try (Dl4jTrainer t = Dl4jTrainer.create(seedConfig().build())) {
            double perImage = t.spec().activationsPerInputPixel() * 80 * 80;
            t.microBatchActivations = perImage * 31.5;
            assertThat(t.microBatchSize(31, 80, 80)).isEqualTo(31);
            assertThat(t.microBatchSize(32, 80, 80)).as("16 + 16, not 31 + 1").isEqualTo(16);
            assertThat(t.microBatchSize(256, 80, 80)).as("9 parts of at most 29").isEqualTo(29);
            t.microBatchActivations = perImage * 0.5;
            assertThat(t.microBatchSize(8, 80, 80)).as("one image at a time when even one does not fit").isEqualTo(1);
        }
    }

    @Test
    void largeBatch_runInParts_givesTheSameUpdates() {
        java.util.Map<String, float[]> whole = new java.util.HashMap<>();
        java.util.Map<String, float[]> parts = new java.util.HashMap<>();
        try (Dl4jTrainer t = Dl4jTrainer.create(seedConfig().build())) {
            assertThat(t.microBatchSize(4, 16, 16)).isEqualTo(4);
            t.train(SEED_DATA, e -> { });
            t.onnxLayoutParams().forEach((k, v) -> whole.put(k, v.dup().data().asFloat()));
        }
        try (Dl4jTrainer t = Dl4jTrainer.create(seedConfig().build())) {
            // room for one 16x16 image and a half: batches of 4 go through the graph one image at a time
            t.microBatchActivations = t.spec().activationsPerInputPixel() * 16 * 16 * 1.5;
            assertThat(t.microBatchSize(4, 16, 16)).isEqualTo(1);
            t.train(SEED_DATA, e -> { });
            t.onnxLayoutParams().forEach((k, v) -> parts.put(k, v.dup().data().asFloat()));
        }

        assertThat(parts.keySet()).isEqualTo(whole.keySet());
        double maxDifference = 0;
        double maxValue = 0;
        for (String k : whole.keySet()) {
            float[] a = whole.get(k);
            float[] b = parts.get(k);
            for (int i = 0; i < a.length; i++) {
                maxDifference = Math.max(maxDifference, Math.abs(a[i] - b[i]));
                maxValue = Math.max(maxValue, Math.abs(a[i]));
            }
        }
        // the same updates up to float rounding (sums taken in another order), after 4 optimiser steps
        assertThat(maxValue).isGreaterThan(0.05);
        assertThat(maxDifference).isLessThan(1e-4);
    }

    @Test
    void closingEachCallsLeftoverArrays_changesNoUpdate_wholeOrInParts() {
        TrainingConfig unet = TrainingConfig.builder().backend("dl4j").architecture("restore-unet").scale(1)
                .degradation("blur:1").optimizer(TrainingConfig.Optimizer.ADAM).batchSize(2).patchSize(16)
                .samplesPerEpoch(6).epochs(1).seed(4).build();
        for (double room : new double[] {-1, 0, 1.5}) {
            TrainingConfig config = room < 0 ? unet : seedConfig().build();
            TrainingData data = room < 0 ? TestData.of(6, 1, 32) : SEED_DATA;
            java.util.Map<String, float[]> closing = trainedParameters(config, data, true, room);
            java.util.Map<String, float[]> collected = trainedParameters(config, data, false, room);
            assertThat(closing.keySet()).isEqualTo(collected.keySet());
            for (String k : closing.keySet()) {
                assertThat(closing.get(k)).as("parameter %s, room for %s images per part (0: whole batch)", k, room)
                        .isEqualTo(collected.get(k));
            }
        }
    }

    /** Parameters after a short run; {@code room > 0} splits batches into parts of that many 16x16 images. */
    private static java.util.Map<String, float[]> trainedParameters(TrainingConfig config, TrainingData data,
            boolean closeStepArrays, double room) {
        java.util.Map<String, float[]> params = new java.util.HashMap<>();
        try (Dl4jTrainer t = Dl4jTrainer.create(config)) {
            t.closeStepArrays = closeStepArrays;
            if (room > 0) {
                t.microBatchActivations = t.spec().activationsPerInputPixel() * 16 * 16 * room;
            }
            t.train(data, e -> { });
            t.onnxLayoutParams().forEach((k, v) -> params.put(k, v.dup().data().asFloat()));
        }
        return params;
    }

    /** A seconds-long restore-unet run: 4 patches of 16 pixels, one epoch. */
    private static TrainingConfig.Builder unetConfig() {
        return TrainingConfig.builder().backend("dl4j").architecture("restore-unet").degradation("blur:1")
                .optimizer(TrainingConfig.Optimizer.ADAM).batchSize(2).patchSize(16).samplesPerEpoch(4).epochs(1)
                .seed(4);
    }

    @Test
    void initialWeights_startAnEnlargingUnetFromARestorationRun_allButTheLastLayer() {
        Path restoreRun = dir.resolve("restore");
        TrainingConfig.Builder unet = unetConfig();
        try (Dl4jTrainer t = Dl4jTrainer.create(unet.scale(1).checkpointDirectory(restoreRun).build())) {
            t.train(TestData.of(6, 1, 32), e -> { });
        }
        Path checkpoint = restoreRun.resolve(Checkpoint.FILE_NAME);
        java.util.Map<String, float[]> trained = Checkpoint.read(checkpoint).tensors();
        TrainingConfig x2 = unet.scale(2).degradation("bicubic:2").checkpointDirectory(null)
                .initialWeights(checkpoint).build();

        try (Dl4jTrainer t = Dl4jTrainer.create(x2)) {
            java.util.Map<String, INDArray> params = t.parameters();
            NetSpec spec = Architectures.build("restore-unet", 2);
            String tail = spec.convs().get(spec.convs().size() - 1).weight();
            for (var p : params.entrySet()) {
                float[] now = p.getValue().dup('c').data().asFloat();
                if (p.getKey().startsWith("tail")) {
                    // a new shape (48 channels for x2 instead of 12): its own start, zero for the residual network
                    assertThat(trained.get("param/" + p.getKey())).hasSizeLessThan(now.length);
                } else {
                    assertThat(now).as(p.getKey()).isEqualTo(trained.get("param/" + p.getKey()));
                }
            }
            assertThat(params.get(tail).amaxNumber().doubleValue()).isZero();
            // it trains from there, and the configuration records where it started
            t.train(TestData.of(4, 1, 32), e -> { });
            assertThat(t.config().initialWeights()).contains(checkpoint);
        }
        // from a random start the body differs
        try (Dl4jTrainer t = Dl4jTrainer.create(x2.toBuilder().initialWeights(null).build())) {
            assertThat(t.parameters().get("head.conv.weight").dup('c').data().asFloat())
                    .isNotEqualTo(trained.get("param/head.conv.weight"));
        }
    }

    @Test
    void initialWeights_startTheDeepUnetFromAPlainOne_computingExactlyWhatItComputed() {
        Path plainRun = dir.resolve("plain");
        TrainingConfig.Builder unet = unetConfig();
        byte[] plain;
        try (Dl4jTrainer t = Dl4jTrainer.create(unet.checkpointDirectory(plainRun).build())) {
            t.train(TestData.of(6, 1, 32), e -> { });
            plain = t.onnx();
        }
        byte[] deep;
        try (Dl4jTrainer t = Dl4jTrainer.create(unet.architecture("restore-unet-deep").checkpointDirectory(null)
                .schedule(TrainingConfig.Schedule.COSINE).initialWeights(plainRun.resolve(Checkpoint.FILE_NAME))
                .build())) {
            deep = t.onnx();
            // Adam's first steps would move every trained weight by the full rate: a run from weights warms up
            java.util.function.DoubleUnaryOperator cosine = p -> 0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * p));
            assertThat(t.learningRateFactor(0, 20_000)).isCloseTo(1.0 / Dl4jTrainer.WARMUP_STEPS, within(1e-9));
            assertThat(t.learningRateFactor(499, 20_000)).isCloseTo(0.5 * cosine.applyAsDouble(499 / 20_000.0),
                    within(1e-9));
            assertThat(t.learningRateFactor(5_000, 20_000)).isCloseTo(cosine.applyAsDouble(0.25), within(1e-9));
            // short runs warm up over a tenth of their steps
            assertThat(t.learningRateFactor(9, 200)).isCloseTo(0.5 * cosine.applyAsDouble(9 / 200.0), within(1e-9));
            assertThat(t.learningRateFactor(100, 200)).isCloseTo(cosine.applyAsDouble(0.5), within(1e-9));
        }
        try (Dl4jTrainer t = Dl4jTrainer.create(unet.architecture("restore-unet").initialWeights(null).build())) {
            assertThat(t.learningRateFactor(0, 20_000)).isEqualTo(1.0); // a fresh start has nothing to protect
        }
        int[] shape = {1, 3, 24, 32};
        float[] input = TestData.randomInput(3 * 24 * 32, 24);
        try (Dl4jEngine a = Dl4jEngine.open(ModelSource.of(plain, "plain.onnx"), EnhanceOptions.defaults());
                Dl4jEngine b = Dl4jEngine.open(ModelSource.of(deep, "deep.onnx"), EnhanceOptions.defaults())) {
            float[] before = a.run(new Tensor(shape, input)).data();
            float[] after = b.run(new Tensor(shape, input)).data();
            assertThat(OnnxParityTest.maxAbsDiff(before, after)).isLessThan(1e-5);
            assertThat(OnnxParityTest.maxAbsDiff(before, input)).as("the trained correction is not zero")
                    .isGreaterThan(1e-4);
        }
    }

    @Test
    void initialWeights_ofADeepRunForItsPlainArchitecture_areRefused_asTheBlocksWouldBeLost() {
        Path deepRun = dir.resolve("deep");
        TrainingConfig.Builder unet = unetConfig().architecture("restore-unet-deep");
        try (Dl4jTrainer t = Dl4jTrainer.create(unet.checkpointDirectory(deepRun).build())) {
            t.train(TestData.of(6, 1, 32), e -> { });
        }
        Path checkpoint = deepRun.resolve(Checkpoint.FILE_NAME);
        assertThatThrownBy(() -> Dl4jTrainer.create(unet.architecture("restore-unet").checkpointDirectory(null)
                .initialWeights(checkpoint).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(restore-unet-deep x1) has ")
                .hasMessageContaining("that restore-unet x1 lacks")
                .hasMessageContaining(".res")
                .hasMessageContaining("train restore-unet-deep");
        // the same architecture (or a larger one) still starts from it
        try (Dl4jTrainer t = Dl4jTrainer.create(unet.architecture("restore-unet-deep").initialWeights(checkpoint)
                .build())) {
            assertThat(t.config().initialWeights()).contains(checkpoint);
        }
    }

    @Test
    void initialWeights_thatAreNoCheckpointOrShareNothing_areRefusedWithTheReason() throws Exception {
        Path model = Files.write(dir.resolve("model.onnx"), new byte[] {8, 1, 18, 0});
        assertThatThrownBy(() -> Dl4jTrainer.create(srConfig().initialWeights(model).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a checkpoint")
                .hasMessageContaining(Checkpoint.FILE_NAME);
        assertThatThrownBy(() -> Dl4jTrainer.create(srConfig().initialWeights(dir.resolve("none.zip")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a file");
        Path srRun = dir.resolve("sr");
        try (Dl4jTrainer t = Dl4jTrainer.create(srConfig().epochs(1).checkpointDirectory(srRun).build())) {
            t.train(SR_DATA, e -> { });
        }
        // espcn's layers (c1, c2, c3) share no name with the seed autoencoder's
        assertThatThrownBy(() -> Dl4jTrainer.create(seedConfig()
                .initialWeights(srRun.resolve(Checkpoint.FILE_NAME)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shares no parameter")
                .hasMessageContaining("espcn x2");
    }

    @Test
    void resume_afterOneEpoch_equalsUninterruptedRun() {
        byte[] uninterrupted;
        try (Dl4jTrainer t = Dl4jTrainer.create(srConfig().build())) {
            t.train(SR_DATA, e -> { });
            uninterrupted = t.onnx();
        }
        Path checkpoints = dir.resolve("ckpt");
        try (Trainer t = Dl4jTrainer.create(srConfig().epochs(1).checkpointDirectory(checkpoints).build())) {
            t.train(SR_DATA, e -> { });
        }
        Path checkpoint = checkpoints.resolve(Checkpoint.FILE_NAME);
        // the checkpoint says 1 epoch of 1; asking for 2 in total continues from it
        Checkpoint.Contents c = Checkpoint.read(checkpoint);
        Checkpoint.write(checkpoint, new Checkpoint.Contents(c.config().toBuilder().epochs(2).build(), c.state(),
                c.tensors(), c.onnx()));
        try (Dl4jTrainer t = Dl4jTrainer.resume(checkpoint)) {
            assertThat(t.completedEpochs()).isEqualTo(1);
            TrainingResult r = t.train(SR_DATA, e -> { });

            assertThat(r.epochs()).isEqualTo(2);
            assertThat(t.onnx()).isEqualTo(uninterrupted);
        }
    }

    @Test
    void requestStop_midEpoch_checkpointResumesToTheSameModel() {
        byte[] uninterrupted;
        try (Dl4jTrainer t = Dl4jTrainer.create(seedConfig().batchSize(2).build())) {
            t.train(SEED_DATA, e -> { });
            uninterrupted = t.onnx();
        }
        Path checkpoints = dir.resolve("stop");
        try (Dl4jTrainer t = Dl4jTrainer.create(seedConfig().batchSize(2).checkpointDirectory(checkpoints).build())) {
            TrainingResult r = t.train(SEED_DATA, e -> {
                if (e instanceof TrainingEvent.BatchCompleted b && b.epoch() == 1 && b.batch() == 2) {
                    t.requestStop();
                }
            });
            assertThat(r.stopReason()).isEqualTo(TrainingResult.StopReason.STOP_REQUESTED);
            assertThat(r.epochs()).isZero();
        }
        try (Trainer t = Trainer.resume(checkpoints.resolve(Checkpoint.FILE_NAME))) {
            assertThat(t).isInstanceOf(Dl4jTrainer.class);
            TrainingResult r = t.train(SEED_DATA, e -> { });

            assertThat(r.stopReason()).isEqualTo(TrainingResult.StopReason.COMPLETED);
            assertThat(((Dl4jTrainer) t).onnx()).isEqualTo(uninterrupted);
        }
    }

    @Test
    void train_emitsEventsInOrder_andWritesCheckpointsAtomically() throws Exception {
        List<TrainingEvent> events = new ArrayList<>();
        Path checkpoints = dir.resolve("events");
        TrainingResult result;
        try (Trainer t = Trainer.create(seedConfig().checkpointDirectory(checkpoints).build())) {
            result = t.train(SEED_DATA, events::add);
            t.exportOnnx(dir.resolve("model.onnx"));
        }

        assertThat(events).first().isEqualTo(new TrainingEvent.EpochStarted(1, 2, 2));
        assertThat(events).filteredOn(e -> e instanceof TrainingEvent.BatchCompleted).hasSize(4)
                .allSatisfy(e -> {
                    TrainingEvent.BatchCompleted b = (TrainingEvent.BatchCompleted) e;
                    assertThat(b.loss()).isPositive().isFinite();
                    assertThat(b.imagesPerSecond()).isPositive();
                    assertThat(b.eta().isNegative()).isFalse();
                });
        assertThat(events).filteredOn(e -> e instanceof TrainingEvent.ValidationCompleted).hasSize(2)
                .allSatisfy(e -> {
                    TrainingEvent.ValidationCompleted v = (TrainingEvent.ValidationCompleted) e;
                    assertThat(v.psnr()).isBetween(3.0, 60.0);
                    assertThat(v.baselinePsnr()).isBetween(15.0, 60.0);
                });
        assertThat(events).filteredOn(e -> e instanceof TrainingEvent.CheckpointWritten).hasSize(2);
        assertThat(events).last().isInstanceOf(TrainingEvent.CheckpointWritten.class);
        assertThat(result.epochs()).isEqualTo(2);
        assertThat(result.stopReason()).isEqualTo(TrainingResult.StopReason.COMPLETED);
        try (Stream<Path> files = Files.list(checkpoints)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(Checkpoint.FILE_NAME);
        }
        assertThat(new Dl4jTrainerProvider().canResume(checkpoints.resolve(Checkpoint.FILE_NAME))).isTrue();
        assertThat(new Dl4jTrainerProvider().canResume(dir.resolve("model.onnx"))).isFalse();
        assertThat(OnnxSniffer.looksLikeOnnx(Files.readAllBytes(dir.resolve("model.onnx")))).isTrue();
    }

    @Test
    void train_noImprovement_stopsEarly() {
        // a min delta of 10 can never be met, so patience 1 stops after the second epoch
        try (Trainer t = Trainer.create(seedConfig().epochs(5).earlyStopping(10, 1).build())) {
            TrainingResult r = t.train(SEED_DATA, e -> { });

            assertThat(r.stopReason()).isEqualTo(TrainingResult.StopReason.EARLY_STOPPED);
            assertThat(r.epochs()).isEqualTo(2);
            assertThat(r.bestValidationLoss()).isPositive().isFinite();
        }
    }

    @Test
    void train_adamOnEspcn_lowersValidationLoss() {
        List<Double> losses = new ArrayList<>();
        try (Trainer t = Trainer.create(srConfig().epochs(4).learningRate(3e-3).build())) {
            t.train(SR_DATA, e -> {
                if (e instanceof TrainingEvent.ValidationCompleted v) {
                    losses.add(v.loss());
                }
            });
        }

        assertThat(losses).hasSize(4);
        assertThat(losses.get(3)).isLessThan(losses.get(0));
    }

    /**
     * Validation images that a random damage left clean have an infinite input PSNR: they count in the loss but not
     * in the PSNR means, which otherwise put the baseline at 100 dB for them, above any model.
     */
    @Test
    void validationPsnr_leavesOutImagesTheDamageLeftClean() {
        List<TrainingEvent.ValidationCompleted> clean = new ArrayList<>();
        try (Trainer t = Trainer.create(seedConfig().degradation("none").epochs(1).build())) {
            t.train(SEED_DATA, e -> {
                if (e instanceof TrainingEvent.ValidationCompleted v) {
                    clean.add(v);
                }
            });
        }
        assertThat(clean).hasSize(1);
        assertThat(clean.get(0).loss()).isFinite();
        assertThat(clean.get(0).psnr()).isNaN();
        assertThat(clean.get(0).baselinePsnr()).isNaN();

        List<TrainingEvent.ValidationCompleted> damaged = new ArrayList<>();
        try (Trainer t = Trainer.create(seedConfig().degradation("pixelate:0.5").epochs(1).build())) {
            t.train(SEED_DATA, e -> {
                if (e instanceof TrainingEvent.ValidationCompleted v) {
                    damaged.add(v);
                }
            });
        }
        assertThat(damaged.get(0).baselinePsnr()).isBetween(5.0, 60.0);
        assertThat(damaged.get(0).psnr()).isBetween(5.0, 60.0);

        FloatImage image = TestData.image(8, 8, 1);
        assertThat(Dl4jTrainer.undamaged(new PairSource.Pair(image, image.copy()))).isTrue();
        FloatImage changed = image.copy();
        changed.colorData()[5] += 0.01f;
        assertThat(Dl4jTrainer.undamaged(new PairSource.Pair(changed, image))).isFalse();
    }

    @Test
    void epochOrder_onePerImage_isThePlainShuffle_moreSamplesUseImagesEquallyOften() {
        int[] plain = Dl4jTrainer.epochOrder(10, 10, 42);
        assertThat(plain).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        int[] more = Dl4jTrainer.epochOrder(3, 30, 42);
        assertThat(more).hasSize(30);
        int[] counts = new int[3];
        for (int i : more) {
            counts[i]++;
        }
        assertThat(counts).containsExactly(10, 10, 10);
        assertThat(Dl4jTrainer.epochOrder(3, 30, 42)).containsExactly(more);
        assertThat(java.util.Arrays.stream(Dl4jTrainer.epochOrder(5, 7, 1)).boxed().toList()).hasSize(7)
                .allSatisfy(i -> assertThat(i).isBetween(0, 4));
    }

    @Test
    void resume_fromAMovedRunFolder_writesItsCheckpointsThere(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        TrainingConfig config = TrainingConfig.builder().architecture("espcn").scale(2).degradation("bicubic:2")
                .batchSize(4).patchSize(16).epochs(1).checkpointDirectory(first).build();
        try (Dl4jTrainer t = Dl4jTrainer.create(config)) {
            t.train(TestData.of(4, 1, 32), io.github.enhance4j.TrainingListener.NONE);
        }
        Path moved = dir.resolve("moved");
        Files.move(first, moved);

        try (Dl4jTrainer t = Dl4jTrainer.resume(moved.resolve(Checkpoint.FILE_NAME), 2)) {
            assertThat(t.config().checkpointDirectory()).contains(moved.toAbsolutePath());
            t.train(TestData.of(4, 1, 32), io.github.enhance4j.TrainingListener.NONE);
        }
        assertThat(first).doesNotExist();
        assertThat(Dl4jTrainer.resume(moved.resolve(Checkpoint.FILE_NAME)).completedEpochs()).isEqualTo(2);
    }

    @Test
    void result_reportsTheEpochWithTheLowestValidationLoss_evenBelowEarlyStoppingsDelta() {
        List<TrainingEvent.ValidationCompleted> validations = new ArrayList<>();
        TrainingResult result;
        // a delta no epoch can beat: early stopping's reference stays at epoch 1, the result must not
        try (Dl4jTrainer t = Dl4jTrainer.create(srConfig().epochs(3).earlyStopping(10.0, 0).build())) {
            result = t.train(SR_DATA, e -> {
                if (e instanceof TrainingEvent.ValidationCompleted v) {
                    validations.add(v);
                }
            });
        }
        assertThat(validations).hasSize(3);
        TrainingEvent.ValidationCompleted lowest = validations.stream()
                .min(java.util.Comparator.comparingDouble(TrainingEvent.ValidationCompleted::loss)).orElseThrow();
        assertThat(lowest.epoch()).as("training lowers the validation loss after epoch 1").isGreaterThan(1);
        assertThat(result.bestValidationLoss()).isEqualTo(lowest.loss());
        assertThat(result.bestValidationPsnr()).isEqualTo(lowest.psnr());
    }

    @Test
    void learningRateFactor_cosineFallsFromOneToOnePercent_constantStaysOne() {
        try (Dl4jTrainer cosine = Dl4jTrainer.create(srConfig().schedule(TrainingConfig.Schedule.COSINE).build());
                Dl4jTrainer constant = Dl4jTrainer.create(srConfig().build())) {
            assertThat(cosine.learningRateFactor(0, 100)).isEqualTo(1.0);
            assertThat(cosine.learningRateFactor(50, 100)).isCloseTo(0.505, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(cosine.learningRateFactor(100, 100)).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(constant.learningRateFactor(50, 100)).isEqualTo(1.0);
        }
    }

    @Test
    void resumeWithMoreEpochs_trainsAFinishedRunOn_asIfItHadBeenAskedForThemFromTheStart() {
        byte[] uninterrupted;
        try (Dl4jTrainer t = Dl4jTrainer.create(srConfig().build())) {
            t.train(SR_DATA, e -> { });
            uninterrupted = t.onnx();
        }
        Path checkpoints = dir.resolve("finished");
        try (Trainer t = Dl4jTrainer.create(srConfig().epochs(1).checkpointDirectory(checkpoints).build())) {
            t.train(SR_DATA, e -> { });
        }
        Path checkpoint = checkpoints.resolve(Checkpoint.FILE_NAME);

        assertThatThrownBy(() -> Trainer.resume(checkpoint, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has done 1 epochs");
        try (Trainer t = Trainer.resume(checkpoint, 2)) {
            assertThat(t.config().epochs()).isEqualTo(2);
            TrainingResult r = t.train(SR_DATA, e -> { });

            assertThat(r.epochs()).isEqualTo(2);
            assertThat(((Dl4jTrainer) t).onnx()).isEqualTo(uninterrupted);
        }
    }

    @Test
    void checkpoint_keepsTheSchedule() {
        Path file = dir.resolve("checkpoint.dl4j.zip");
        try (Dl4jTrainer t = Dl4jTrainer.create(srConfig().schedule(TrainingConfig.Schedule.COSINE).build())) {
            t.saveCheckpoint(file);
        }
        try (Trainer resumed = Trainer.resume(file)) {
            assertThat(resumed.config().schedule()).isEqualTo(TrainingConfig.Schedule.COSINE);
        }
    }
}
