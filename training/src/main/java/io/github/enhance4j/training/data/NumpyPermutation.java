package io.github.enhance4j.training.data;

/**
 * The permutation that NumPy's legacy {@code numpy.random.RandomState(seed).permutation(n)} returns, bit for bit:
 * a Mersenne Twister (MT19937) seeded as NumPy seeds it from an integer, and a Fisher-Yates shuffle that draws
 * each index by rejection sampling under a bit mask, as NumPy's {@code random_interval} does. The seed recipe's
 * reference ({@code shared/tools/seed_reference.py}) splits LFW with exactly this call, so the same seed picks the
 * same validation images here.
 */
final class NumpyPermutation {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int position;

    private NumpyPermutation(long seed) {
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int previous = state[i - 1];
            state[i] = 1812433253 * (previous ^ (previous >>> 30)) + i;
        }
        position = N;
    }

    /**
     * A permutation of {@code 0..n-1}.
     *
     * @param seed 0 to 2<sup>32</sup> - 1, the range NumPy accepts
     */
    static int[] of(int n, long seed) {
        if (seed < 0 || seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("seed must be 0 to 4294967295 (as NumPy's RandomState), got " + seed);
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        NumpyPermutation random = new NumpyPermutation(seed);
        for (int i = n - 1; i >= 1; i--) {
            int j = random.nextAtMost(i);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }

    /** Uniform in {@code 0..max}: draws under the smallest all-ones mask that covers {@code max}, rejecting above. */
    private int nextAtMost(int max) {
        int mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        int value;
        do {
            value = nextInt() & mask;
        } while (value > max);
        return value;
    }

    private int nextInt() {
        if (position >= N) {
            regenerate();
        }
        int y = state[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void regenerate() {
        for (int k = 0; k < N; k++) {
            int y = (state[k] & UPPER_MASK) | (state[(k + 1) % N] & LOWER_MASK);
            state[k] = state[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        position = 0;
    }
}
