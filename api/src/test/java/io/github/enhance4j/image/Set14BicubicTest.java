package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Validates the resampler and the metrics together: the bicubic baseline on Set14, with the luma-first protocol
 * of {@link SrEvaluation}, must reproduce the published figures (SRCNN / VDSR tables). Skipped when the shared
 * data folder is absent.
 */
class Set14BicubicTest {

    @ParameterizedTest(name = "x{0}: {1} dB / {2}")
    @CsvSource({"2, 30.24, 0.8688", "3, 27.55, 0.7742", "4, 26.00, 0.7027"})
    void bicubicBaseline_matchesPublishedFigures(int scale, double publishedPsnr, double publishedSsim) {
        SrBenchmark.Score score = SrBenchmark.bicubicBaseline(SrBenchmark.folder("Set14"), scale);

        assertThat(score.psnr()).as("Set14 x%d PSNR", scale).isCloseTo(publishedPsnr, within(0.05));
        assertThat(score.ssim()).as("Set14 x%d SSIM", scale).isCloseTo(publishedSsim, within(0.002));
    }
}
