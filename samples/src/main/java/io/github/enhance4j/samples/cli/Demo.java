package io.github.enhance4j.samples.cli;

import io.github.enhance4j.Enhancer;
import io.github.enhance4j.image.Degradation;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.image.ImageMetrics;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.Resampler;
import io.github.enhance4j.image.SrEvaluation;
import io.github.enhance4j.image.UnsharpMask;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * {@code enhance --demo}: damages a bundled picture the way the model is meant to be used, enhances it, and writes
 * damaged | classical peer | enhanced | original with their PSNR against the original.
 * <ul>
 *   <li>A restoration model (scale 1, such as {@code restore}): the bundled portrait (a public-domain NASA photo,
 *       never trained on) blurred, with noise and saved as a JPEG ({@value #PHOTO_DAMAGE}); the peer is an unsharp
 *       mask; RGB PSNR.</li>
 *   <li>A super-resolution model: the bundled test chart downscaled with MATLAB's bicubic; the peer is bicubic
 *       enlargement; Y-PSNR, the super-resolution papers' measure.</li>
 *   <li>The seed autoencoder: the test chart pixelated as in the seed recipe; Y-PSNR.</li>
 * </ul>
 */
final class Demo {

    static final String CHART = "io/github/enhance4j/samples/demo-chart.png";
    static final String PORTRAIT = "io/github/enhance4j/samples/demo-portrait.png";
    /** What the demo does to the portrait: a soft, slightly noisy photo saved at a low JPEG quality. */
    static final String PHOTO_DAMAGE = "blur:1.5+noise:0.02+jpeg:50";

    private static final String SEED_ARCHITECTURE = "seed-autoencoder";

    /** PSNR figures of one demo run, in dB, and the picture written. */
    record Result(String measure, double peerPsnr, double enhancedPsnr, Path picture) {
    }

    private Demo() {
    }

    static Result run(Enhancer enhancer, String modelName, Path picture, PrintStream out) {
        int scale = enhancer.info().scale();
        FloatImage reference;
        FloatImage damaged;
        FloatImage peer;
        String damage;
        String peerName;
        boolean rgb = false;
        if (scale > 1) {
            reference = SrEvaluation.modcrop(picture(CHART), scale);
            damaged = SrEvaluation.bicubicDegrade(reference, scale);
            peer = SrEvaluation.bicubicUpscale(damaged, scale);
            damage = "bicubic /" + scale;
            peerName = "bicubic";
        } else if (SEED_ARCHITECTURE.equals(enhancer.info().architecture())) {
            reference = picture(CHART);
            damaged = Degradation.pixelate(0.4).apply(reference, new Random(1));
            peer = damaged;
            damage = "pixelated 40%";
            peerName = "input";
        } else {
            reference = picture(PORTRAIT);
            damaged = Degradation.parse(PHOTO_DAMAGE).apply(reference, new Random(1));
            peer = UnsharpMask.defaults().apply(damaged);
            damage = PHOTO_DAMAGE;
            peerName = "unsharp mask";
            rgb = true;
        }
        FloatImage enhanced = Pixels.read(enhancer.enhance(Pixels.toBufferedImage(damaged)));
        int shave = rgb ? 0 : scale;
        double inputPsnr = rgb ? ImageMetrics.psnr(reference, damaged, 0) : Double.NaN;
        double peerPsnr = rgb ? ImageMetrics.psnr(reference, peer, shave) : ImageMetrics.psnrY(reference, peer, shave);
        double enhancedPsnr = rgb ? ImageMetrics.psnr(reference, enhanced, shave)
                : ImageMetrics.psnrY(reference, enhanced, shave);
        FloatImage damagedShown = Resampler.NEAREST.resize(damaged, reference.width(), reference.height());
        String damagedLabel = rgb ? String.format("damaged %.2f dB", inputPsnr) : "damaged (" + damage + ")";
        BufferedImage composed = SideBySide.compose(List.of(
                new SideBySide.Panel(Pixels.toBufferedImage(damagedShown), damagedLabel),
                new SideBySide.Panel(Pixels.toBufferedImage(peer), String.format("%s %.2f dB", peerName, peerPsnr)),
                new SideBySide.Panel(Pixels.toBufferedImage(enhanced), String.format("enhanced %.2f dB", enhancedPsnr)),
                new SideBySide.Panel(Pixels.toBufferedImage(reference), "original")));
        ImageFiles.write(composed, picture);
        String measure = rgb ? "RGB-PSNR" : "Y-PSNR";
        out.printf("Model: %s, x%d, %s on %s%n", modelName, scale, enhancer.info().backend(),
                enhancer.info().device());
        out.printf("%s against the original (%s):%n", measure, damage);
        if (rgb) {
            out.printf("  %-13s %6.2f dB%n", "damaged", inputPsnr);
        }
        out.printf("  %-13s %6.2f dB%n", peerName, peerPsnr);
        double base = rgb ? inputPsnr : peerPsnr;
        out.printf("  %-13s %6.2f dB  (%+.2f dB)%n", "enhanced", enhancedPsnr, enhancedPsnr - base);
        out.printf("Wrote %s%n", picture.toAbsolutePath());
        return new Result(measure, peerPsnr, enhancedPsnr, picture);
    }

    private static FloatImage picture(String resource) {
        try (InputStream in = Demo.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the demo image " + resource + " is missing from the jar");
            }
            return Pixels.read(ImageFiles.read(in, resource, ImageFiles.DEFAULT_MAX_PIXELS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
