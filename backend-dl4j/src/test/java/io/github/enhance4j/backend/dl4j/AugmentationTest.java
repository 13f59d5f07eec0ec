package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.image.FloatImage;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AugmentationTest {

    @Test
    void apply_keepsTheSize_isSeeded_andVaries() {
        FloatImage face = TestData.image(80, 80, 3);

        FloatImage a = Augmentation.apply(face, new Random(5));
        FloatImage b = Augmentation.apply(face, new Random(5));
        FloatImage c = Augmentation.apply(face, new Random(6));

        assertThat(a.width()).isEqualTo(80);
        assertThat(a.height()).isEqualTo(80);
        assertThat(a.colorData()).containsExactly(b.colorData());
        assertThat(a.colorData()).isNotEqualTo(c.colorData());
        assertThat(face.colorData()).containsExactly(TestData.image(80, 80, 3).colorData());
    }

    @Test
    void apply_flatGrey_staysFlatWithinTheBrightnessAndContrastRange() {
        FloatImage grey = new FloatImage(40, 30, 3, false);
        java.util.Arrays.fill(grey.colorData(), 0.5f);

        for (int seed = 0; seed < 20; seed++) {
            float[] v = Augmentation.apply(grey, new Random(seed)).colorData();
            for (float x : v) {
                assertThat(x).isCloseTo(v[0], within(1e-5f)).isBetween(0.5f * 0.9f - 1e-5f, 0.5f * 1.1f + 1e-5f);
            }
        }
    }

    @Test
    void apply_brightImage_isClampedToOne() {
        FloatImage white = new FloatImage(16, 16, 1, false);
        java.util.Arrays.fill(white.colorData(), 1f);

        for (int seed = 0; seed < 10; seed++) {
            for (float x : Augmentation.apply(white, new Random(seed)).colorData()) {
                assertThat(x).isBetween(0f, 1f);
            }
        }
    }
}
