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
    @Test
    void zoomedPatch_isPatchSized_seeded_andVariesItsZoomFromCloseUpToWhole() {
        FloatImage ramp = new FloatImage(160, 160, 3, false); // grey ramp across: the crop's side shows in its range
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 160; y++) {
                for (int x = 0; x < 160; x++) {
                    ramp.set(c, x, y, 0.2f + 0.6f * x / 159f);
                }
            }
        }
        double smallest = 1;
        double largest = 0;
        for (int seed = 0; seed < 60; seed++) {
            FloatImage patch = Augmentation.zoomedPatch(ramp, 80, new Random(seed));
            assertThat(patch.width()).isEqualTo(80);
            assertThat(patch.height()).isEqualTo(80);
            assertThat(patch.colorData()).containsExactly(
                    Augmentation.zoomedPatch(ramp, 80, new Random(seed)).colorData());
            float min = 1;
            float max = 0;
            for (int x = 0; x < 80; x++) {
                min = Math.min(min, patch.get(1, x, 40));
                max = Math.max(max, patch.get(1, x, 40));
            }
            // the ramp rises 0.6 over 160 pixels: a crop of side s spans 0.6 s / 160, times contrast and brightness
            double span = (max - min) / 0.6;
            smallest = Math.min(smallest, span);
            largest = Math.max(largest, span);
        }
        assertThat(smallest).as("close-ups (80 of 160 pixels)").isLessThan(0.65);
        assertThat(largest).as("whole or nearly whole faces").isGreaterThan(0.9);
        assertThat(ramp.get(0, 0, 0)).isEqualTo(0.2f); // the source is not written
    }

    @Test
    void zoomedPatch_flatGrey_staysGreyWithinTheColourRange() {
        FloatImage grey = new FloatImage(120, 100, 3, false);
        java.util.Arrays.fill(grey.colorData(), 0.5f);

        for (int seed = 0; seed < 20; seed++) {
            FloatImage patch = Augmentation.zoomedPatch(grey, 64, new Random(seed));
            for (int c = 0; c < 3; c++) {
                float first = patch.get(c, 0, 0);
                assertThat(first).isBetween(0.5f * 0.8f * 0.95f - 1e-5f, 0.5f * 1.2f * 1.05f + 1e-5f);
                for (int i = 0; i < 64 * 64; i++) {
                    assertThat(patch.colorData()[c * 64 * 64 + i]).isCloseTo(first, within(1e-5f));
                }
            }
        }
    }

    @Test
    void zoomedPatch_imageSmallerThanThePatch_isRefusedWithBothSizes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Augmentation.zoomedPatch(new FloatImage(60, 90, 3, false), 64, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("60x90")
                .hasMessageContaining("64x64");
    }
}
