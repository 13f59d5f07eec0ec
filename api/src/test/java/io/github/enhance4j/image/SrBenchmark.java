package io.github.enhance4j.image;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared SR benchmark sets and runs the luma-first bicubic baseline of {@link SrEvaluation} on them. */
final class SrBenchmark {

    /** Mean PSNR (dB) and SSIM over a set. */
    record Score(double psnr, double ssim) {
    }

    private SrBenchmark() {
    }

    /**
     * The folder {@code shared/data/sr-bench/<set>}, from the system property {@code enhance4j.shared} or relative
     * to the module or repository directory; skips the test when it is absent.
     */
    static Path folder(String set) {
        return io.github.enhance4j.testing.SharedData.require("data/sr-bench/" + set);
    }

    static Score bicubicBaseline(Path folder, int scale) {
        List<Path> files = pngs(folder);
        double psnr = 0;
        double ssim = 0;
        for (Path file : files) {
            FloatImage hr = SrEvaluation.studioLuma8Bit(SrEvaluation.modcrop(TestImages.readPng(file), scale));
            FloatImage sr = SrEvaluation.bicubicLumaBaseline(hr, scale);
            psnr += ImageMetrics.psnr(sr, hr, scale);
            ssim += ImageMetrics.ssim(sr, hr, scale);
        }
        return new Score(psnr / files.size(), ssim / files.size());
    }

    /** The RGB protocol: degrade and upscale in RGB, compare unrounded studio-range luma. */
    static Score rgbBicubicBaseline(Path folder, int scale) {
        List<Path> files = pngs(folder);
        double psnr = 0;
        double ssim = 0;
        for (Path file : files) {
            FloatImage hr = SrEvaluation.modcrop(TestImages.readPng(file), scale);
            FloatImage sr = SrEvaluation.bicubicUpscale(SrEvaluation.bicubicDegrade(hr, scale), scale);
            psnr += ImageMetrics.psnrY(sr, hr, scale);
            ssim += ImageMetrics.ssimY(sr, hr, scale);
        }
        return new Score(psnr / files.size(), ssim / files.size());
    }

    private static List<Path> pngs(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
