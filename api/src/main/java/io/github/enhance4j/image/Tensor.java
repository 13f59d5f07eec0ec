package io.github.enhance4j.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense float tensor in row-major order, normally NCHW images. The shape is copied and immutable; the
 * data array is shared, not copied, so that backends can hand it to a runtime without copying.
 */
public final class Tensor {

    private final int[] shape;
    private final float[] data;

    /**
     * Wraps an array without copying it.
     *
     * @param shape the dimensions, each at least 1; copied
     * @param data  the values in row-major order, as many as the shape's product; shared
     */
    public Tensor(int[] shape, float[] data) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        this.shape = shape.clone();
        long size = 1;
        for (int d : this.shape) {
            if (d < 1) {
                throw new IllegalArgumentException("tensor dimensions must be positive, got " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size
                    + " values, data has " + data.length);
        }
        this.data = data;
    }

    /**
     * A zero-filled tensor.
     *
     * @param shape the dimensions, each at least 1
     * @return the tensor
     */
    public static Tensor zeros(int... shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor too large: " + Arrays.toString(shape));
        }
        return new Tensor(shape, new float[(int) Math.max(size, 0)]);
    }

    /** {@return the dimensions (a copy)} */
    public int[] shape() {
        return shape.clone();
    }

    /** {@return the number of dimensions} */
    public int rank() {
        return shape.length;
    }

    /**
     * One dimension.
     *
     * @param i the dimension's index, 0 to {@link #rank()} - 1
     * @return its size
     */
    public int dim(int i) {
        return shape[i];
    }

    /** {@return the backing array, shared} */
    public float[] data() {
        return data;
    }

    /**
     * Batch item {@code n} of a rank-4 tensor as an image (a copy); alpha is never part of a tensor.
     *
     * @param n the batch index
     * @return the image, with as many channels as the tensor
     * @throws IllegalStateException if the tensor is not of rank 4
     */
    public FloatImage image(int n) {
        if (shape.length != 4) {
            throw new IllegalStateException("image(n) needs an NCHW tensor, shape is " + Arrays.toString(shape));
        }
        int c = shape[1];
        int h = shape[2];
        int w = shape[3];
        int plane = c * h * w;
        return new FloatImage(w, h, c, Arrays.copyOfRange(data, Objects.checkIndex(n, shape[0]) * plane,
                (n + 1) * plane), null);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
