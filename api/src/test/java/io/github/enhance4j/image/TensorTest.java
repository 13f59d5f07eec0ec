package io.github.enhance4j.image;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TensorTest {

    private static FloatBuffer direct(float... values) {
        FloatBuffer b = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        b.put(values).rewind();
        return b;
    }

    @Test
    void aTensorOverABuffer_readsRowsFromIt_withoutTouchingItsPosition() {
        FloatBuffer buffer = direct(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        Tensor t = Tensor.over(new int[] {1, 3, 2, 2}, buffer);

        float[] row = new float[4];
        t.read(4, row, 1, 3);

        assertThat(row).containsExactly(0, 4, 5, 6);
        assertThat(t.size()).isEqualTo(12);
        assertThat(buffer.position()).isZero();
        assertThat(t.image(0).colorData()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void aTensorOverABuffer_startsAtItsPosition_andCopiesItsValuesOutOnce() {
        FloatBuffer buffer = direct(-1, -2, 1, 2, 3, 4, 99);
        buffer.position(2);
        Tensor t = Tensor.over(new int[] {1, 1, 2, 2}, buffer);

        float[] data = t.data();
        buffer.put(2, 42f); // the buffer changes later: the copy already made is what data() keeps returning

        assertThat(data).containsExactly(1, 2, 3, 4);
        assertThat(t.data()).isSameAs(data);
        float[] first = new float[1];
        t.read(0, first, 0, 1);
        assertThat(first[0]).isEqualTo(1f);
    }

    @Test
    void readsOutsideTheTensor_andBuffersTooSmallForTheShape_areRefused() {
        Tensor array = new Tensor(new int[] {2, 3}, new float[6]);
        Tensor over = Tensor.over(new int[] {2, 3}, direct(new float[8]));

        assertThatThrownBy(() -> array.read(4, new float[3], 0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> over.read(-1, new float[3], 0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> over.read(0, new float[2], 0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Tensor.over(new int[] {3, 3}, direct(new float[8])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 9 values")
                .hasMessageContaining("has 8");
        assertThatThrownBy(() -> Tensor.over(new int[] {0, 3}, direct(new float[8])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
