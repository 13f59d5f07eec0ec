package io.github.enhance4j.samples.cli;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.video.VideoOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code enhance} command line: enhances image and video files and folders with a model (the bundled default unless
 * {@code --model} names one). Exit codes: 0 all done (or skipped), 1 something failed, 2 bad usage.
 */
@Command(name = "enhance", mixinStandardHelpOptions = true, version = "enhance4j 0.1.0-SNAPSHOT",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Sharpens and enlarges images and videos with a neural network.",
                "Inputs are image or video files or folders (searched recursively; videos are told by their content)."
                        + " Results go next to each input as NAME_enhanced.EXT unless -o says otherwise; inputs are"
                        + " never overwritten. Videos keep their frame rate, frame count, sound and subtitles."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every image and video was enhanced or skipped", "1:at least one failed (the others were"
                + " still processed)", "2:invalid command line"})
public final class EnhanceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IN", arity = "0..*", description = "Image or video files, or folders.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Output file (one input) or folder (mirrors the input folders).")
    Path output;

    @Option(names = {"-m", "--model"}, paramLabel = "FILE|NAME", description = "Model file (ONNX), or a bundled"
            + " model: sr-x2 (the default; enlarges x2), sr-x4 (x4), restore (same size: blur, noise, JPEG),"
            + " restore-x2 and restore-x4 (enlarge soft, noisy, compressed photos x2, x4), seed-autoencoder"
            + " (pixelated faces).")
    String model;

    @Option(names = "--scale", paramLabel = "N", description = "Final enlargement, a whole number (default: the"
            + " model's own).")
    Integer scale;

    @Option(names = "--outscale", paramLabel = "X", description = "Final enlargement, any factor, e.g. 2.5.")
    Double outscale;

    @Option(names = "--backend", paramLabel = "NAME", description = "Backend: onnx or dl4j (default: chosen"
            + " automatically).")
    String backend;

    @Option(names = "--device", paramLabel = "DEV", defaultValue = "auto",
            description = "auto, cpu or cuda:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--tile", paramLabel = "N", description = "Tile size in pixels (default: "
            + EnhanceOptions.DEFAULT_TILE_SIZE + ").")
    Integer tile;

    @Option(names = "--threads", paramLabel = "N", description = "Threads per inference (default: all cores; with"
            + " several images and no video, the cores divided among the --jobs images enhanced at once).")
    Integer threads;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "2",
            description = "Images enhanced at once, within the memory budget, while others are decoded and written;"
                    + " for videos, frames enhanced at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--glob", paramLabel = "PATTERN", defaultValue = JobPlanner.DEFAULT_GLOB,
            description = "File names to take from folders (default: ${DEFAULT-VALUE}).")
    String glob;

    @Option(names = "--suffix", paramLabel = "TEXT", defaultValue = "_enhanced",
            description = "Added to output file names (default: ${DEFAULT-VALUE}).")
    String suffix;

    @Option(names = "--format", paramLabel = "EXT", description = "Output format: png, jpg, bmp, gif, tif (default:"
            + " the input's, or png where that cannot be written).")
    String format;

    @Option(names = "--crf", paramLabel = "N", defaultValue = "" + VideoOptions.DEFAULT_CRF,
            description = "Video quality, the constant rate factor: lower is better and larger (x264/x265 0-51,"
                    + " default: ${DEFAULT-VALUE}).")
    int crf;

    @Option(names = "--codec", paramLabel = "NAME", description = "Video encoder: libx264 (the default for MP4, MOV,"
            + " MKV), libx265, libvpx-vp9 (the default for WebM), libaom-av1, mpeg4, ...")
    String codec;

    @Option(names = "--overwrite", description = "Replace existing outputs (default: skip and count them).")
    boolean overwrite;

    @Option(names = "--compare", description = "Also write NAME_compare.png: bicubic | enhanced, labelled.")
    boolean compare;

    @Option(names = "--demo", description = "Damage a bundled picture, enhance it and write demo.png (damaged |"
            + " classical peer | enhanced | original, with PSNR): a blurred, noisy JPEG portrait restored by"
            + " 'restore', or with -m a super-resolution model the test chart downscaled. -o names the picture.")
    boolean demo;

    @Option(names = "--max-pixels", paramLabel = "N", description = "Refuse images larger than this many pixels.")
    Long maxPixels;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar, only the summary and errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Log what the backend does.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /**
     * The command line's entry point: runs the command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        NativeCache.useForOnnxRuntime();
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Runs the command as {@code main} would, with its output going to the given streams.
     *
     * @param args the command line
     * @param out  where results and the summary go
     * @param err  where progress, notes and errors go
     * @return the exit code
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        boolean verbose = List.of(args).contains("-v") || List.of(args).contains("--verbose");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        EnhanceCommand command = new EnhanceCommand();
        command.out = out;
        command.err = err;
        CommandLine cli = new CommandLine(command);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (scale != null && outscale != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scale and --outscale exclude each other");
        }
        if (!demo && inputs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "no input: give image or video files or folders, or --demo");
        }
        options(0); // a usage error in the options is reported before anything else is done
        VideoOptions videoOptions = videoOptions();
        DefaultModel.Choice choice;
        try {
            // the demo shows what the library is for, restoring a damaged photo, unless -m names another model
            choice = DefaultModel.resolve(model == null && demo ? DefaultModel.DEMO.id() : model);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long start = System.nanoTime();
        JobPlanner.Plan plan = demo ? null : new JobPlanner(output, suffix, format, compare, glob).plan(inputs);
        EnhanceOptions options = options(plan == null ? 0 : threadsPerImage(plan));
        long loadStart = System.nanoTime();
        try (Enhancer enhancer = Enhancer.load(choice.source(), options)) {
            if (demo) {
                Demo.run(enhancer, choice.description(),
                        output == null ? Path.of("demo.png") : output, out);
                return 0;
            }
            long loading = System.nanoTime() - loadStart;
            return process(enhancer, plan, options.maxPixels(), videoOptions, choice.description(), start + loading);
        } catch (EnhanceException e) {
            err.println("enhance: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Threads for each inference when {@code --threads} is not given: with several images and no video, the cores
     * are divided among the {@code --jobs} images enhanced at once, so that whole images run side by side instead
     * of each spreading over every core (on 2 cores, small images ran 1.2-1.3x faster so; see
     * backend-onnx/BENCHMARKS.md); otherwise 0, the backend's default (all cores).
     */
    private int threadsPerImage(JobPlanner.Plan plan) {
        long images = plan.jobs().stream().filter(j -> !j.video()).count();
        boolean videos = plan.jobs().stream().anyMatch(Job::video);
        if (threads != null || videos || images < 2 || jobs < 2) {
            return 0;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() / jobs);
    }

    /** The options, with {@code defaultThreads} threads per inference unless {@code --threads} says otherwise. */
    private EnhanceOptions options(int defaultThreads) {
        EnhanceOptions.Builder b = EnhanceOptions.builder().backend(backend);
        try {
            b.device(Device.parse(device));
            if (tile != null) {
                b.tileSize(tile).tileOverlap(Math.min(EnhanceOptions.DEFAULT_TILE_OVERLAP, (tile - 1) / 2));
            }
            if (threads != null) {
                b.threads(threads);
            } else if (defaultThreads > 0) {
                b.threads(defaultThreads);
            }
            if (scale != null) {
                b.outscale(scale);
            }
            if (outscale != null) {
                b.outscale(outscale);
            }
            if (maxPixels != null) {
                b.maxPixels(maxPixels);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private VideoOptions videoOptions() {
        try {
            return VideoOptions.builder().crf(crf).codec(codec).parallelFrames(Math.max(1, jobs)).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** @param start when the run began, moved on by the time the model took to load (which is not counted) */
    private int process(Enhancer enhancer, JobPlanner.Plan plan, long maxPixels, VideoOptions videoOptions,
            String modelName, long start) throws InterruptedException {
        if (!quiet) {
            err.printf("Model: %s (x%d, %s, %s)%n", modelName,
                    enhancer.info().scale(), enhancer.info().backend(), enhancer.info().device());
        }
        BatchRunner runner = new BatchRunner(enhancer, overwrite, maxPixels, jobs, !quiet,
                MemoryBudget.ofHeap(0.6));
        List<Outcome> outcomes = new ArrayList<>(plan.failures());
        outcomes.addAll(runner.run(plan.jobs().stream().filter(j -> !j.video()).toList()));
        List<Job> videos = plan.jobs().stream().filter(Job::video).toList();
        if (!videos.isEmpty()) {
            outcomes.addAll(new VideoRunner(enhancer, videoOptions, overwrite, !quiet, err).run(videos));
        }
        return Summary.of(outcomes, System.nanoTime() - start).print(out, err);
    }
}
