package io.github.enhance4j.training;

import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.Trainer;
import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.TrainingData;
import io.github.enhance4j.TrainingResult;
import io.github.enhance4j.image.FloatImage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code train}: trains a model from a folder or archive of images with a preset and overrides, and writes
 * {@code model.onnx}, the checkpoint, {@code metrics.csv}, {@code report.png} and {@code curves.png} into the output
 * folder. Ctrl-C stops after the current batch with a checkpoint; {@code --resume} continues from it.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a model and exports it as ONNX.",
                "Data: folders or .tgz/.tar/.zip archives of images (the LFW layout */NAME/NAME_NNNN.jpg works as"
                        + " is), or --download lfw."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = {"-d", "--data"}, paramLabel = "PATH[::SETTINGS]", description = "Folder or archive of"
            + " training images; repeat to combine sets. Settings after '::', comma-separated: repeat=N (weight a"
            + " small set), downscale=N (area-shrink first), max=N (first N images), val=N (validation images).")
    List<Path> data = new ArrayList<>();

    @Option(names = "--download", paramLabel = "NAME", description = "Fetch a known data set into the cache"
            + " folder first (resumable, checksum verified): lfw.")
    String download;

    @Option(names = "--cache", paramLabel = "DIR", description = "Download cache (default: ~/.cache/enhance4j).")
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "enhance4j");

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "Output folder: model.onnx, checkpoint, metrics.csv, report.png, curves.png.")
    Path output;

    @Option(names = "--preset", defaultValue = "seed", paramLabel = "NAME",
            description = "seed (faithful recipe), seed-tuned, seed-faces, sr-x2, sr-x3, sr-x4, restore,"
                    + " restore-x2, restore-x4 (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--arch", paramLabel = "NAME", description = "Architecture (default: the preset's): the dl4j"
            + " backend trains seed-autoencoder, espcn, restore-unet, restore-unet-deep (restore-unet with residual"
            + " blocks added; --init-from a restore-unet run starts it where that run was), restore-unet-deeper (twice"
            + " the blocks), compact-sr, compact-sr-deep"
            + " (the same with a residual block after every second convolution) and compact-sr-deeper (after every"
            + " one); --init-from a shallower run starts a deeper one where that run was.")
    String arch;

    @Option(names = "--scale", paramLabel = "N", description = "Scale factor.")
    Integer scale;

    @Option(names = "--degrade", paramLabel = "SPEC", description = "Damage, e.g. pixelate:0.4, bicubic:4,"
            + " blur:1.2+jpeg:40.")
    String degrade;

    @Option(names = "--epochs", paramLabel = "N")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N")
    Integer batch;

    @Option(names = "--optimizer", paramLabel = "adadelta|adam")
    String optimizer;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate.")
    Double lr;

    @Option(names = "--schedule", paramLabel = "constant|cosine")
    String schedule;

    @Option(names = "--loss", paramLabel = "mse|l1", description = "Training loss (default: the preset's, l1 for the"
            + " restoration presets, mse for the others). A few epochs of mse from an l1 run's checkpoint"
            + " (--init-from) raise PSNR a little; MODELS.md has such runs.")
    String loss;

    @Option(names = "--patch", paramLabel = "N", description = "Training patch size in output pixels (0 = whole"
            + " images).")
    Integer patch;

    @Option(names = "--samples-per-epoch", paramLabel = "N", description = "Training patches (or images) per"
            + " epoch; 0 = one per training image (default: the preset's).")
    Integer samplesPerEpoch;

    @Option(names = "--augment", negatable = true, description = "Vary every training image at random before"
            + " damage: zoom, flip, brightness/contrast/saturation (default: the preset's; on for seed-faces).")
    Boolean augment;

    @Option(names = "--val-split", paramLabel = "F", description = "Validation fraction (default: 0.1).")
    Double valSplit;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed of the weights, batches and damage; also"
            + " of the split unless --split-seed is given (default: 32).")
    Long seed;

    @Option(names = "--split-seed", paramLabel = "N", description = "Seed of the training/validation split alone,"
            + " 0 to 4294967295: repeat a run with another --seed on the same validation images (default: --seed's).")
    Long splitSeed;

    @Option(names = "--threads", paramLabel = "N")
    Integer threads;

    @Option(names = "--max-minutes", paramLabel = "N", description = "Stop after this wall time, with a checkpoint;"
            + " counted from this command's start, with --resume too (a checkpoint keeps no time limit).")
    Double maxMinutes;

    @Option(names = "--early-stopping", paramLabel = "DELTA:PATIENCE|off", description = "Stop when the validation"
            + " loss has not improved by more than DELTA for PATIENCE epochs in a row; off trains every epoch"
            + " (default: the preset's, 1e-4:4 for the seed presets as in SEED.md, 1e-6:4 for sr-*).")
    String earlyStopping;

    @Option(names = "--activity-l1", paramLabel = "X", description = "Weight of an L1 penalty on every ReLU output"
            + " (Keras's activity_regularizer; default: the architecture's, 1e-9 for seed-autoencoder as in SEED.md,"
            + " 0 for the others; 0 turns it off).")
    Double activityL1;

    @Option(names = "--max-images", paramLabel = "N", description = "Use at most N images (quick trials).")
    Integer maxImages;

    @Option(names = "--resume", description = "Continue from the checkpoint in the output folder; with --epochs N,"
            + " go on to N epochs in all (a finished run trains on, a cosine schedule is stretched).")
    boolean resume;

    @Option(names = "--init-from", paramLabel = "CHECKPOINT", description = "Start from an earlier run's parameters"
            + " (its checkpoint file or run folder) where names and shapes match, e.g. a restore run for"
            + " --arch restore-unet --scale 2; the other parameters and the optimiser start afresh.")
    Path initFrom;

    @Option(names = "--backend", paramLabel = "NAME", description = "Training backend (default: automatic).")
    String backend;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Log what the backend does.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Preset p;
        TrainingConfig config;
        try {
            p = Preset.parse(preset);
            config = configure(p);
            splitSeed();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            List<Path> sources = new ArrayList<>(data);
            if (download != null) {
                sources.add(TrainingDataSources.download(download, cache, out, !quiet));
            }
            if (sources.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no data: give --data PATH or"
                        + " --download lfw");
            }
            TrainingData dataset = TrainingDataSources.load(sources, p.imageTransform(),
                    valSplit != null ? valSplit : Preset.VALIDATION_FRACTION,
                    splitSeed(), maxImages);
            out.printf("Data: %d training and %d validation images from %s%n", dataset.trainingSize(),
                    dataset.validationSize(), sources);
            if (dataset.validationSize() == 0) {
                err.println("train: warning: no validation images (too few images for --val-split); no validation"
                        + " PSNR, early stopping or report.png");
            }
            Files.createDirectories(output);
            return train(p, config, dataset, out);
        } catch (EnhanceException e) {
            err.println("train: " + e.getMessage());
            return 1;
        }
    }

    /** The split's seed: {@code --split-seed}, else {@code --seed}, else the seed recipe's. */
    long splitSeed() {
        long value = splitSeed != null ? splitSeed : seed != null ? seed : Preset.SPLIT_SEED;
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(splitSeed != null
                    ? "--split-seed " + value + ": the split's seed must be 0 to 4294967295 (NumPy's range)"
                    : "--seed " + value + ": it also seeds the split, which takes 0 to 4294967295 (NumPy's range);"
                            + " give --split-seed in that range");
        }
        return value;
    }

    TrainingConfig configure(Preset p) {
        TrainingConfig.Builder b = p.config().backend(backend).checkpointDirectory(output);
        if (arch != null) {
            b.architecture(arch);
        }
        if (scale != null) {
            b.scale(scale);
        }
        if (degrade != null) {
            b.degradation(degrade);
        }
        if (epochs != null) {
            b.epochs(epochs);
        }
        if (batch != null) {
            b.batchSize(batch);
        }
        if (optimizer != null) {
            b.optimizer(parse(TrainingConfig.Optimizer.class, optimizer, "--optimizer"));
        }
        if (lr != null) {
            b.learningRate(lr);
        }
        if (schedule != null) {
            b.schedule(parse(TrainingConfig.Schedule.class, schedule, "--schedule"));
        }
        if (loss != null) {
            b.loss(parse(TrainingConfig.Loss.class, loss, "--loss"));
        }
        if (patch != null) {
            b.patchSize(patch);
        }
        if (samplesPerEpoch != null) {
            b.samplesPerEpoch(samplesPerEpoch);
        }
        if (augment != null) {
            b.augment(augment);
        }
        if (seed != null) {
            b.seed(seed);
        }
        if (threads != null) {
            b.threads(threads);
        }
        if (maxMinutes != null) {
            b.maxDuration(Duration.ofMillis((long) (maxMinutes * 60_000)));
        }
        if (earlyStopping != null) {
            earlyStopping(b, earlyStopping);
        }
        if (activityL1 != null) {
            b.activityRegularization(activityL1);
        }
        if (initFrom != null) {
            b.initialWeights(initialCheckpoint(initFrom));
        }
        return b.build();
    }

    /** The checkpoint that {@code --init-from} names: the file itself, or the latest one in a run folder. */
    private Path initialCheckpoint(Path given) {
        if (resume) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--init-from starts a new run; --resume"
                    + " continues the one in " + output + " from its own checkpoint: give one or the other");
        }
        if (Files.isDirectory(given)) {
            Path latest;
            try {
                latest = Checkpoints.latest(given);
            } catch (IOException e) {
                throw new UncheckedIOException("--init-from " + given + ": " + e.getMessage(), e);
            }
            if (latest == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--init-from " + given
                        + ": no checkpoint in that folder; give a run's output folder or its checkpoint file");
            }
            return latest;
        }
        if (!Files.isRegularFile(given)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--init-from " + given
                    + ": no such file or folder");
        }
        return given;
    }

    private static void earlyStopping(TrainingConfig.Builder b, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off")) {
            b.earlyStopping(0, 0);
            return;
        }
        int colon = t.indexOf(':');
        try {
            double delta = Double.parseDouble(t.substring(0, Math.max(0, colon)));
            int patience = Integer.parseInt(t.substring(colon + 1));
            if (delta >= 0 && delta < Double.POSITIVE_INFINITY && patience >= 1) {
                b.earlyStopping(delta, patience);
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--early-stopping '" + text + "': expected DELTA:PATIENCE, e.g. 1e-6:4"
                + " (stop after 4 epochs without a validation-loss improvement above 1e-6), or off");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String option) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + text + "': expected one of "
                    + Stream.of(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")), e);
        }
    }

    private int train(Preset p, TrainingConfig config, TrainingData dataset, PrintWriter out) throws IOException {
        Path metrics = output.resolve("metrics.csv");
        Path checkpoint = Checkpoints.latest(output);
        Trainer trainer;
        List<EpochRecord> earlier = List.of();
        if (resume) {
            if (checkpoint == null) {
                throw new EnhanceException("--resume: no checkpoint in " + output + "; start without --resume");
            }
            try {
                trainer = epochs != null ? Trainer.resume(checkpoint, epochs) : Trainer.resume(checkpoint);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--resume --epochs " + epochs + ": "
                        + e.getMessage());
            }
            checkSamePreset(p, trainer.config());
            earlier = EpochRecord.readCsv(metrics);
            out.printf("Resuming from %s after %d epoch%s%n", checkpoint, trainer.completedEpochs(),
                    trainer.completedEpochs() == 1 ? "" : "s");
        } else {
            if (checkpoint != null) {
                throw new EnhanceException(output + " already holds a checkpoint (" + checkpoint.getFileName()
                        + "); use --resume to continue it, or another --output");
            }
            try {
                trainer = Trainer.create(config);
            } catch (IllegalArgumentException e) {
                if (config.initialWeights().isEmpty()) {
                    throw e;
                }
                throw new CommandLine.ParameterException(spec.commandLine(), "--init-from: " + e.getMessage());
            }
        }
        TrainingMonitor monitor = new TrainingMonitor(out, metrics, !quiet, earlier);
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            trainer.requestStop(); // Ctrl-C: finish the batch, write a checkpoint, then let the JVM go
            try {
                finished.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "enhance4j-train-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        ScheduledExecutorService timer = null;
        if (resume && maxMinutes != null) {
            // a resumed trainer's configuration comes from its checkpoint; this session's limit is a timer here
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "enhance4j-train-time-limit");
                t.setDaemon(true);
                return t;
            });
            timer.schedule(() -> {
                out.printf("Time limit of %s min reached: stopping after this batch with a checkpoint%n",
                        maxMinutesText());
                out.flush();
                trainer.requestStop();
            }, (long) (maxMinutes * 60_000), TimeUnit.MILLISECONDS);
        }
        TrainingResult result;
        try {
            out.println("Training " + trainer.config());
            result = trainer.train(dataset, monitor);
            monitor.closeBar();
            Path model = output.resolve("model.onnx");
            trainer.exportOnnx(model);
            out.println(stoppedLine(result, monitor.history()));
            try {
                writePictures(p, config, dataset, model, monitor.history());
                out.println("Wrote " + model.toAbsolutePath() + ", metrics.csv, report.png, curves.png");
            } catch (EnhanceException | IllegalStateException e) {
                // e.g. stopped by Ctrl-C: the JVM is shutting down and ONNX Runtime can no longer start
                spec.commandLine().getErr().println("train: report pictures not written (" + e.getMessage()
                        + "); the model is complete: run 'evaluate -m " + model + "' to score it");
                out.println("Wrote " + model.toAbsolutePath() + " and metrics.csv");
            }
        } finally {
            if (timer != null) {
                timer.shutdownNow();
            }
            trainer.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that training has finished
            }
        }
        return 0;
    }

    private String maxMinutesText() {
        return maxMinutes == Math.rint(maxMinutes) ? String.valueOf(maxMinutes.longValue()) : String.valueOf(maxMinutes);
    }

    /**
     * A resumed run must prepare its images as it did when it started, which the preset decides (the seed presets
     * shrink faces to 80x80): refuses a preset whose architecture or damage differs from the checkpoint's, naming
     * the presets that match. A resumed run keeps its damage: a different {@code --degrade} is refused.
     */
    private void checkSamePreset(Preset p, TrainingConfig resumed) {
        if (degrade != null && !degrade.trim().equals(resumed.degradation())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--resume: the checkpoint in " + output
                    + " trains on " + resumed.degradation() + "; a resumed run keeps its damage, so --degrade "
                    + degrade + " cannot apply: leave --degrade out, or start a new run in another --output");
        }
        TrainingConfig given = p.config().build();
        if (given.architecture().equals(resumed.architecture()) && given.scale() == resumed.scale()
                && (degrade != null || given.degradation().equals(resumed.degradation()))) {
            return;
        }
        List<String> matching = new ArrayList<>();
        for (Preset candidate : Preset.values()) {
            TrainingConfig c = candidate.config().build();
            if (c.architecture().equals(resumed.architecture()) && c.scale() == resumed.scale()
                    && c.degradation().equals(resumed.degradation())) {
                matching.add(candidate.cliName());
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--resume: the checkpoint in " + output
                + " trains " + resumed.architecture() + " x" + resumed.scale() + " on " + resumed.degradation()
                + ", but --preset " + p.cliName() + " is " + given.architecture() + " x" + given.scale() + " on "
                + given.degradation() + "; resume with the preset the run started with"
                + (matching.isEmpty() ? "" : " (" + String.join(" or ", matching.stream().map(m -> "--preset " + m)
                        .toList()) + ")"));
    }

    /**
     * The run's last line: why it stopped, and the best validation PSNR against the baseline's (the damaged input,
     * or bicubic for super-resolution), saying plainly when the model is no better than that baseline.
     */
    static String stoppedLine(TrainingResult result, List<EpochRecord> history) {
        String line = String.format(Locale.ROOT, "Stopped: %s after %d epoch%s in %s; best validation PSNR %.2f dB",
                result.stopReason(), result.epochs(), result.epochs() == 1 ? "" : "s",
                TrainingMonitor.format(result.duration()), result.bestValidationPsnr());
        double baseline = history.isEmpty() ? Double.NaN : history.get(history.size() - 1).baselinePsnr();
        if (Double.isNaN(baseline) || Double.isNaN(result.bestValidationPsnr())) {
            return line;
        }
        double gain = result.bestValidationPsnr() - baseline;
        if (gain <= 0) {
            return line + String.format(Locale.ROOT, ", %.2f dB BELOW the baseline's %.2f dB: this model is worse"
                    + " than doing nothing; train longer (more epochs or --samples-per-epoch) or on more data",
                    -gain, baseline);
        }
        return line + String.format(Locale.ROOT, " (%+.2f dB over the baseline's %.2f dB)", gain, baseline);
    }

    private void writePictures(Preset p, TrainingConfig config, TrainingData dataset, Path model,
            List<EpochRecord> history) {
        Charts.writeCurves(history, output.resolve("curves.png"));
        List<FloatImage> samples = new ArrayList<>();
        for (int i = 0; i < Math.min(4, dataset.validationSize()); i++) {
            samples.add(dataset.validationImage(i));
        }
        if (samples.isEmpty()) {
            return;
        }
        try (Enhancer enhancer = Enhancer.load(model, EnhanceOptions.builder().backend("onnx").build())) {
            ValidationReport.write(enhancer, p.protocol(), config.scale(),
                    io.github.enhance4j.image.Degradation.parse(config.degradation()), samples,
                    output.resolve("report.png"));
        }
    }
}
