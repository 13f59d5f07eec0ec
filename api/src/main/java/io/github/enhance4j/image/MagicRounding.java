package io.github.enhance4j.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * {@link SampleRows#unit}, a row at a time, in loops that JDK 17's C2 turns into vector instructions although it
 * vectorises no float-to-int cast: the conversion is done with the "magic number" instead. Adding 1.5 · 2²³ to a
 * float of 0 to 2²² leaves a float whose spacing is 1, whose low mantissa bits are therefore the integer it was
 * rounded to; reading those bits needs no conversion, only a copy of the floats' bytes as ints (a bulk copy through
 * a byte buffer, which is a memory copy).
 *
 * <p>The sample is exactly {@link SampleRows#unit}'s for every float: {@code u = min(max(v, 0), 1) * max +
 * 0.49999997f} as in {@link SampleRows#unitBranchFree}, then {@code floor(u)}, made from {@code u}'s rounding to the
 * nearest integer {@code f} minus one where that went up ({@code f - u > 0}, a difference Sterbenz's lemma makes exact
 * and at least 2⁻²⁴, so scaling it by 2²⁴ and clamping to 1 gives exactly 0 or 1). NaN gives a float outside the
 * magic range, whose bits are mapped to 0, as the plain rounding maps NaN. Checked against the plain rounding for
 * every 1021st float bit pattern and awkward values, for ten sample maxima ({@code VectorRoundingTest}), and, while
 * writing it, for every 61st pattern and five maxima.
 *
 * <p>Measured on this project's 2-core machine, JDK 17, a row of 2048 INT_RGB pixels (a throwaway harness, alternating
 * rounds): 1.3 ns a pixel against 2.5 for the plain loop. JDK 21 and later vectorise {@link SampleRows#unitBranchFree}
 * directly, which is faster there (1.1 against 1.4), so {@link SampleRows#rounding} picks this class on older JDKs only.
 *
 * <p>One instance per thread ({@link #forThisThread}): it holds the scratch rows, grown to the widest row seen.
 */
final class MagicRounding {

    /** 1.5 · 2²³: floats from 2²³ to 2²⁴ are spaced by 1, and this one sits with 2²² of room on either side. */
    private static final float MAGIC = 12582912f;
    private static final int MAGIC_BITS = Float.floatToRawIntBits(MAGIC);
    /** The biased exponent of every float from 2²³ to 2²⁴; a NaN (or anything else) has another. */
    private static final int MAGIC_EXPONENT = MAGIC_BITS >>> 23;
    /** The float below 0.5: adding it and truncating is {@link ComponentCodec#round}'s rounding. */
    private static final float BELOW_HALF = 0.49999997f;
    private static final float TWO_TO_24 = 16777216f;
    /** Sample maxima must stay below 2²²: MAGIC + 2²² is 2²⁴, where the spacing of floats doubles. */
    static final float SAMPLE_LIMIT = 4194304f;

    private static final ThreadLocal<MagicRounding> PER_THREAD = ThreadLocal.withInitial(MagicRounding::new);

    private float[] row = new float[0];
    private float[] biased = new float[0];
    private FloatBuffer floats;
    private IntBuffer ints;
    private final int[][] samples = new int[4][0];
    private int[] packed = new int[0];

    private MagicRounding() {
    }

    static MagicRounding forThisThread() {
        return PER_THREAD.get();
    }

    /** Scratch ints for band {@code band} (0 to 3) of a row, at least {@code width} long; valid until the next call. */
    int[] samples(int band, int width) {
        if (samples[band].length < width) {
            samples[band] = new int[width];
        }
        return samples[band];
    }

    /** Scratch ints for packed pixels, at least {@code width} long. */
    int[] packed(int width) {
        if (packed.length < width) {
            packed = new int[width];
        }
        return packed;
    }

    /** {@code out[i] = SampleRows.unit(plane[offset + i], max)} for {@code i < width}. */
    void round(float[] plane, int offset, float max, int[] out, int width) {
        if (!(max < SAMPLE_LIMIT)) {
            // samples wider than 22 bits (custom packed layouts only): beyond the magic number's room
            for (int i = 0; i < width; i++) {
                out[i] = SampleRows.unit(plane[offset + i], max);
            }
            return;
        }
        if (row.length < width) {
            row = new float[width];
            biased = new float[width];
            ByteBuffer bytes = ByteBuffer.allocate(4 * width).order(ByteOrder.nativeOrder());
            floats = bytes.asFloatBuffer();
            ints = bytes.asIntBuffer();
        }
        // a loop reading at one offset and writing at another is not vectorised by JDK 17: copy to offset 0 first
        System.arraycopy(plane, offset, row, 0, width);
        bias(row, max, biased, width);
        floats.clear();
        floats.put(biased, 0, width);
        ints.clear();
        ints.get(out, 0, width);
        unbias(out, width);
    }

    /** {@code z[i] = MAGIC + floor(clamp(v[i]) * max + 0.49999997f)}, computed in floats. */
    private static void bias(float[] v, float max, float[] z, int n) {
        for (int i = 0; i < n; i++) {
            float u = Math.min(Math.max(v[i], 0f), 1f) * max + BELOW_HALF;
            float nearest = (u + MAGIC) - MAGIC;
            float floor = nearest - Math.min(Math.max(nearest - u, 0f) * TWO_TO_24, 1f);
            z[i] = floor + MAGIC;
        }
    }

    /** The integer in each biased float's bits; 0 where the float is not in the magic range (NaN). */
    private static void unbias(int[] z, int n) {
        for (int i = 0; i < n; i++) {
            int bits = z[i];
            z[i] = (bits - MAGIC_BITS) & ((((bits >>> 23) ^ MAGIC_EXPONENT) - 1) >> 31);
        }
    }
}
