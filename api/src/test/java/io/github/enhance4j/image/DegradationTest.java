package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DegradationTest {

    @Test
    void pixelate_80x80_isAreaDownTo32ThenBackTo80() {
        FloatImage image = TestImages.random(80, 80, 3, true, 1);

        FloatImage result = Degradation.pixelate(0.4).apply(image, new Random(0));

        FloatImage expected = Resampler.AREA.resize(Resampler.AREA.resize(image, 32, 32), 80, 80);
        assertThat(result.width()).isEqualTo(80);
        assertThat(result.height()).isEqualTo(80);
        assertThat(result.sameSamples(expected)).isTrue();
    }

    @Test
    void bicubicDownscale_sizeIsFlooredBySideAfterModcrop() {
        FloatImage image = TestImages.random(101, 64, 3, true, 2);

        FloatImage result = Degradation.bicubicDownscale(3).apply(image, new Random(0));

        assertThat(result.width()).isEqualTo(33);
        assertThat(result.height()).isEqualTo(21);
        assertThat(result.hasAlpha()).isTrue();
    }

    @Test
    void bicubicDownscale_imageSmallerThanFactor_isRejected() {
        FloatImage image = TestImages.random(2, 8, 1, false, 3);

        assertThatThrownBy(() -> Degradation.bicubicDownscale(3).apply(image, new Random(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x8");
    }

    @Test
    void gaussianBlur_constantImage_staysConstant() {
        FloatImage image = TestImages.constant(20, 9, 3, 0.6f);

        FloatImage result = Degradation.gaussianBlur(2.0).apply(image, new Random(0));

        for (float v : result.colorData()) {
            assertThat(v).isCloseTo(0.6f, within(1e-6f));
        }
    }

    @Test
    void gaussianBlur_randomImage_reducesVariance() {
        FloatImage image = TestImages.random(64, 64, 1, false, 4);

        FloatImage result = Degradation.gaussianBlur(1.5).apply(image, new Random(0));

        assertThat(variance(result.colorData())).isLessThan(variance(image.colorData()) / 4);
        assertThat(mean(result.colorData())).isCloseTo(mean(image.colorData()), within(0.01));
    }

    @Test
    void gaussianBlur_keepsAlphaUntouched() {
        FloatImage image = TestImages.random(16, 16, 3, true, 5);

        FloatImage result = Degradation.gaussianBlur(1).apply(image, new Random(0));

        assertThat(result.alphaData()).containsExactly(image.alphaData());
        assertThat(result.alphaData()).isNotSameAs(image.alphaData());
    }

    @Test
    void gaussianNoise_seededRandom_isReproducible() {
        FloatImage image = TestImages.constant(32, 32, 3, 0.5f);
        Degradation noise = Degradation.gaussianNoise(0.05);

        FloatImage first = noise.apply(image, new Random(42));
        FloatImage second = noise.apply(image, new Random(42));

        assertThat(first.sameSamples(second)).isTrue();
        assertThat(first.sameSamples(image)).isFalse();
    }

    @Test
    void gaussianNoise_hasRequestedStandardDeviation() {
        FloatImage image = TestImages.constant(200, 200, 1, 0.5f);

        FloatImage result = Degradation.gaussianNoise(0.05).apply(image, new Random(7));

        // far from 0 and 1, so clamping does not bias the estimate; 40,000 samples give about 0.4 % error
        assertThat(Math.sqrt(variance(result.colorData()))).isCloseTo(0.05, within(0.001));
        assertThat(mean(result.colorData())).isCloseTo(0.5, within(0.001));
    }

    @Test
    void jpeg_quality100_isCloseAndQuality10_isFurther() {
        FloatImage image = TestImages.smooth(64, 48);

        FloatImage fine = Degradation.jpeg(100).apply(image, new Random(0));
        FloatImage coarse = Degradation.jpeg(10).apply(image, new Random(0));

        double finePsnr = ImageMetrics.psnr(fine, image, 0);
        double coarsePsnr = ImageMetrics.psnr(coarse, image, 0);
        assertThat(finePsnr).isGreaterThan(40);
        assertThat(coarsePsnr).isLessThan(finePsnr - 5);
    }

    @Test
    void jpeg_greyImage_staysGreyAndKeepsAlpha() {
        FloatImage image = TestImages.random(24, 16, 1, true, 8);

        FloatImage result = Degradation.jpeg(90).apply(image, new Random(0));

        assertThat(result.channels()).isEqualTo(1);
        assertThat(result.width()).isEqualTo(24);
        assertThat(result.alphaData()).containsExactly(image.alphaData());
        for (float v : result.colorData()) {
            assertThat(v * 255).isCloseTo(Math.round(v * 255), within(1e-3f));
        }
    }

    @Test
    void then_appliesInOrder() {
        FloatImage image = TestImages.random(40, 40, 3, false, 9);
        Degradation down = Degradation.bicubicDownscale(2);
        Degradation pixelate = Degradation.pixelate(0.5);

        FloatImage chained = down.then(pixelate).apply(image, new Random(0));

        FloatImage expected = pixelate.apply(down.apply(image, new Random(0)), new Random(0));
        assertThat(chained.sameSamples(expected)).isTrue();
        assertThat(chained.width()).isEqualTo(20);
    }

    @Test
    void then_toStringDescribesTheChain() {
        Degradation chain = Degradation.gaussianBlur(1.5).then(Degradation.jpeg(30)).then(Degradation.gaussianNoise(0.02));

        assertThat(chain).hasToString("gaussianBlur(1.5).then(jpeg(30)).then(gaussianNoise(0.02))");
        assertThat(Degradation.pixelate(0.4)).hasToString("pixelate(0.4)");
        assertThat(Degradation.bicubicDownscale(4)).hasToString("bicubicDownscale(4)");
    }

    @Test
    void factories_invalidArguments_areRejectedWithTheValue() {
        assertThatThrownBy(() -> Degradation.pixelate(0)).hasMessageContaining("(0, 1]").hasMessageContaining("0.0");
        assertThatThrownBy(() -> Degradation.pixelate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Degradation.bicubicDownscale(0)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> Degradation.gaussianBlur(-1)).hasMessageContaining("got -1.0");
        assertThatThrownBy(() -> Degradation.gaussianNoise(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Degradation.jpeg(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 100");
    }

    @Test
    void apply_leavesTheInputUntouched() {
        FloatImage image = TestImages.random(30, 30, 3, true, 10);
        FloatImage before = image.copy();
        Degradation all = Degradation.gaussianBlur(1).then(Degradation.gaussianNoise(0.1))
                .then(Degradation.jpeg(50)).then(Degradation.pixelate(0.5)).then(Degradation.bicubicDownscale(2));

        all.apply(image, new Random(1));

        assertThat(image.sameSamples(before)).isTrue();
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

    @Test
    void parse_chainOfSteps_appliesThemInOrder() {
        Degradation parsed = Degradation.parse("bicubic:2 + jpeg:90");
        FloatImage image = new FloatImage(40, 30, 3, false);

        assertThat(parsed.apply(image, new Random(1)).width()).isEqualTo(20);
        assertThat(parsed.toString()).contains("bicubic").contains("jpeg");
        assertThat(Degradation.parse("pixelate:0.4").toString()).isEqualTo(Degradation.pixelate(0.4).toString());
    }

    @Test
    void parse_badSpecs_sayWhatIsWrong() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Degradation.parse("sharpen:2"))
                .hasMessageContaining("unknown degradation 'sharpen'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Degradation.parse("blur"))
                .hasMessageContaining("has no value");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Degradation.parse("jpeg:high"))
                .hasMessageContaining("not a number");
    }

    @Test
    void parse_areaAndNone_shrinkByAveragingAndCopy() {
        FloatImage image = new FloatImage(6, 4, 1, false);
        for (int i = 0; i < image.colorData().length; i++) {
            image.colorData()[i] = i / 24f;
        }

        FloatImage area = Degradation.parse("area:2").apply(image, new Random(1));
        FloatImage same = Degradation.parse("none").apply(image, new Random(1));

        assertThat(area.width()).isEqualTo(3);
        assertThat(area.height()).isEqualTo(2);
        // the mean of the top-left 2x2 block: pixels 0, 1, 6, 7
        assertThat(area.get(0, 0, 0)).isCloseTo((0 + 1 + 6 + 7) / 4f / 24f, within(1e-6f));
        assertThat(same.colorData()).containsExactly(image.colorData());
        assertThat(same).isNotSameAs(image);
        assertThat(Degradation.parse("none+jpeg:90").apply(image, new Random(1)).width()).isEqualTo(6);
    }

    @Test
    void parse_mixture_picksEachChoiceByItsWeight_reproducibly() {
        FloatImage image = TestImages.constant(8, 8, 1, 0.5f);
        // 'none' returns the image unchanged, 'noise' changes it: count which one each call chose
        Degradation mix = Degradation.parse("3*none | 1*noise:0.1");
        Random random = new Random(5);
        int noisy = 0;
        for (int i = 0; i < 4000; i++) {
            if (!mix.apply(image, random).sameSamples(image)) {
                noisy++;
            }
        }
        assertThat(noisy / 4000.0).isCloseTo(0.25, within(0.03));
        assertThat(mix.apply(image, new Random(9)).sameSamples(mix.apply(image, new Random(9)))).isTrue();
        assertThat(mix.toString()).contains("mixture(").contains("3.0*");
        // without weights the choices are equally likely
        Degradation even = Degradation.parse("none|noise:0.1");
        int evenNoisy = 0;
        for (int i = 0; i < 4000; i++) {
            evenNoisy += even.apply(image, random).sameSamples(image) ? 0 : 1;
        }
        assertThat(evenNoisy / 4000.0).isCloseTo(0.5, within(0.03));
    }

    @Test
    void parse_ranges_drawEachImagesValueWithinTheRange() {
        FloatImage image = TestImages.constant(100, 100, 1, 0.5f);
        Degradation noise = Degradation.parse("noise:0.01..0.05");
        Random random = new Random(11);
        double lowest = 1;
        double highest = 0;
        for (int i = 0; i < 60; i++) {
            double sigma = Math.sqrt(variance(noise.apply(image, random).colorData()));
            lowest = Math.min(lowest, sigma);
            highest = Math.max(highest, sigma);
        }
        assertThat(lowest).isGreaterThan(0.0095).isLessThan(0.015);
        assertThat(highest).isLessThan(0.0505).isGreaterThan(0.045);

        // whole JPEG qualities, both ends included: each draw equals one of jpeg:20, jpeg:21, jpeg:22
        FloatImage smooth = TestImages.smooth(32, 24);
        Degradation jpeg = Degradation.parse("jpeg:20..22");
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            FloatImage out = jpeg.apply(smooth, random);
            for (int q = 20; q <= 22; q++) {
                if (out.sameSamples(Degradation.jpeg(q).apply(smooth, new Random(0)))) {
                    seen.add(q);
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(20, 21, 22);
        assertThat(jpeg.toString()).isEqualTo("jpeg(20..22)");
    }

    @Test
    void parse_badMixturesAndRanges_sayWhatIsWrong() {
        assertThatThrownBy(() -> Degradation.parse("blur:1|"))
                .hasMessageContaining("an empty choice");
        assertThatThrownBy(() -> Degradation.parse("x*blur:1|none"))
                .hasMessageContaining("weight 'x'").hasMessageContaining("not a number");
        assertThatThrownBy(() -> Degradation.parse("0*blur:1|none"))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Degradation.parse("blur:3..1"))
                .hasMessageContaining("minimum is above its maximum");
        assertThatThrownBy(() -> Degradation.parse("bicubic:2..4"))
                .hasMessageContaining("only pixelate, blur, noise and jpeg take");
        assertThatThrownBy(() -> Degradation.parse("jpeg:0..50"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> Degradation.parse("noise:0.1..x"))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> Degradation.mixture(java.util.List.of(Degradation.none()), java.util.List.of()))
                .hasMessageContaining("one weight per damage");
    }
}
