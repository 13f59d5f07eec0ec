package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Validates the resampler and the metrics together: the bicubic baseline on Set5, with the luma-first protocol
 * of {@link SrEvaluation}, must reproduce the published figures (SRCNN / VDSR tables). Skipped when the shared
 * data folder is absent.
 */
class Set5BicubicTest {

    @ParameterizedTest(name = "x{0}: {1} dB / {2}")
    @CsvSource({"2, 33.66, 0.9299", "3, 30.39, 0.8682", "4, 28.42, 0.8104"})
    void bicubicBaseline_matchesPublishedFigures(int scale, double publishedPsnr, double publishedSsim) {
        SrBenchmark.Score score = SrBenchmark.bicubicBaseline(SrBenchmark.folder("Set5"), scale);

        assertThat(score.psnr()).as("Set5 x%d PSNR", scale).isCloseTo(publishedPsnr, within(0.05));
        assertThat(score.ssim()).as("Set5 x%d SSIM", scale).isCloseTo(publishedSsim, within(0.002));
    }

    @ParameterizedTest(name = "x{0}: {1} dB / {2}")
    @CsvSource({"2, 33.68, 0.9305", "3, 30.41, 0.8690", "4, 28.43, 0.8113"})
    void rgbBicubicBaseline_staysWithinHundredthsOfTheLumaFirstFigures(int scale, double psnr, double ssim) {
        SrBenchmark.Score score = SrBenchmark.rgbBicubicBaseline(SrBenchmark.folder("Set5"), scale);

        // the figures documented in SrEvaluation for the RGB protocol
        assertThat(score.psnr()).as("Set5 x%d PSNR", scale).isCloseTo(psnr, within(0.01));
        assertThat(score.ssim()).as("Set5 x%d SSIM", scale).isCloseTo(ssim, within(0.0005));
    }
}
