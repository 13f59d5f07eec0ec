package io.github.enhance4j.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roundings that JDKs vectorise (branch-free for JDK 21+, the magic number for JDK 17) write exactly the samples
 * of the plain one, in every layout (only one of them runs where the tests run, so each is forced here).
 */
class VectorRoundingTest {

    private static final float[] MAXES = {1f, 15f, 31f, 63f, 255f, 1023f, 65535f, 4194303f, 4194304f, 16777215f};

    /** Values that test the rounding's edges: NaN, infinities, signed zero, halves and the float below 0.5. */
    private static float[] awkwardValues(int count, long seed) {
        Random r = new Random(seed);
        float[] v = new float[count];
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, 1f, -1e-9f,
            1.0000001f, 0.5f / 255f, 0.49999997f / 255f, Math.nextUp(0.49999997f / 255f), 127.5f / 255f,
            0.5f / 65535f, 0.49999997f / 65535f, 32767.5f / 65535f, Math.nextDown(1f), Float.MIN_VALUE,
            -Float.MIN_VALUE, Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000)};
        for (int i = 0; i < count; i++) {
            v[i] = i < special.length ? special[i] : i % 7 == 0 ? (r.nextInt(511) + 0.5f) / 510f
                    : i % 11 == 0 ? (r.nextInt(131071) + 0.5f) / 131070f : r.nextFloat() * 1.2f - 0.1f;
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
    void theMagicNumberSamples_areThePlainOnes_forAwkwardValuesAndASweepOfAllFloats() {
        MagicRounding magic = MagicRounding.forThisThread();
        float[] awkward = awkwardValues(20_000, 4);
        // every 1021st bit pattern of the 2^32 floats, in rows of 4096 at an odd offset
        int rowLength = 4096;
        float[] row = new float[rowLength + 3];
        int[] out = new int[rowLength];
        for (float max : MAXES) {
            magic.round(awkward, 0, max, out, 0);
            for (int start = 0; start < awkward.length; start += rowLength) {
                int n = Math.min(rowLength, awkward.length - start);
                magic.round(awkward, start, max, out, n);
                for (int i = 0; i < n; i++) {
                    assertThat(out[i]).as("v=%s max=%s", awkward[start + i], max)
                            .isEqualTo(SampleRows.unit(awkward[start + i], max));
                }
            }
            long bits = 0;
            while (bits <= 0xFFFFFFFFL) {
                int n = 0;
                for (; n < rowLength && bits <= 0xFFFFFFFFL; n++, bits += 1021) {
                    row[3 + n] = Float.intBitsToFloat((int) bits);
                }
                magic.round(row, 3, max, out, n);
                for (int i = 0; i < n; i++) {
                    if (out[i] != SampleRows.unit(row[3 + i], max)) {
                        assertThat(out[i]).as("v=%s (bits %08x) max=%s", row[3 + i],
                                Float.floatToRawIntBits(row[3 + i]), max).isEqualTo(SampleRows.unit(row[3 + i], max));
                    }
                }
            }
        }
    }

    @Test
    void writingWithEachRounding_givesTheSameImage_inEveryLayout() {
        int w = 257;
        int h = 5;
        FloatImage source = new FloatImage(w, h, 3, true);
        float[] color = awkwardValues(3 * w * h, 2);
        System.arraycopy(color, 0, source.colorData(), 0, color.length);
        float[] alpha = awkwardValues(w * h, 3);
        System.arraycopy(alpha, 0, source.alphaData(), 0, alpha.length);
        SampleRows.Rounding before = SampleRows.rounding;
        try {
            for (Map.Entry<String, BiFunction<Integer, Integer, BufferedImage>> layout : TestLayouts.layouts()
                    .entrySet()) {
                SampleRows.rounding = SampleRows.Rounding.PLAIN;
                BufferedImage plain = layout.getValue().apply(w, h);
                Pixels.write(source, plain, 0, 0);
                int[] expected = plain.getRaster().getPixels(0, 0, w, h, (int[]) null);
                for (SampleRows.Rounding rounding : SampleRows.Rounding.values()) {
                    SampleRows.rounding = rounding;
                    BufferedImage written = layout.getValue().apply(w, h);
                    Pixels.write(source, written, 0, 0);

                    assertThat(written.getRaster().getPixels(0, 0, w, h, (int[]) null))
                            .as(layout.getKey() + " " + rounding).containsExactly(expected);
                }
            }
        } finally {
            SampleRows.rounding = before;
        }
    }
}
