package io.github.enhance4j.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The branch-free rounding that newer JDKs vectorise writes exactly the samples of the plain one, in every layout
 * (only one of the two runs where the tests run, so both are forced here).
 */
class BranchFreeRoundingTest {

    /** Values that test the rounding's edges: NaN, infinities, signed zero, halves and the float below 0.5. */
    private static float[] awkwardValues(int count, long seed) {
        Random r = new Random(seed);
        float[] v = new float[count];
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, 1f, -1e-9f,
            1.0000001f, 0.5f / 255f, 0.49999997f / 255f, Math.nextUp(0.49999997f / 255f), 127.5f / 255f,
            0.5f / 65535f, 0.49999997f / 65535f, 32767.5f / 65535f, Math.nextDown(1f)};
        for (int i = 0; i < count; i++) {
            v[i] = i < special.length ? special[i] : i % 7 == 0 ? (r.nextInt(511) + 0.5f) / 510f
                    : r.nextFloat() * 1.2f - 0.1f;
        }
        return v;
    }

    @Test
    void theBranchFreeSample_isThePlainOne_forEveryAwkwardValue() {
        for (float v : awkwardValues(20_000, 1)) {
            for (float max : new float[] {1f, 31f, 63f, 255f, 65535f}) {
                assertThat(SampleRows.unitBranchFree(v, max)).as("v=%s max=%s", v, max)
                        .isEqualTo(SampleRows.unit(v, max));
            }
        }
    }

    @Test
    void writingWithTheBranchFreeLoops_givesTheSameImage_inEveryLayout() {
        int w = 257;
        int h = 5;
        FloatImage source = new FloatImage(w, h, 3, true);
        float[] color = awkwardValues(3 * w * h, 2);
        System.arraycopy(color, 0, source.colorData(), 0, color.length);
        float[] alpha = awkwardValues(w * h, 3);
        System.arraycopy(alpha, 0, source.alphaData(), 0, alpha.length);
        boolean before = SampleRows.branchFree;
        try {
            for (Map.Entry<String, BiFunction<Integer, Integer, BufferedImage>> layout : TestLayouts.layouts()
                    .entrySet()) {
                SampleRows.branchFree = false;
                BufferedImage plain = layout.getValue().apply(w, h);
                Pixels.write(source, plain, 0, 0);
                SampleRows.branchFree = true;
                BufferedImage branchFree = layout.getValue().apply(w, h);
                Pixels.write(source, branchFree, 0, 0);

                assertThat(branchFree.getRaster().getPixels(0, 0, w, h, (int[]) null)).as(layout.getKey())
                        .containsExactly(plain.getRaster().getPixels(0, 0, w, h, (int[]) null));
            }
        } finally {
            SampleRows.branchFree = before;
        }
    }
}
