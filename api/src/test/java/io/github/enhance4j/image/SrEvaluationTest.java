package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SrEvaluationTest {

    @Test
    void modcrop_cropsRightAndBottomToAMultiple() {
        FloatImage image = TestImages.random(11, 7, 3, true, 1);

        FloatImage cropped = SrEvaluation.modcrop(image, 3);

        assertThat(cropped.width()).isEqualTo(9);
        assertThat(cropped.height()).isEqualTo(6);
        assertThat(cropped.get(2, 8, 5)).isEqualTo(image.get(2, 8, 5));
        assertThat(cropped.alpha(8, 5)).isEqualTo(image.alpha(8, 5));
    }

    @Test
    void bicubicDegrade_isEightBitAtOneOverScale() {
        FloatImage image = TestImages.smooth(50, 31);

        FloatImage lr = SrEvaluation.bicubicDegrade(image, 4);

        assertThat(lr.width()).isEqualTo(12);
        assertThat(lr.height()).isEqualTo(7);
        for (float v : lr.colorData()) {
            assertThat(v * 255).isEqualTo((float) Math.round(v * 255));
        }
    }

    @Test
    void quantize8Bit_roundsHalvesUpAndSaturates() {
        FloatImage image = new FloatImage(4, 1, 1, new float[] {-0.2f, 0.5f / 255, 1.49f / 255, 1.3f}, null);

        SrEvaluation.quantize8Bit(image);

        assertThat(image.colorData()).containsExactly(0f, 1f / 255, 1f / 255, 1f);
    }

    @Test
    void studioLuma8Bit_roundsMatlabLuma() {
        FloatImage rgb = TestImages.constant(1, 1, 3, 0.5f);

        FloatImage y = SrEvaluation.studioLuma8Bit(rgb);

        // 16 + 219 * 0.5 = 125.5, rounded up as uint8() does
        assertThat(y.channels()).isEqualTo(1);
        assertThat(y.get(0, 0, 0) * 255).isEqualTo(126f);
    }

    @Test
    void bicubicLumaBaseline_sizeNotDivisible_isRejected() {
        FloatImage luma = TestImages.constant(10, 9, 1, 0.5f);

        assertThatThrownBy(() -> SrEvaluation.bicubicLumaBaseline(luma, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("divisible by 2");
    }
}
