package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.enhance4j.image.RealisticDamage.Kernel;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RealisticDegradationTest {

    /** Settings with every step off, to switch single steps on. */
    private static RealisticDamage.Builder nothing(int scale) {
        return RealisticDamage.builder(scale).cleanProbability(0).blurProbability(0).pixelateProbability(0)
                .resizeProbability(0).noiseProbability(0).jpegProbability(0).secondOrderProbability(0)
                .finalSincProbability(0).finalJpegProbability(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void apply_sameSeed_givesTheSameImage(int scale) {
        FloatImage image = TestImages.smooth(96, 72);
        Degradation damage = Degradation.realistic(scale);

        for (long seed = 0; seed < 8; seed++) {
            FloatImage first = damage.apply(image, new Random(seed));
            FloatImage second = damage.apply(image, new Random(seed));

            assertThat(first.sameSamples(second)).as("seed %d", seed).isTrue();
        }
    }

    @Test
    void apply_differentSeeds_giveDifferentImages() {
        FloatImage image = TestImages.smooth(64, 64);
        Degradation damage = Degradation.realistic(2);

        FloatImage first = damage.apply(image, new Random(1));
        int different = 0;
        for (long seed = 2; seed < 10; seed++) {
            if (!damage.apply(image, new Random(seed)).sameSamples(first)) {
                different++;
            }
        }

        assertThat(different).isEqualTo(8);
    }

    @ParameterizedTest
    @CsvSource({"1, 48, 48", "1, 17, 9", "1, 1, 1", "1, 1, 5", "2, 96, 64", "2, 2, 2", "3, 36, 60", "3, 99, 33",
        "4, 128, 128", "4, 16, 16", "4, 8, 8", "4, 4, 12"})
    void apply_outputIsTheInputSizeOverTheScale(int scale, int width, int height) {
        FloatImage rgb = TestImages.random(width, height, 3, true, width * 31L + height);
        FloatImage grey = TestImages.random(width, height, 1, false, width + 7L * height);
        Degradation damage = Degradation.realistic(scale);

        for (long seed = 0; seed < 25; seed++) {
            for (FloatImage image : new FloatImage[] {rgb, grey}) {
                FloatImage result = damage.apply(image, new Random(seed));

                assertThat(result.width()).as("seed %d", seed).isEqualTo(width / scale);
                assertThat(result.height()).as("seed %d", seed).isEqualTo(height / scale);
                assertThat(result.channels()).isEqualTo(image.channels());
                assertThat(result.hasAlpha()).isEqualTo(image.hasAlpha());
                for (float v : result.colorData()) {
                    assertThat(v).isBetween(0f, 1f);
                }
            }
        }
    }

    @Test
    void apply_everyStepOnAndBothPasses_keepsTheSizeContractOnTinyImages() {
        RealisticDamage all = RealisticDamage.builder(4).blurProbability(1).resizeProbability(1)
                .resizeFactor(0.1, 4).noiseProbability(1).jpegProbability(1).pixelateProbability(1)
                .secondOrderProbability(1).secondBlurProbability(1).secondResizeProbability(1)
                .secondResizeFactor(0.1, 4).secondNoiseProbability(1).secondJpegProbability(1)
                .finalSincProbability(1).finalJpegProbability(1).kernelSize(41, 41).build();

        for (long seed = 0; seed < 40; seed++) {
            FloatImage result = Degradation.realistic(all).apply(TestImages.random(4, 8, 3, true, seed),
                    new Random(seed));

            assertThat(result.width()).isEqualTo(1);
            assertThat(result.height()).isEqualTo(2);
        }
    }

    @Test
    void apply_sizeNotAMultipleOfTheScale_isRejected() {
        FloatImage image = TestImages.random(30, 31, 3, false, 1);

        assertThatThrownBy(() -> Degradation.realistic(2).apply(image, new Random(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiples of 2")
                .hasMessageContaining("30x31");
    }

    @Test
    void apply_leavesTheInputUntouched() {
        FloatImage image = TestImages.random(48, 48, 3, true, 2);
        FloatImage before = image.copy();

        for (int scale = 1; scale <= 4; scale++) {
            for (long seed = 0; seed < 10; seed++) {
                Degradation.realistic(scale).apply(image, new Random(seed));
            }
        }
        Degradation.realistic(nothing(1).build()).apply(image, new Random(0)).colorData()[0] = 7f;

        assertThat(image.sameSamples(before)).isTrue();
    }

    @Test
    void apply_alpha_isAreaResizedToTheOutputSize() {
        FloatImage image = TestImages.random(40, 24, 3, true, 3);

        FloatImage result = Degradation.realistic(4).apply(image, new Random(3));

        assertThat(result.alphaData()).containsExactly(Resampler.AREA.resize(image, 10, 6).alphaData());
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 57, 95})
    void apply_onlyJpegAtOneQuality_isTheEncodersRoundTrip(int quality) {
        FloatImage image = TestImages.smooth(64, 48);
        FloatImage expected = Degradation.jpeg(quality).apply(image, new Random(0));

        FloatImage firstPass = Degradation.realistic(nothing(1).jpegProbability(1).jpegQuality(quality, quality)
                .build()).apply(image, new Random(11));
        FloatImage finalJpeg = Degradation.realistic(nothing(1).finalJpegProbability(1)
                .finalJpegQuality(quality, quality).build()).apply(image, new Random(12));

        assertThat(firstPass.sameSamples(expected)).isTrue();
        assertThat(finalJpeg.sameSamples(expected)).isTrue();
    }

    @Test
    void apply_nothingSwitchedOnAtScaleTwo_isOneRandomResize() {
        FloatImage image = TestImages.smooth(64, 48);

        FloatImage result = Degradation.realistic(nothing(2).build()).apply(image, new Random(5));

        boolean matchesOne = false;
        for (Resampler r : new Resampler[] {Resampler.AREA, Resampler.BILINEAR, Resampler.BICUBIC}) {
            matchesOne |= r.resize(image, 32, 24).sameSamples(result);
        }
        assertThat(matchesOne).isTrue();
    }

    @Test
    void apply_cleanProbabilityOne_returnsTheInputAtScaleOne() {
        FloatImage image = TestImages.random(33, 21, 3, true, 4);
        Degradation clean = Degradation.realistic(RealisticDamage.builder(1).cleanProbability(1).build());

        for (long seed = 0; seed < 5; seed++) {
            FloatImage result = clean.apply(image, new Random(seed));

            assertThat(result.sameSamples(image)).isTrue();
            assertThat(result.colorData()).isNotSameAs(image.colorData());
        }
    }

    @Test
    void apply_cleanProbabilityOne_isBicubicOrAreaDownscaleForSuperResolution() {
        FloatImage image = TestImages.smooth(60, 36);
        Degradation clean = Degradation.realistic(RealisticDamage.builder(3).cleanProbability(1).build());

        FloatImage result = clean.apply(image, new Random(6));

        assertThat(result.sameSamples(Resampler.BICUBIC.resize(image, 20, 12))
                || result.sameSamples(Resampler.AREA.resize(image, 20, 12))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {2, 10, 25})
    void apply_onlyGaussianNoise_hasTheRequestedSigmaAndMean(double levels) {
        FloatImage flat = TestImages.constant(256, 256, 3, 0.5f);
        Degradation noise = Degradation.realistic(nothing(1).noiseProbability(1).poissonProbability(0)
                .noiseSigma(levels, levels).build());

        FloatImage result = noise.apply(flat, new Random(7));

        float[] v = result.colorData();
        assertThat(Math.sqrt(variance(v))).isCloseTo(levels / 255, within(0.05 * levels / 255));
        assertThat(mean(v)).isCloseTo(0.5, within(0.005));
    }

    @Test
    void apply_greyNoise_leavesTheChannelsEqual() {
        FloatImage flat = TestImages.constant(64, 64, 3, 0.4f);
        RealisticDamage.Builder grey = nothing(1).noiseProbability(1).greyNoiseProbability(1).noiseSigma(20, 20)
                .poissonScale(2, 2);

        for (double poisson : new double[] {0, 1}) {
            FloatImage result = Degradation.realistic(grey.poissonProbability(poisson).build())
                    .apply(flat, new Random(8));

            int plane = 64 * 64;
            assertThat(result.sameSamples(flat)).isFalse();
            for (int i = 0; i < plane; i++) {
                float r = result.colorData()[i];
                assertThat(result.colorData()[plane + i]).isEqualTo(r);
                assertThat(result.colorData()[2 * plane + i]).isEqualTo(r);
            }
        }
    }

    @Test
    void apply_colourNoise_differsBetweenChannels() {
        FloatImage flat = TestImages.constant(32, 32, 3, 0.4f);

        FloatImage result = Degradation.realistic(nothing(1).noiseProbability(1).greyNoiseProbability(0).build())
                .apply(flat, new Random(9));

        int plane = 32 * 32;
        int differing = 0;
        for (int i = 0; i < plane; i++) {
            if (result.colorData()[i] != result.colorData()[plane + i]) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(plane / 2);
    }

    @Test
    void apply_poissonNoise_varianceGrowsWithIntensity() {
        Degradation poisson = Degradation.realistic(nothing(1).noiseProbability(1).poissonProbability(1)
                .greyNoiseProbability(0).poissonScale(1, 1).build());

        double dark = variance(poisson.apply(TestImages.constant(256, 256, 1, 0.1f), new Random(10)).colorData());
        double bright = variance(poisson.apply(TestImages.constant(256, 256, 1, 0.6f), new Random(10)).colorData());

        // variance scale^2 x / 255
        assertThat(dark).isCloseTo(0.1 / 255, within(0.1 * 0.1 / 255));
        assertThat(bright).isCloseTo(0.6 / 255, within(0.1 * 0.6 / 255));
        assertThat(bright / dark).isCloseTo(6, within(0.8));
    }

    @ParameterizedTest
    @EnumSource(Kernel.class)
    void apply_blurWithEachKernelType_keepsTheSizeAndSmooths(Kernel kernel) {
        FloatImage image = TestImages.random(40, 40, 3, false, 11);
        RealisticDamage.Builder blur = nothing(1).blurProbability(1).blurSigma(1, 2).motionLength(5, 9)
                .defocusRadius(1.5, 3).sincCutoff(Math.PI / 3, Math.PI / 2);
        for (Kernel other : Kernel.values()) {
            blur.kernelWeight(other, other == kernel ? 1 : 0);
        }

        FloatImage result = Degradation.realistic(blur.build()).apply(image, new Random(12));

        assertThat(result.width()).isEqualTo(40);
        assertThat(variance(result.colorData())).isLessThan(variance(image.colorData()) / 2);
        assertThat(mean(result.colorData())).isCloseTo(mean(image.colorData()), within(0.01));
    }

    @Test
    void apply_resizeOnlyAtScaleOne_comesBackToTheOriginalSizeSofter() {
        FloatImage image = TestImages.random(48, 40, 3, false, 13);
        Degradation resize = Degradation.realistic(nothing(1).resizeProbability(1).resizeChances(0, 1, 0)
                .resizeFactor(0.5, 1).build());

        double ratios = 0;
        for (long seed = 0; seed < 10; seed++) {
            FloatImage result = resize.apply(image, new Random(seed));

            assertThat(result.width()).isEqualTo(48);
            assertThat(result.height()).isEqualTo(40);
            double ratio = variance(result.colorData()) / variance(image.colorData());
            assertThat(ratio).isLessThan(1.0001);
            ratios += ratio;
        }
        // down by a random factor in 0.5..1 and back up: fine detail is lost, more the further down it went
        assertThat(ratios / 10).isLessThan(0.8);
    }

    @Test
    void apply_defaults_damageMostImages() {
        FloatImage image = TestImages.smooth(64, 64);
        Degradation damage = Degradation.realistic(1);

        int damaged = 0;
        for (long seed = 0; seed < 40; seed++) {
            if (ImageMetrics.psnr(damage.apply(image, new Random(seed)), image, 0) < 45) {
                damaged++;
            }
        }

        // only the 5 % clean draws and the odd all-steps-skipped draw stay near the original
        assertThat(damaged).isGreaterThanOrEqualTo(34);
    }

    @Test
    void realistic_nullSettings_isRejected() {
        assertThatThrownBy(() -> Degradation.realistic(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("settings");
    }

    @Test
    void toString_defaultsShowTheScaleAndCustomSettingsShowThemselves() {
        assertThat(Degradation.realistic(3)).hasToString("realistic(3)");
        assertThat(Degradation.realistic(RealisticDamage.builder(2).cleanProbability(0.5).build()).toString())
                .startsWith("realistic(RealisticDamage[scale=2, cleanProbability=0.5");
    }

    @Test
    void parse_realistic_isTheDefaultPipelineAtThatScale() {
        FloatImage image = TestImages.smooth(64, 48);

        Degradation parsed = Degradation.parse("realistic:2");

        assertThat(parsed).hasToString("realistic(2)");
        assertThat(parsed.apply(image, new Random(15)).sameSamples(Degradation.realistic(2).apply(image,
                new Random(15)))).isTrue();
    }

    @Test
    void parse_realisticChainedWithJpeg_appliesBothInOrder() {
        FloatImage image = TestImages.smooth(64, 48);

        Degradation parsed = Degradation.parse("realistic:2 + jpeg:90");
        FloatImage result = parsed.apply(image, new Random(16));

        FloatImage expected = Degradation.jpeg(90).apply(Degradation.realistic(2).apply(image, new Random(16)),
                new Random(0));
        assertThat(parsed).hasToString("realistic(2).then(jpeg(90))");
        assertThat(result.width()).isEqualTo(32);
        assertThat(result.sameSamples(expected)).isTrue();
        assertThat(Degradation.parse("realistic:1").apply(image, new Random(1)).width()).isEqualTo(64);
    }

    @Test
    void parse_badRealisticScale_saysWhatIsAllowed() {
        assertThatThrownBy(() -> Degradation.parse("realistic:5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("realistic").hasMessageContaining("1, 2, 3 or 4").hasMessageContaining("5");
        assertThatThrownBy(() -> Degradation.parse("realistic:x2")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Degradation.parse("realistic")).hasMessageContaining("realistic:SCALE");
        assertThatThrownBy(() -> Degradation.parse("sharpen:2")).hasMessageContaining("realistic or none");
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(float[] values) {
        double m = mean(values);
        double sum = 0;
        for (float v : values) {
            sum += (v - m) * (v - m);
        }
        return sum / values.length;
    }
}
