package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class YCbCrTest {

    @Test
    void fromRgb_primaries_giveJpegValues() {
        FloatImage red = TestImages.constant(1, 1, 3, 0f);
        red.set(0, 0, 0, 1f);

        FloatImage ycc = YCbCr.fromRgb(red);

        assertThat(ycc.get(0, 0, 0)).isCloseTo(0.299f, within(1e-6f));
        assertThat(ycc.get(1, 0, 0)).isCloseTo(0.5f - 0.168736f, within(1e-6f));
        assertThat(ycc.get(2, 0, 0)).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void toRgb_ofFromRgb_returnsTheImage() {
        FloatImage rgb = TestImages.random(17, 11, 3, true, 1);

        FloatImage back = YCbCr.toRgb(YCbCr.fromRgb(rgb));

        assertThat(back.colorData()).containsExactly(rgb.colorData(), within(1e-5f));
        assertThat(back.alphaData()).containsExactly(rgb.alphaData());
    }

    @Test
    void fromRgb_greyImage_hasNeutralChroma() {
        FloatImage grey = TestImages.random(5, 4, 1, false, 2);

        FloatImage ycc = YCbCr.fromRgb(grey);

        assertThat(ycc.channels()).isEqualTo(3);
        assertThat(YCbCr.luma(grey)).containsExactly(grey.colorData());
        for (int i = 0; i < 20; i++) {
            assertThat(ycc.colorData()[i]).isEqualTo(grey.colorData()[i]);
            assertThat(ycc.colorData()[20 + i]).isEqualTo(0.5f);
            assertThat(ycc.colorData()[40 + i]).isEqualTo(0.5f);
        }
    }

    @Test
    void toRgb_greyImage_isRejected() {
        assertThatThrownBy(() -> YCbCr.toRgb(TestImages.constant(2, 2, 1, 0f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("three planes");
    }

    @Test
    void studioLuma255_spansSixteenTo235() {
        FloatImage blackAndWhite = TestImages.constant(2, 1, 3, 0f);
        for (int c = 0; c < 3; c++) {
            blackAndWhite.set(c, 1, 0, 1f);
        }

        double[] y = YCbCr.studioLuma255(blackAndWhite);

        assertThat(y).containsExactly(new double[] {16, 235}, within(1e-6));
    }

    @Test
    void studioLuma255_greyImage_isItsOwnLuma() {
        FloatImage grey = TestImages.constant(1, 1, 1, 0.5f);

        assertThat(YCbCr.studioLuma255(grey)).containsExactly(127.5);
    }
}
