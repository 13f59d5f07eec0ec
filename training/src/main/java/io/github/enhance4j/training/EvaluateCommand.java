package io.github.enhance4j.training;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.image.Degradation;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.UnsharpMask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code evaluate}: scores a model (or bicubic alone) on a folder of high-resolution images. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores an ONNX model, ours or foreign, on a folder of high-resolution images, against the"
                + " baseline (bicubic for the sr protocol, the pixelated input for the seed protocol).",
                "Prints a table (per image and mean) and writes it as CSV."})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE|bicubic|unsharp",
            description = "The model file, 'bicubic' to score the baseline alone (give --scale; with --protocol"
                    + " seed, the classical peer: the blocks shrunk back and enlarged with bicubic), or 'unsharp' to"
                    + " score the classical peer of --protocol damage (an unsharp mask of the baseline, sigma 1.0,"
                    + " amount 0.8).")
    String model;

    @Option(names = "--degrade", paramLabel = "SPEC", description = "The damage of the 'damage' protocol, e.g."
            + " blur:1.5, jpeg:20, noise:0.098, realistic:1, bicubic:2+blur:0.8+jpeg:50 (seeded per image).")
    String degrade;

    @Option(names = {"-d", "--data"}, required = true, paramLabel = "DIR", description = "Folder of images, e.g."
            + " ../shared/data/sr-bench/Set5.")
    Path data;

    @Option(names = "--protocol", defaultValue = "sr", paramLabel = "sr|sr-luma|seed|damage",
            description = "sr: bicubic downscale by the scale (RGB), Y-channel PSNR/SSIM with the border shaved;"
                    + " sr-luma: the same, with the bicubic baseline on 8-bit luma as in the published tables"
                    + " (Set5 x2 33.66 dB); seed: 80x80, pixelate 40%%, RGB PSNR/SSIM; damage: --degrade's damage, rounded"
                    + " to 8 bits, RGB PSNR/SSIM against the original (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--scale", paramLabel = "N", description = "Scale for 'bicubic' (default: the model's).")
    Integer scale;

    @Option(names = "--csv", paramLabel = "FILE", description = "Where to write the CSV (default: evaluation.csv).")
    Path csv = Path.of("evaluation.csv");

    @Option(names = "--backend", paramLabel = "NAME", description = "onnx or dl4j (default: automatic).")
    String backend;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "DEV", description = "auto, cpu or cuda:N.")
    String device;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Evaluation.Protocol p;
        try {
            p = Evaluation.Protocol.parse(protocol);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean unsharp = model.equalsIgnoreCase("unsharp");
        boolean baselineOnly = unsharp || model.equalsIgnoreCase("bicubic") || model.equalsIgnoreCase("baseline");
        Degradation damage = null;
        if (p == Evaluation.Protocol.DAMAGE) {
            if (degrade == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--protocol damage needs --degrade SPEC,"
                        + " e.g. blur:1.5 or jpeg:20");
            }
            try {
                damage = Degradation.parse(degrade);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--degrade: " + e.getMessage());
            }
        } else if (degrade != null || unsharp) {
            throw new CommandLine.ParameterException(spec.commandLine(), (unsharp ? "-m unsharp" : "--degrade")
                    + " goes with --protocol damage");
        }
        if (baselineOnly && p == Evaluation.Protocol.DAMAGE && scale == null) {
            scale = 1;
        }
        if (baselineOnly && p.superResolution() && scale == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model bicubic needs --scale");
        }
        if (!Files.isDirectory(data)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--data " + data + " is not a folder");
        }
        List<Path> images = images(data);
        if (images.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no images in " + data);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Enhancer enhancer = baselineOnly ? null : Enhancer.load(Path.of(model), EnhanceOptions.builder()
                .backend(backend).device(Device.parse(device)).build())) {
            int s = p == Evaluation.Protocol.SEED ? 1 : scale != null ? scale : enhancer.info().scale();
            if (enhancer != null && scale != null && scale != enhancer.info().scale()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--scale " + scale
                        + " does not match the model's scale " + enhancer.info().scale());
            }
            // for the seed protocol 'bicubic' scores its classical peer: the blocks re-interpolated smoothly
            boolean smooth = baselineOnly && !unsharp && p == Evaluation.Protocol.SEED;
            Evaluation evaluation = new Evaluation(p, s, enhancer, damage, unsharp ? UnsharpMask.defaults()
                    : smooth ? Evaluation::smoothPixelated : null);
            List<Evaluation.Row> rows = new ArrayList<>();
            for (Path image : images) {
                rows.add(evaluation.score(image.getFileName().toString(), Pixels.read(ImageFiles.read(image))));
            }
            ResultTable table = new ResultTable(baselineLabel(p, s), unsharp ? "unsharp mask"
                    : smooth ? "smoothed" : baselineOnly ? null : modelLabel(), rows);
            out.println(header(p, s) + (damage != null ? ", damage " + degrade : "") + ", " + images.size()
                    + " images from " + data);
            out.print(table.render());
            AtomicText.write(csv, table.csv());
            out.println("Wrote " + csv.toAbsolutePath());
            return 0;
        } catch (EnhanceException e) {
            spec.commandLine().getErr().println("evaluate: " + e.getMessage());
            return 1;
        }
    }

    private static String header(Evaluation.Protocol p, int s) {
        return switch (p) {
            case SR -> "Protocol sr, x" + s + ", Y-channel, border " + s;
            case SR_LUMA -> "Protocol sr-luma (bicubic on 8-bit luma, as the published tables), x" + s
                    + ", Y-channel, border " + s;
            case SEED -> "Protocol seed, 80x80, pixelate 40%, RGB";
            case DAMAGE -> "Protocol damage, x" + s + ", RGB, no shave";
        };
    }

    private String modelLabel() {
        return Path.of(model).getFileName().toString();
    }

    private static String baselineLabel(Evaluation.Protocol p, int s) {
        if (p == Evaluation.Protocol.DAMAGE) {
            return s == 1 ? "damaged" : "bicubic x" + s;
        }
        return p.superResolution() ? "bicubic x" + s : "pixelated";
    }

    static List<Path> images(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                            .matches(".*\\.(png|jpe?g|bmp|tiff?|gif|webp)"))
                    .sorted().collect(Collectors.toList());
        }
    }
}
