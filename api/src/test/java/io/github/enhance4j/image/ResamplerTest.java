package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResamplerTest {

    @ParameterizedTest
    @EnumSource(Resampler.class)
    void resize_sameSize_returnsSameValues(Resampler resampler) {
        FloatImage source = TestImages.random(13, 7, 3, true, 1);

        FloatImage result = resampler.resize(source, 13, 7);

        assertThat(result.sameSamples(source)).isTrue();
        assertThat(result).isNotSameAs(source);
    }

    @ParameterizedTest
    @EnumSource(Resampler.class)
    void resize_constantImage_staysConstant(Resampler resampler) {
        FloatImage source = TestImages.constant(23, 17, 3, 0.3f);

        for (int[] size : new int[][] {{7, 5}, {50, 41}, {23, 40}, {9, 17}}) {
            FloatImage result = resampler.resize(source, size[0], size[1]);

            assertThat(result.width()).isEqualTo(size[0]);
            assertThat(result.height()).isEqualTo(size[1]);
            // float weights sum to 1 only within rounding
            for (float v : result.colorData()) {
                assertThat(v).isCloseTo(0.3f, within(1e-6f));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Resampler.class)
    void resize_alpha_isResampledAlongsideColour(Resampler resampler) {
        FloatImage source = TestImages.random(20, 12, 1, true, 2);

        FloatImage result = resampler.resize(source, 31, 7);

        float[] expectedAlpha = new float[31 * 7];
        resampler.resizePlane(source.alphaData(), 20, 12, expectedAlpha, 31, 7);
        FloatImage.clamp(expectedAlpha);
        assertThat(result.hasAlpha()).isTrue();
        assertThat(result.alphaData()).containsExactly(expectedAlpha);
    }

    @ParameterizedTest
    @EnumSource(Resampler.class)
    void resize_overshootingFilter_clampsToUnitRange(Resampler resampler) {
        FloatImage source = TestImages.random(9, 9, 3, false, 3);

        FloatImage result = resampler.resize(source, 40, 40);

        for (float v : result.colorData()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void resizePlane_bicubic_doesNotClamp() {
        float[] step = {0, 0, 0, 1, 1, 1};
        float[] out = new float[15];

        Resampler.BICUBIC.resizePlane(step, 6, 1, out, 15, 1);

        // Keys' cubic overshoots on both sides of a step; clamping is resize's job, not resizePlane's
        assertThat(min(out)).isNegative();
        assertThat(max(out)).isGreaterThan(1f);
    }

    @Test
    void resizePlane_bicubicOnLinearRamp_preservesRampInInterior() {
        int sw = 40;
        int dw = 100;
        float[] ramp = new float[sw];
        for (int i = 0; i < sw; i++) {
            ramp[i] = i;
        }
        float[] out = new float[dw];

        Resampler.BICUBIC.resizePlane(ramp, sw, 1, out, dw, 1);

        // pixel-centre mapping: target x (0-based) samples source position (x + 0.5) * sw / dw - 0.5
        for (int x = 5; x < dw - 5; x++) {
            assertThat(out[x]).as("x = %d", x).isCloseTo((float) ((x + 0.5) * sw / dw - 0.5), within(1e-4f));
        }
    }

    @Test
    void resizePlane_bilinearHalving_weighsFourSamplesOneThreeThreeOne() {
        float[] row = {0.8f, 0.1f, 0.5f, 0.3f, 0.9f, 0.2f, 0.6f, 0.4f};
        float[] out = new float[4];

        Resampler.BILINEAR.resizePlane(row, 8, 1, out, 4, 1);

        // MATLAB's imresize(row, 0.5, 'bilinear'): the triangle stretched to twice its width; the left edge repeats
        assertThat(out[0]).isCloseTo((0.8f * 4 + 0.1f * 3 + 0.5f) / 8, within(1e-6f));
        assertThat(out[1]).isCloseTo((0.1f + 0.5f * 3 + 0.3f * 3 + 0.9f) / 8, within(1e-6f));
        assertThat(out[2]).isCloseTo((0.3f + 0.9f * 3 + 0.2f * 3 + 0.6f) / 8, within(1e-6f));
        assertThat(out[3]).isCloseTo((0.2f + 0.6f * 3 + 0.4f * 4) / 8, within(1e-6f));
    }

    @Test
    void resizePlane_bilinearEnlargingARamp_interpolatesBetweenPixelCentres() {
        int sw = 10;
        int dw = 37;
        float[] ramp = new float[sw];
        for (int i = 0; i < sw; i++) {
            ramp[i] = i;
        }
        float[] out = new float[dw];

        Resampler.BILINEAR.resizePlane(ramp, sw, 1, out, dw, 1);

        for (int x = 2; x < dw - 2; x++) {
            assertThat(out[x]).as("x = %d", x).isCloseTo((float) ((x + 0.5) * sw / dw - 0.5), within(1e-5f));
        }
        // past the last centre the symmetric border holds the edge value
        assertThat(out[dw - 1]).isCloseTo(sw - 1, within(1e-5f));
    }

    @Test
    void resizePlane_nearest_usesPixelCentres() {
        float[] row = {10, 20, 30, 40, 50};
        float[] up = new float[8];
        float[] down = new float[2];

        Resampler.NEAREST.resizePlane(row, 5, 1, up, 8, 1);
        Resampler.NEAREST.resizePlane(row, 5, 1, down, 2, 1);

        // floor((x + 0.5) * 5 / 8) = 0 0 1 2 2 3 4 4 ; floor((x + 0.5) * 5 / 2) = 1 3
        assertThat(up).containsExactly(10, 10, 20, 30, 30, 40, 50, 50);
        assertThat(down).containsExactly(20, 40);
    }

    @Test
    void resizePlane_lanczos3_shrinksWithAntialiasing() {
        float[] stripes = new float[64];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = i % 2;
        }
        float[] out = new float[16];

        Resampler.LANCZOS3.resizePlane(stripes, 64, 1, out, 16, 1);

        // a one-pixel stripe pattern is far above the new Nyquist limit: it must average out to grey
        for (int x = 2; x < 14; x++) {
            assertThat(out[x]).isCloseTo(0.5f, within(0.01f));
        }
    }

    @Test
    void scale_roundsTheSize() {
        FloatImage source = TestImages.random(15, 10, 3, false, 4);

        FloatImage result = Resampler.BICUBIC.scale(source, 1 / 3.0);

        assertThat(result.width()).isEqualTo(5);
        assertThat(result.height()).isEqualTo(3);
    }

    @Test
    void resize_invalidSize_isRejected() {
        FloatImage source = TestImages.random(4, 4, 1, false, 5);

        assertThatThrownBy(() -> Resampler.AREA.resize(source, 0, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x4");
    }

    @Test
    void resizePlane_shortBuffer_isRejected() {
        assertThatThrownBy(() -> Resampler.AREA.resizePlane(new float[10], 4, 4, new float[4], 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4x4");
    }

    private static float min(float[] values) {
        float m = Float.POSITIVE_INFINITY;
        for (float v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
