package io.github.enhance4j.training;

import io.github.enhance4j.image.FloatImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationTest {

    /** cv2.resize(ramp 0..249, (80, 1), interpolation=INTER_NEAREST) with OpenCV 4.6, first 20 values. */
    private static final int[] OPENCV_250_TO_80 = {0, 3, 6, 9, 12, 15, 18, 21, 25, 28, 31, 34, 37, 40, 43, 46, 50, 53,
        56, 59};

    @Test
    void seedInput_samplesPixelsAsOpenCvsNearestResize_likeTheReferenceScript() {
        FloatImage ramp = new FloatImage(250, 250, 3, false);
        for (int y = 0; y < 250; y++) {
            for (int x = 0; x < 250; x++) {
                for (int c = 0; c < 3; c++) {
                    ramp.set(c, x, y, (x + 1000 * y) / 1e6f);
                }
            }
        }

        FloatImage seed = Evaluation.seedInput(ramp);

        assertThat(seed.width()).isEqualTo(80);
        assertThat(seed.height()).isEqualTo(80);
        for (int i = 0; i < OPENCV_250_TO_80.length; i++) {
            assertThat(seed.get(0, i, 0) * 1e6f).isCloseTo(OPENCV_250_TO_80[i], org.assertj.core.data.Offset.offset(0.01f));
            assertThat(seed.get(2, 0, i) * 1e6f).isCloseTo(1000f * OPENCV_250_TO_80[i],
                    org.assertj.core.data.Offset.offset(0.1f));
        }
        assertThat(seed.get(1, 79, 79) * 1e6f).isCloseTo(246 + 1000 * 246, org.assertj.core.data.Offset.offset(0.1f));
    }

    @Test
    void seedInput_makesGreyImagesRgb() {
        FloatImage grey = new FloatImage(100, 90, 1, false);
        java.util.Arrays.fill(grey.colorData(), 0.25f);

        FloatImage seed = Evaluation.seedInput(grey);

        assertThat(seed.channels()).isEqualTo(3);
        assertThat(seed.get(2, 40, 40)).isEqualTo(0.25f);
    }
}
