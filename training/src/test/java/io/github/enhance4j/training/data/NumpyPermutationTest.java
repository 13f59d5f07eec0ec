package io.github.enhance4j.training.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values printed by NumPy 2.4: {@code list(np.random.RandomState(seed).permutation(n))}. */
class NumpyPermutationTest {

    @Test
    void of_matchesNumpyForSmallSizes() {
        assertThat(NumpyPermutation.of(10, 32)).containsExactly(9, 1, 2, 8, 3, 0, 4, 6, 5, 7);
        assertThat(NumpyPermutation.of(7, 0)).containsExactly(6, 2, 1, 3, 0, 5, 4);
        assertThat(NumpyPermutation.of(5, 4_294_967_295L)).containsExactly(4, 1, 0, 2, 3);
    }

    @Test
    void of_matchesNumpyForLfwSize() {
        int[] permutation = NumpyPermutation.of(13_233, 32);

        assertThat(Arrays.copyOf(permutation, 8)).containsExactly(11626, 2515, 2142, 5198, 12183, 7142, 2690, 2483);
        assertThat(Arrays.copyOfRange(permutation, 13_230, 13_233)).containsExactly(9526, 9771, 10967);
        assertThat(Arrays.stream(permutation).sorted().toArray())
                .isEqualTo(java.util.stream.IntStream.range(0, 13_233).toArray());
    }

    @Test
    void of_edgeSizes() {
        assertThat(NumpyPermutation.of(0, 1)).isEmpty();
        assertThat(NumpyPermutation.of(1, 1)).containsExactly(0);
    }

    @Test
    void of_seedOutsideNumpysRange_isRefused() {
        assertThatThrownBy(() -> NumpyPermutation.of(3, -1)).hasMessageContaining("4294967295");
        assertThatThrownBy(() -> NumpyPermutation.of(3, 1L << 32)).hasMessageContaining("4294967295");
    }
}
