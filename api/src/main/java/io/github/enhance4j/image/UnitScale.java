package io.github.enhance4j.image;

/**
 * Tables of {@code v / (float) max} for every integer sample {@code v}, so that reads are a lookup and give
 * exactly the value the division would. The 8- and 16-bit tables are shared.
 */
final class UnitScale {

    private static final float[] EIGHT_BIT = table(255);
    private static final float[] SIXTEEN_BIT = table(65535);

    private UnitScale() {
    }

    /** The table for samples {@code 0..max}; {@code max} is at most 65535. */
    static float[] of(int max) {
        if (max == 255) {
            return EIGHT_BIT;
        }
        if (max == 65535) {
            return SIXTEEN_BIT;
        }
        return table(max);
    }

    private static float[] table(int max) {
        float[] values = new float[max + 1];
        for (int v = 0; v <= max; v++) {
            values[v] = v / (float) max;
        }
        return values;
    }
}
