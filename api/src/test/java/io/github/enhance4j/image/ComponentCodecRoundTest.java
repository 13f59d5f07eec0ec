package io.github.enhance4j.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ComponentCodec#round} must be {@link Math#round(float)} wherever a sample can fall. */
class ComponentCodecRoundTest {

    @Test
    void round_equalsMathRoundForEveryFloatFromZeroTo65535() {
        int end = Float.floatToIntBits(65535f);
        long mismatches = 0;
        float first = Float.NaN;
        for (int bits = 0; bits <= end; bits++) {
            float v = Float.intBitsToFloat(bits);
            if (ComponentCodec.round(v) != Math.round(v)) {
                mismatches++;
                first = Float.isNaN(first) ? v : first;
            }
        }
        assertThat(mismatches).as("mismatches, the first at %s", first).isZero();
    }

    @Test
    void round_handlesTheFloatsWhereAddingOneHalfRoundsUp() {
        assertThat(ComponentCodec.round(0.49999997f)).isZero();
        assertThat(ComponentCodec.round(0.5f)).isEqualTo(1);
        assertThat(ComponentCodec.round(254.49998f)).isEqualTo(254);
        assertThat(ComponentCodec.round(255f)).isEqualTo(255);
    }
}
