package io.github.enhance4j.samples.cli;

import io.github.enhance4j.Enhancer;
import io.github.enhance4j.image.Degradation;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.image.ImageMetrics;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.Resampler;
import io.github.enhance4j.image.SrEvaluation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * {@code enhance --demo}: damages the bundled test chart the way the model expects (bicubic downscale for a
 * super-resolution model, the seed's pixelation for a scale-1 model), enhances it, and writes
 * damaged | bicubic | enhanced | original with their PSNR against the original.
 */
final class Demo {

    static final String CHART = "io/github/enhance4j/samples/demo-chart.png";

    /** PSNR figures of one demo run, in dB on the Y channel. */
    record Result(double bicubicPsnr, double enhancedPsnr, Path picture) {
    }

    private Demo() {
    }

    static Result run(Enhancer enhancer, String modelName, Path picture, PrintStream out) {
        FloatImage original = chart();
        int scale = enhancer.info().scale();
        FloatImage reference;
        FloatImage damaged;
        FloatImage bicubic;
        String damage;
        if (scale > 1) {
            reference = SrEvaluation.modcrop(original, scale);
            damaged = SrEvaluation.bicubicDegrade(reference, scale);
            bicubic = SrEvaluation.bicubicUpscale(damaged, scale);
            damage = "bicubic /" + scale;
        } else {
            reference = original;
            damaged = Degradation.pixelate(0.4).apply(original, new Random(1));
            bicubic = damaged;
            damage = "pixelated 40%";
        }
        FloatImage enhanced = Pixels.read(enhancer.enhance(Pixels.toBufferedImage(damaged)));
        int shave = scale;
        double bicubicPsnr = ImageMetrics.psnrY(reference, bicubic, shave);
        double enhancedPsnr = ImageMetrics.psnrY(reference, enhanced, shave);
        FloatImage damagedShown = Resampler.NEAREST.resize(damaged, reference.width(), reference.height());
        BufferedImage composed = SideBySide.compose(List.of(
                new SideBySide.Panel(Pixels.toBufferedImage(damagedShown), "damaged (" + damage + ")"),
                new SideBySide.Panel(Pixels.toBufferedImage(bicubic),
                        String.format("%s %.2f dB", scale > 1 ? "bicubic" : "input", bicubicPsnr)),
                new SideBySide.Panel(Pixels.toBufferedImage(enhanced), String.format("enhanced %.2f dB", enhancedPsnr)),
                new SideBySide.Panel(Pixels.toBufferedImage(reference), "original")));
        ImageFiles.write(composed, picture);
        out.printf("Model: %s, x%d, %s on %s%n", modelName, scale, enhancer.info().backend(),
                enhancer.info().device());
        out.printf("Y-PSNR against the original (%s):%n", damage);
        out.printf("  %-9s %6.2f dB%n", scale > 1 ? "bicubic" : "input", bicubicPsnr);
        out.printf("  %-9s %6.2f dB  (%+.2f dB)%n", "enhanced", enhancedPsnr, enhancedPsnr - bicubicPsnr);
        out.printf("Wrote %s%n", picture.toAbsolutePath());
        return new Result(bicubicPsnr, enhancedPsnr, picture);
    }

    private static FloatImage chart() {
        try (InputStream in = Demo.class.getClassLoader().getResourceAsStream(CHART)) {
            if (in == null) {
                throw new IllegalStateException("the demo image " + CHART + " is missing from the jar");
            }
            return Pixels.read(ImageFiles.read(in, CHART, ImageFiles.DEFAULT_MAX_PIXELS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
