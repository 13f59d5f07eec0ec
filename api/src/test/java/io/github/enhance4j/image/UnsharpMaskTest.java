package io.github.enhance4j.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UnsharpMaskTest {

    @Test
    void flatImage_staysFlat_andAnEdgeGetsSteeper() {
        FloatImage flat = new FloatImage(16, 16, 3, false);
        java.util.Arrays.fill(flat.colorData(), 0.4f);
        for (float v : UnsharpMask.defaults().apply(flat).colorData()) {
            assertThat(v).isCloseTo(0.4f, within(1e-6f));
        }

        FloatImage edge = new FloatImage(16, 4, 1, false);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 16; x++) {
                edge.set(0, x, y, x < 8 ? 0.3f : 0.7f);
            }
        }
        FloatImage sharp = UnsharpMask.defaults().apply(edge);
        // overshoot on both sides of the edge, untouched far from it
        assertThat(sharp.get(0, 7, 1)).isLessThan(0.3f);
        assertThat(sharp.get(0, 8, 1)).isGreaterThan(0.7f);
        assertThat(sharp.get(0, 1, 1)).isCloseTo(0.3f, within(1e-4f));
    }

    @Test
    void badAmount_isRefused() {
        assertThatThrownBy(() -> UnsharpMask.of(1, 0)).hasMessageContaining("amount");
    }
}
