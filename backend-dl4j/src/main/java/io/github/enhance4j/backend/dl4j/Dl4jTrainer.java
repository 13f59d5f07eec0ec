package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.Trainer;
import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.TrainingData;
import io.github.enhance4j.TrainingEvent;
import io.github.enhance4j.TrainingListener;
import io.github.enhance4j.TrainingResult;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.ImageMetrics;
import io.github.enhance4j.image.Resampler;
import io.github.enhance4j.spi.AtomicFiles;
import io.github.enhance4j.spi.ModelMetadataKeys;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains a {@link NetSpec} with SameDiff: forward and backward in one graph call, the optimiser in place, batches
 * made on a background thread while the previous one trains. Every random choice (initial weights, shuffling, crops,
 * flips, damage, dropout masks) comes from generators seeded by (seed, epoch, batch), so a run is reproducible and a
 * resumed run continues exactly where the checkpoint left it.
 */
final class Dl4jTrainer implements Trainer {
    /** The prefix of a network parameter's tensor in a checkpoint (the optimiser's state has others). */
    private static final String PARAM = "param/";

    private static final Logger LOG = LoggerFactory.getLogger(Dl4jTrainer.class);

    /** Keras's L1 activity regularisation factor in the seed recipe. */
    static final double ACTIVITY_L1 = 1e-9;

    private static final int PREFETCH = 2;
    /**
     * Forward activations (floats) per graph call, about 0.46 GB: 16 images of 80x80 for the seed autoencoder
     * (~1,100 values per pixel); a step holds a few times this with gradients and oneDNN's buffers (the seed preset's
     * resident memory at JVM defaults: 3.4-3.7 GiB with parts of 16 images, 3.8-4.6 GiB with parts of 29). The restoration presets'
     * batches fit in one part.
     */
    static final double MICRO_BATCH_ACTIVATIONS = Double.parseDouble(
            System.getProperty("enhance4j.dl4j.microBatchActivations", "1.15e8"));

    /**
     * Whether each graph call's leftover arrays are closed ({@link StepArrays}); {@code
     * -Denhance4j.dl4j.closeStepArrays=false} turns it off, for measurements.
     */
    static final boolean CLOSE_STEP_ARRAYS = Boolean.parseBoolean(
            System.getProperty("enhance4j.dl4j.closeStepArrays", "true"));
    /** SameDiff's name of the gradient function it derives from a graph. */
    private static final String GRAD_FUNCTION = "grad";

    private final TrainingConfig config;
    private final NetSpec spec;
    /** The L1 activity penalty's weight in this run: the configuration's, or the architecture's default. */
    private final double activityL1;
    private final SameDiff graph;
    private final Map<String, INDArray> params;
    private final Optimizer optimizer;
    /** Optimiser steps of the whole run (all epochs), for the learning-rate schedule; set when training starts. */
    private long totalSteps;
    private final List<String> parameterNames;
    private volatile boolean stopRequested;
    private boolean closed;

    // loop state, saved in checkpoints
    private int completedEpochs;
    /** {@link #MICRO_BATCH_ACTIVATIONS}; tests lower it to split tiny batches. */
    double microBatchActivations = MICRO_BATCH_ACTIVATIONS;
    /** {@link #CLOSE_STEP_ARRAYS}; tests compare both. */
    boolean closeStepArrays = CLOSE_STEP_ARRAYS;
    private int nextBatch;
    private double epochLossSum;
    private int epochLossCount;
    /** Early stopping's reference: the loss of the last epoch that improved on it by at least the minimum delta. */
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double bestPsnr = Double.NaN;
    /** The lowest validation loss of any epoch and its PSNR, what the result reports. */
    private double lowestLoss = Double.POSITIVE_INFINITY;
    private double lowestLossPsnr = Double.NaN;
    private int wait;
    private boolean earlyStopped;
    private long trainingImages;

    private Dl4jTrainer(TrainingConfig config) {
        Nd4jRuntime.start();
        if (config.threads() > 0) {
            // ND4J's thread count is process-wide: the last trainer created sets it
            Nd4j.getEnvironment().setMaxThreads(config.threads());
            Nd4j.getEnvironment().setMaxMasterThreads(config.threads());
        }
        this.config = config;
        this.spec = Architectures.build(config.architecture(), config.scale());
        this.activityL1 = config.activityRegularization()
                .orElse(spec.architecture().equals(Architectures.SEED) ? ACTIVITY_L1 : 0);
        this.graph = SameDiffNet.training(spec, Parameters.initial(spec, config.seed()), config.loss(),
                activityL1 > 0);
        this.params = SameDiffNet.parameterArrays(graph, spec);
        this.parameterNames = new ArrayList<>(params.keySet());
        this.optimizer = new Optimizer(config.optimizer(), config.learningRate(), params);
    }

    static Dl4jTrainer create(TrainingConfig config) {
        Dl4jTrainer t = new Dl4jTrainer(config);
        config.initialWeights().ifPresent(t::startFrom);
        return t;
    }

    /**
     * Copies every parameter of the same name and shape from a checkpoint ({@link TrainingConfig#initialWeights});
     * the others keep their initial values.
     *
     * @throws IllegalArgumentException if the file is no checkpoint of this backend, shares no parameter, or has
     *     layers this network lacks (their training would be lost)
     */
    private void startFrom(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("initial weights: " + file + " is not a file; give a checkpoint ("
                    + Checkpoint.FILE_NAME + ") of an earlier run");
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(64);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading initial weights " + file + " failed: " + e.getMessage(), e);
        }
        if (!Checkpoint.looksLikeCheckpoint(header)) {
            throw new IllegalArgumentException("initial weights: " + file + " is not a checkpoint of the dl4j"
                    + " backend; give the " + Checkpoint.FILE_NAME + " of an earlier run (not its model.onnx)");
        }
        Checkpoint.Contents c = Checkpoint.read(file);
        List<String> copied = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (Map.Entry<String, INDArray> p : params.entrySet()) {
            float[] values = c.tensors().get(PARAM + p.getKey());
            if (values != null && values.length == p.getValue().length()) {
                p.getValue().assign(Nd4j.create(values, p.getValue().shape(), 'c'));
                copied.add(p.getKey());
            } else {
                fresh.add(p.getKey());
            }
        }
        if (copied.isEmpty()) {
            throw new IllegalArgumentException("initial weights: " + file + " (" + c.config().architecture() + " x"
                    + c.config().scale() + ") shares no parameter of the same name and shape with "
                    + spec.architecture() + " x" + spec.scale() + "; start from a run of a related architecture");
        }
        // layers of the checkpoint that this network does not have (a deep run started as its plain architecture):
        // their trained work would be dropped without a word, and the run would start below the checkpoint
        List<String> dropped = c.tensors().keySet().stream().filter(k -> k.startsWith(PARAM))
                .map(k -> k.substring(PARAM.length())).filter(k -> !params.containsKey(k)).sorted().toList();
        if (!dropped.isEmpty()) {
            throw new IllegalArgumentException("initial weights: " + file + " (" + c.config().architecture() + " x"
                    + c.config().scale() + ") has " + dropped.size() + " parameter arrays that "
                    + spec.architecture() + " x" + spec.scale() + " lacks (" + String.join(", ",
                            dropped.subList(0, Math.min(4, dropped.size()))) + (dropped.size() > 4 ? ", ..." : "")
                    + "), so their training would be lost; train " + c.config().architecture()
                    + " (or an architecture that contains it) from this checkpoint");
        }
        LOG.info("Starting from {} ({} x{}): {} of {} parameter arrays copied; new: {}", file,
                c.config().architecture(), c.config().scale(), copied.size(), params.size(),
                fresh.isEmpty() ? "none" : fresh);
    }

    static Dl4jTrainer resume(Path file) {
        return resume(file, 0);
    }

    /** @param epochs the new total, or 0 to keep the checkpoint's */
    static Dl4jTrainer resume(Path file, int epochs) {
        Checkpoint.Contents c = Checkpoint.read(file);
        int completed = Integer.parseInt(c.state().getProperty("completedEpochs"));
        if (epochs > 0 && epochs <= completed) {
            throw new IllegalArgumentException("the checkpoint " + file + " has done " + completed + " epochs; to"
                    + " train on, ask for more than that (asked for " + epochs + ")");
        }
        TrainingConfig.Builder config = c.config().toBuilder();
        if (epochs > 0) {
            config.epochs(epochs);
        }
        // a time limit belongs to the session that set it: the resumed session has the whole of its own time
        config.maxDuration(null);
        if (c.config().checkpointDirectory().isPresent()) {
            // a run folder that was moved or copied (or a relative path read from elsewhere) goes on writing its
            // checkpoints where this one was read from, not where the run started
            config.checkpointDirectory(file.toAbsolutePath().getParent());
        }
        Dl4jTrainer t = new Dl4jTrainer(config.build());
        for (Map.Entry<String, INDArray> p : t.params.entrySet()) {
            float[] values = c.tensors().get(PARAM + p.getKey());
            if (values == null || values.length != p.getValue().length()) {
                throw new IllegalStateException("checkpoint " + file + " lacks parameter " + p.getKey()
                        + " or its size differs from " + t.spec.architecture() + "'s");
            }
            p.getValue().assign(Nd4j.create(values, p.getValue().shape(), 'c'));
        }
        Map<String, float[]> slots = new HashMap<>();
        c.tensors().forEach((k, v) -> {
            if (k.startsWith("optimizer/")) {
                slots.put(k.substring("optimizer/".length()), v);
            }
        });
        Properties s = c.state();
        t.optimizer.restore(slots, Long.parseLong(s.getProperty("steps")));
        t.completedEpochs = completed;
        t.nextBatch = Integer.parseInt(s.getProperty("nextBatch"));
        t.epochLossSum = Double.parseDouble(s.getProperty("epochLossSum"));
        t.epochLossCount = Integer.parseInt(s.getProperty("epochLossCount"));
        t.bestLoss = Double.parseDouble(s.getProperty("bestLoss"));
        t.bestPsnr = Double.parseDouble(s.getProperty("bestPsnr"));
        // checkpoints written before the lowest loss was kept apart: early stopping's reference stands in for it
        t.lowestLoss = Double.parseDouble(s.getProperty("lowestLoss", s.getProperty("bestLoss")));
        t.lowestLossPsnr = Double.parseDouble(s.getProperty("lowestLossPsnr", s.getProperty("bestPsnr")));
        t.wait = Integer.parseInt(s.getProperty("wait"));
        t.earlyStopped = Boolean.parseBoolean(s.getProperty("earlyStopped"));
        if (epochs > 0) { // asked to go on: early stopping starts afresh
            t.earlyStopped = false;
            t.wait = 0;
        }
        t.trainingImages = Long.parseLong(s.getProperty("trainingImages", "0"));
        return t;
    }

    @Override
    public TrainingResult train(TrainingData data, TrainingListener listener) {
        checkOpen();
        long start = System.nanoTime();
        long deadline = config.maxDuration().map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
        stopRequested = false;
        trainingImages = data.trainingSize();
        PairSource pairs = new PairSource(data, config, spec.sizeMultiple(), spec.inputChannels());
        List<PairSource.Pair> validation = new ArrayList<>();
        for (int i = 0; i < data.validationSize(); i++) {
            validation.add(pairs.validationPair(i));
        }
        for (PairSource.Pair p : validation) {
            checkSize(p.input().width(), p.input().height(), "validation");
        }
        double baselinePsnr = baselinePsnr(validation);
        int images = data.trainingSize();
        int n = config.samplesPerEpoch() > 0 ? config.samplesPerEpoch() : images;
        int batches = (n + config.batchSize() - 1) / config.batchSize();
        long totalBatches = (long) batches * config.epochs();
        totalSteps = totalBatches;
        long batchesDoneBefore = (long) completedEpochs * batches + nextBatch;
        long batchesThisCall = 0;
        // batches are pure functions of (seed, epoch, position), so two makers in parallel change nothing but speed
        ExecutorService producer = Executors.newFixedThreadPool(PREFETCH, r -> {
            Thread t = new Thread(r, "enhance4j-dl4j-batches");
            t.setDaemon(true);
            return t;
        });
        TrainingResult.StopReason reason = TrainingResult.StopReason.COMPLETED;
        try {
            epochs:
            while (completedEpochs < config.epochs() && !earlyStopped) {
                int epoch = completedEpochs + 1;
                int[] order = epochOrder(images, n, PairSource.mix(config.seed(), epoch, 0x5AFF1EL));
                if (nextBatch == 0) {
                    epochLossSum = 0;
                    epochLossCount = 0;
                }
                listener.onEvent(new TrainingEvent.EpochStarted(epoch, config.epochs(), batches));
                long epochStart = System.nanoTime();
                Deque<Future<PairSource.Batch>> queue = new ArrayDeque<>();
                int submitted = nextBatch;
                while (nextBatch < batches) {
                    while (submitted < batches && queue.size() < PREFETCH) {
                        int b = submitted++;
                        int from = b * config.batchSize();
                        int[] indices = java.util.Arrays.copyOfRange(order, from, Math.min(n, from + config.batchSize()));
                        queue.add(producer.submit(() -> pairs.batch(epoch, from, indices)));
                    }
                    PairSource.Batch batch = await(queue.poll());
                    long t0 = System.nanoTime();
                    double loss = step(batch, epoch, nextBatch);
                    epochLossSum += loss * batch.size();
                    epochLossCount += batch.size();
                    nextBatch++;
                    batchesThisCall++;
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double perBatch = (System.nanoTime() - start) / 1e9 / batchesThisCall;
                    long left = totalBatches - batchesDoneBefore - batchesThisCall;
                    listener.onEvent(new TrainingEvent.BatchCompleted(epoch, nextBatch, batches, loss,
                            batch.size() / Math.max(seconds, 1e-9), Duration.ofMillis((long) (perBatch * left * 1000))));
                    if (stopRequested || System.nanoTime() > deadline) {
                        reason = stopRequested ? TrainingResult.StopReason.STOP_REQUESTED
                                : TrainingResult.StopReason.TIME_LIMIT;
                        for (Future<?> f : queue) {
                            f.cancel(true);
                        }
                        if (nextBatch < batches) {
                            writeCheckpoint(listener, epoch);
                            break epochs;
                        }
                    }
                }
                nextBatch = 0;
                Validation v = validate(validation);
                listener.onEvent(new TrainingEvent.ValidationCompleted(epoch, v.loss, v.psnr, baselinePsnr));
                if (!validation.isEmpty() && v.loss < lowestLoss) {
                    // an improvement smaller than early stopping's delta is still the best epoch so far
                    lowestLoss = v.loss;
                    lowestLossPsnr = v.psnr;
                }
                if (validation.isEmpty() || v.loss < bestLoss - config.earlyStoppingMinDelta()) {
                    bestLoss = validation.isEmpty() ? Math.min(bestLoss, epochLossSum / epochLossCount) : v.loss;
                    bestPsnr = v.psnr;
                    wait = 0;
                } else if (config.earlyStoppingPatience() > 0 && ++wait >= config.earlyStoppingPatience()) {
                    earlyStopped = true;
                }
                completedEpochs = epoch;
                listener.onEvent(new TrainingEvent.EpochCompleted(epoch, epochLossSum / epochLossCount,
                        Duration.ofNanos(System.nanoTime() - epochStart)));
                writeCheckpoint(listener, epoch);
                if (earlyStopped) {
                    reason = TrainingResult.StopReason.EARLY_STOPPED;
                } else if (reason != TrainingResult.StopReason.COMPLETED) {
                    break;
                }
            }
        } finally {
            producer.shutdownNow();
        }
        if (earlyStopped) {
            reason = TrainingResult.StopReason.EARLY_STOPPED;
        }
        boolean validated = lowestLoss < Double.POSITIVE_INFINITY;
        return new TrainingResult(completedEpochs, validated ? lowestLoss : bestLoss,
                validated ? lowestLossPsnr : bestPsnr, reason, Duration.ofNanos(System.nanoTime() - start));
    }

    private void checkSize(int w, int h, String what) {
        int m = spec.sizeMultiple();
        if (w % m != 0 || h % m != 0) {
            throw new IllegalArgumentException(spec.architecture() + " trains on images whose sides are multiples of "
                    + m + ", but a " + what + " input is " + w + "x" + h + "; resize the images or set a patch size"
                    + " that is a multiple of " + m);
        }
    }

    /**
     * The schedule's multiplier of the learning rate before optimiser step {@code done} of {@code total}: 1 for
     * {@code CONSTANT}; for {@code COSINE} a half cosine from 1 down to 0.01. A run started from earlier weights
     * ({@link TrainingConfig#initialWeights()}) first warms up: the factor rises linearly over its first tenth of
     * steps, at most {@link #WARMUP_STEPS}. (Adam's first steps move every weight by about the full learning rate
     * whatever its gradient, before it has seen how noisy that is: two steps at 3e-4 took a trained {@code restore}
     * from +0.86 to -0.90 dB over its damaged input.) It depends on the step count alone, which checkpoints keep, so
     * a resumed run follows the same curve.
     */
    double learningRateFactor(long done, long total) {
        double warm = 1;
        if (config.initialWeights().isPresent() && total > 0) {
            long warmup = Math.max(1, Math.min(WARMUP_STEPS, total / 10));
            warm = Math.min(1.0, (done + 1.0) / warmup);
        }
        if (config.schedule() != TrainingConfig.Schedule.COSINE || total <= 0) {
            return warm;
        }
        double progress = Math.min(1.0, (double) done / total);
        return warm * (0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }

    /** The longest warm-up of a run started from earlier weights, in optimiser steps. */
    static final long WARMUP_STEPS = 1000;

    private double step(PairSource.Batch batch, int epoch, int batchIndex) {
        checkSize(batch.inW(), batch.inH(), "training");
        // dropout masks for the whole batch first, so that splitting it changes nothing
        SplittableRandom masks = new SplittableRandom(PairSource.mix(config.seed(), epoch, batchIndex, 0xD80L));
        Map<NetSpec.Dropout, float[]> dropoutMasks = new LinkedHashMap<>();
        Map<NetSpec.Dropout, long[]> maskPlanes = new HashMap<>();
        int pooled = 1;
        for (NetSpec.Layer layer : spec.layers()) {
            if (layer instanceof NetSpec.MaxPool) {
                pooled *= 2;
            } else if (layer instanceof NetSpec.Dropout d) {
                int h = batch.inH() / pooled;
                int w = batch.inW() / pooled;
                float[] mask = new float[batch.size() * d.channels() * h * w];
                float keep = (float) (1 / (1 - d.rate()));
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = masks.nextDouble() < d.rate() ? 0f : keep;
                }
                dropoutMasks.put(d, mask);
                maskPlanes.put(d, new long[] {d.channels(), h, w});
            }
        }
        int micro = microBatchSize(batch.size(), batch.inH(), batch.inW());
        Map<String, INDArray> gradients = null;
        double loss = 0;
        int inPlane = batch.channels() * batch.inH() * batch.inW();
        int outPlane = batch.channels() * batch.outH() * batch.outW();
        for (int from = 0; from < batch.size(); from += micro) {
            int n = Math.min(micro, batch.size() - from);
            Map<String, INDArray> feed = new HashMap<>();
            feed.put(NetSpec.INPUT, Nd4j.create(java.util.Arrays.copyOfRange(batch.input(), from * inPlane,
                    (from + n) * inPlane), new long[] {n, batch.channels(), batch.inH(), batch.inW()}, 'c'));
            feed.put(SameDiffNet.TARGET, Nd4j.create(java.util.Arrays.copyOfRange(batch.target(), from * outPlane,
                    (from + n) * outPlane), new long[] {n, batch.channels(), batch.outH(), batch.outW()}, 'c'));
            for (Map.Entry<NetSpec.Dropout, float[]> m : dropoutMasks.entrySet()) {
                long[] plane = maskPlanes.get(m.getKey());
                int size = (int) (plane[0] * plane[1] * plane[2]);
                feed.put(SameDiffNet.maskName(m.getKey()), Nd4j.create(java.util.Arrays.copyOfRange(m.getValue(),
                        from * size, (from + n) * size), SameDiffNet.maskShape(n, plane[0], plane[1], plane[2]), 'c'));
            }
            if (activityL1 > 0) {
                feed.put(SameDiffNet.ACTIVITY_SCALE, Nd4j.scalar((float) (activityL1 / n)));
            }
            StepArrays stepArrays = stepArrays();
            OutAndGrad result = graph.calculateGradientsAndOutputs(feed, List.of(SameDiffNet.LOSS), parameterNames);
            release(feed.values());
            // the batch's mean loss is the size-weighted mean of the parts' means; so is its gradient (the activity
            // penalty, scaled by 1/n per part, comes out scaled by 1/batch as a whole)
            double weight = (double) n / batch.size();
            loss += weight * result.getOutputs().get(SameDiffNet.LOSS).getDouble(0);
            release(result.getOutputs().values());
            if (n == batch.size()) {
                gradients = result.getGradients();
            } else {
                if (gradients == null) {
                    gradients = new HashMap<>();
                    for (Map.Entry<String, INDArray> g : result.getGradients().entrySet()) {
                        gradients.put(g.getKey(), g.getValue().mul(weight));
                    }
                } else {
                    for (Map.Entry<String, INDArray> g : result.getGradients().entrySet()) {
                        gradients.get(g.getKey()).addi(g.getValue().muli(weight));
                    }
                }
                release(result.getGradients().values());
            }
            if (stepArrays != null) {
                // what SameDiff still held after the call (the gradients in use stay open until the update)
                stepArrays.closeAllExcept(gradients.values());
            }
        }
        optimizer.step(params, gradients, learningRateFactor(optimizer.steps(), totalSteps));
        release(gradients.values());
        return loss;
    }

    /**
     * The memory manager of this thread's gradient session, which closes what each call leaves; installed on the
     * first call's session (SameDiff creates the session in that call), so from the second call on. Null when
     * {@code enhance4j.dl4j.closeStepArrays} is false or before the session exists.
     */
    private StepArrays stepArrays() {
        if (!closeStepArrays) {
            return null;
        }
        SameDiff gradient = graph.getFunction(GRAD_FUNCTION);
        InferenceSession session = gradient == null ? null
                : gradient.getSessions().get(Thread.currentThread().getId());
        if (session == null) {
            return null;
        }
        if (!(session.getMmgr() instanceof StepArrays)) {
            session.setMmgr(new StepArrays());
        }
        return (StepArrays) session.getMmgr();
    }

    /**
     * Frees the native memory of a step's own arrays now. ND4J otherwise frees it only when the garbage collector
     * collects the arrays' Java owners, which a small heap does rarely: resident memory then climbed to whatever
     * limit JavaCPP was given (17 GB for the seed preset). Arrays that cannot be closed (views) are left to the GC.
     */
    static void release(Iterable<INDArray> arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) {
                a.close();
            }
        }
    }

    /**
     * How many images go through the graph at once. A large batch (the seed recipe's 256 images of 80x80) needs
     * about 50 MB of activations and gradients per image, more than the native memory limit; such a batch is run in
     * parts whose gradients are summed, which gives the same update (dropout masks are drawn for the whole batch).
     * The parts are as even as possible (32 images that need two parts go as 16 + 16, not 31 + 1): a tiny last
     * part costs nearly a whole pass of per-op overhead.
     */
    int microBatchSize(int images, int inH, int inW) {
        double perImage = spec.activationsPerInputPixel() * inH * inW;
        long fits = Math.max(1, (long) (microBatchActivations / perImage));
        if (fits >= images) {
            return images;
        }
        long parts = (images + fits - 1) / fits;
        return (int) ((images + parts - 1) / parts);
    }

    private record Validation(double loss, double psnr) {
    }

    private Validation validate(List<PairSource.Pair> validation) {
        if (validation.isEmpty()) {
            return new Validation(Double.NaN, Double.NaN);
        }
        SameDiff inference = SameDiffNet.inference(spec, onnxLayoutParams());
        String out = SameDiffNet.inferenceOutput(spec);
        double lossSum = 0;
        double psnrSum = 0;
        int psnrCount = 0;
        int i = 0;
        while (i < validation.size()) {
            int j = i + 1;
            FloatImage first = validation.get(i).input();
            int limit = microBatchSize(config.batchSize(), first.height(), first.width());
            while (j < validation.size() && j - i < limit
                    && validation.get(j).input().width() == first.width()
                    && validation.get(j).input().height() == first.height()) {
                j++;
            }
            PairSource.Batch batch = PairSource.stack(validation.subList(i, j).toArray(new PairSource.Pair[0]));
            INDArray input = Nd4j.create(batch.input(), new long[] {batch.size(), batch.channels(), batch.inH(),
                    batch.inW()}, 'c');
            INDArray result = inference.outputSingle(Map.of(NetSpec.INPUT, input), out);
            float[] predicted;
            try (INDArray copy = result.dup('c')) {
                predicted = copy.data().asFloat();
            }
            release(List.of(input, result));
            int plane = batch.channels() * batch.outH() * batch.outW();
            for (int k = 0; k < batch.size(); k++) {
                FloatImage target = validation.get(i + k).target();
                float[] p = java.util.Arrays.copyOfRange(predicted, k * plane, (k + 1) * plane);
                double err = 0;
                for (int q = 0; q < plane; q++) {
                    double d = p[q] - target.colorData()[q];
                    err += config.loss() == TrainingConfig.Loss.L1 ? Math.abs(d) : d * d;
                }
                lossSum += err / plane;
                if (!undamaged(validation.get(i + k))) {
                    FloatImage image = new FloatImage(batch.outW(), batch.outH(), batch.channels(), p, null).clamp();
                    psnrSum += Math.min(ImageMetrics.psnr(image, target, 0), 100);
                    psnrCount++;
                }
            }
            i = j;
        }
        return new Validation(lossSum / validation.size(), psnrCount == 0 ? Double.NaN : psnrSum / psnrCount);
    }

    /**
     * Whether a validation pair's damage left its image as it was (a random damage may draw "clean"). Such pairs count
     * in the validation loss but not in the PSNR means: the input's PSNR is infinite there (capped at 100 dB), and a
     * few of them would lift the baseline's mean by dB, above any model (the first restore run's validation said
     * "below the baseline" for 12 epochs while the model gained 1-4 dB on every damaged held-out image).
     */
    static boolean undamaged(PairSource.Pair p) {
        return p.input().width() == p.target().width() && p.input().height() == p.target().height()
                && p.input().sameSamples(p.target());
    }

    /**
     * The damaged input itself at scale 1, bicubic enlargement of it for super-resolution; over the damaged images,
     * as the model's validation PSNR ({@link #undamaged}).
     */
    private double baselinePsnr(List<PairSource.Pair> validation) {
        double sum = 0;
        int count = 0;
        for (PairSource.Pair p : validation) {
            if (undamaged(p)) {
                continue;
            }
            FloatImage base = config.scale() == 1 ? p.input()
                    : Resampler.BICUBIC.resize(p.input(), p.target().width(), p.target().height());
            sum += Math.min(ImageMetrics.psnr(base, p.target(), 0), 100);
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * The training images of one epoch's {@code samples} in order: a plain shuffle when there is one sample per
     * image (the seed recipe's order), otherwise every image {@code ceil(samples / images)} times, shuffled, the
     * first {@code samples} taken, so images are used equally often.
     */
    static int[] epochOrder(int images, int samples, long seed) {
        if (samples == images) {
            return shuffled(images, seed);
        }
        int rounds = (samples + images - 1) / images;
        int[] order = shuffled(images * rounds, seed);
        int[] result = new int[samples];
        for (int i = 0; i < samples; i++) {
            result[i] = order[i] % images;
        }
        return result;
    }

    /** Fisher-Yates with {@code java.util.Random}; {@code tools/seed_replay.py} repeats it (and the dropout masks). */
    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static PairSource.Batch await(Future<PairSource.Batch> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a training batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("making a training batch failed: " + e.getCause(), e.getCause());
        }
    }

    private void writeCheckpoint(TrainingListener listener, int epoch) {
        if (config.checkpointDirectory().isPresent()) {
            Path file = config.checkpointDirectory().get().resolve(Checkpoint.FILE_NAME);
            saveCheckpoint(file);
            listener.onEvent(new TrainingEvent.CheckpointWritten(epoch, file));
        }
    }

    @Override
    public void requestStop() {
        stopRequested = true;
    }

    @Override
    public void saveCheckpoint(Path file) {
        checkOpen();
        Map<String, float[]> tensors = new LinkedHashMap<>();
        params.forEach((k, v) -> tensors.put(PARAM + k, v.dup('c').data().asFloat()));
        optimizer.state().forEach((k, v) -> tensors.put("optimizer/" + k, v.dup('c').data().asFloat()));
        Properties s = new Properties();
        s.setProperty("completedEpochs", Integer.toString(completedEpochs));
        s.setProperty("nextBatch", Integer.toString(nextBatch));
        s.setProperty("epochLossSum", Double.toString(epochLossSum));
        s.setProperty("epochLossCount", Integer.toString(epochLossCount));
        s.setProperty("bestLoss", Double.toString(bestLoss));
        s.setProperty("bestPsnr", Double.toString(bestPsnr));
        s.setProperty("lowestLoss", Double.toString(lowestLoss));
        s.setProperty("lowestLossPsnr", Double.toString(lowestLossPsnr));
        s.setProperty("wait", Integer.toString(wait));
        s.setProperty("earlyStopped", Boolean.toString(earlyStopped));
        s.setProperty("steps", Long.toString(optimizer.steps()));
        s.setProperty("trainingImages", Long.toString(trainingImages));
        Checkpoint.write(file, new Checkpoint.Contents(config, s, tensors, onnx()));
    }

    @Override
    public void exportOnnx(Path file) {
        checkOpen();
        try {
            AtomicFiles.write(file, onnx());
        } catch (IOException e) {
            throw new UncheckedIOException("Writing ONNX model " + file + " failed: " + e.getMessage(), e);
        }
    }

    byte[] onnx() {
        Map<String, float[]> weights = new LinkedHashMap<>();
        onnxLayoutParams().forEach((k, v) -> weights.put(k, v.data().asFloat()));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ModelMetadataKeys.SCALE, Integer.toString(spec.scale()));
        meta.put(ModelMetadataKeys.COLOR, "rgb");
        meta.put(ModelMetadataKeys.RANGE, "0:1");
        meta.put(ModelMetadataKeys.ARCHITECTURE, spec.architecture());
        meta.put(ModelMetadataKeys.SIZE_MULTIPLE, Integer.toString(spec.sizeMultiple()));
        meta.put(ModelMetadataKeys.TRAINING_DATA, trainingImages + " images, " + config.degradation() + ", "
                + completedEpochs + " epochs, " + config.optimizer().name().toLowerCase(java.util.Locale.ROOT) + "/"
                + config.loss().name().toLowerCase(java.util.Locale.ROOT) + ", seed " + config.seed());
        meta.put(ModelMetadataKeys.VERSION, Nd4jRuntime.version());
        return OnnxExporter.export(spec, weights, meta, Nd4jRuntime.version());
    }

    /** The current parameters with kernels in ONNX layout (copies). */
    Map<String, INDArray> onnxLayoutParams() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            out.put(e.getKey(), e.getValue().rank() == 4 ? SameDiffNet.toOnnxLayout(e.getValue())
                    : e.getValue().dup('c'));
        }
        return out;
    }

    NetSpec spec() {
        return spec;
    }

    /** The live parameter arrays (SameDiff layout), for tests that set weights. */
    Map<String, INDArray> parameters() {
        return params;
    }

    @Override
    public TrainingConfig config() {
        return config;
    }

    @Override
    public int completedEpochs() {
        return completedEpochs;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this trainer is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
