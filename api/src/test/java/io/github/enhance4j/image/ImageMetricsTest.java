package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ImageMetricsTest {

    @Test
    void psnrAndSsim_identicalImages_areInfiniteAndOne() {
        FloatImage image = TestImages.random(32, 24, 3, false, 1);

        assertThat(ImageMetrics.psnr(image, image.copy(), 2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ImageMetrics.psnrY(image, image.copy(), 2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ImageMetrics.ssim(image, image.copy(), 2)).isCloseTo(1.0, within(1e-12));
        assertThat(ImageMetrics.ssimY(image, image.copy(), 2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void psnr_uniformError_matchesFormula() {
        FloatImage a = TestImages.constant(10, 10, 3, 0.5f);
        FloatImage b = TestImages.constant(10, 10, 3, 0.6f);

        // MSE = 0.01, peak 1: 20 dB; in studio luma the error is 0.1 * 219 levels
        assertThat(ImageMetrics.psnr(a, b, 0)).isCloseTo(20.0, within(1e-4));
        assertThat(ImageMetrics.psnrY(a, b, 0)).isCloseTo(20 * Math.log10(255 / 21.9), within(1e-4));
    }

    @Test
    void psnr_shave_ignoresTheBorder() {
        FloatImage a = TestImages.random(20, 20, 1, false, 2);
        FloatImage b = a.copy();
        for (int i = 0; i < 20; i++) {
            b.set(0, i, 0, 1 - b.get(0, i, 0));
            b.set(0, 0, i, 1 - b.get(0, 0, i));
        }

        assertThat(ImageMetrics.psnr(a, b, 0)).isFinite();
        assertThat(ImageMetrics.psnr(a, b, 1)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void ssim_degradedImage_dropsBelowOneInOrder() {
        FloatImage image = TestImages.smooth(64, 64);
        FloatImage slightly = Degradation.gaussianNoise(0.01).apply(image, new java.util.Random(1));
        FloatImage badly = Degradation.gaussianNoise(0.1).apply(image, new java.util.Random(1));

        double slight = ImageMetrics.ssim(slightly, image, 0);
        double bad = ImageMetrics.ssim(badly, image, 0);

        assertThat(slight).isLessThan(1).isGreaterThan(bad);
        assertThat(ImageMetrics.ssimY(badly, image, 0)).isLessThan(ImageMetrics.ssimY(slightly, image, 0));
    }

    @Test
    void ssim_constantOffset_matchesClosedForm() {
        // flat images: variances and covariance vanish, so SSIM = (2 m1 m2 + C1) / (m1^2 + m2^2 + C1)
        FloatImage a = TestImages.constant(16, 16, 1, 100 / 255f);
        FloatImage b = TestImages.constant(16, 16, 1, 120 / 255f);
        double c1 = Math.pow(0.01 * 255, 2);

        double expected = (2 * 100 * 120 + c1) / (100 * 100 + 120 * 120 + c1);

        assertThat(ImageMetrics.ssim(a, b, 0)).isCloseTo(expected, within(1e-5));
    }

    @Test
    void metrics_sizeMismatch_namesBothSizes() {
        FloatImage a = TestImages.constant(20, 10, 3, 0f);
        FloatImage b = TestImages.constant(10, 20, 3, 0f);

        assertThatThrownBy(() -> ImageMetrics.psnr(a, b, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20x10x3")
                .hasMessageContaining("10x20x3");
        assertThatThrownBy(() -> ImageMetrics.ssimY(a, TestImages.constant(20, 10, 1, 0f), 0))
                .hasMessageContaining("20x10x1");
    }

    @Test
    void metrics_shaveTooLarge_isRejected() {
        FloatImage a = TestImages.constant(20, 10, 3, 0f);

        assertThatThrownBy(() -> ImageMetrics.psnr(a, a, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shave 5");
        assertThatThrownBy(() -> ImageMetrics.psnr(a, a, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ssim_imageSmallerThanWindow_isRejected() {
        FloatImage a = TestImages.constant(20, 12, 1, 0f);

        assertThatThrownBy(() -> ImageMetrics.ssim(a, a, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11x11");
    }
}
