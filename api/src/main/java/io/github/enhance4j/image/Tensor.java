package io.github.enhance4j.image;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense float tensor in row-major order, normally NCHW images. The shape is copied and immutable; the
 * data array is shared, not copied, so that backends can hand it to a runtime without copying.
 *
 * <p>An engine whose runtime writes its output into native memory may return a tensor {@linkplain #over(int[],
 * FloatBuffer) over that buffer} instead of copying it into an array: the enhancer then {@linkplain #read reads} the
 * rows it needs straight from the buffer (for a x4 model that saves copying 50 MB per 512-pixel tile), and
 * {@link #data()} copies the values out only for callers that ask for the whole array.
 */
public final class Tensor {

    private final int[] shape;
    /** The values; for a tensor over a buffer, null until {@link #data()} copies them out. */
    private volatile float[] data;
    /** The values of a tensor over a buffer, from index 0; null for an array tensor. */
    private final FloatBuffer buffer;
    private final int size;

    /**
     * Wraps an array without copying it.
     *
     * @param shape the dimensions, each at least 1; copied
     * @param data  the values in row-major order, as many as the shape's product; shared
     */
    public Tensor(int[] shape, float[] data) {
        Objects.requireNonNull(data, "data");
        this.shape = checked(shape);
        this.size = data.length;
        if (product(this.shape) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + product(this.shape)
                    + " values, data has " + data.length);
        }
        this.data = data;
        this.buffer = null;
    }

    private Tensor(int[] shape, FloatBuffer buffer, int size) {
        this.shape = shape;
        this.buffer = buffer;
        this.size = size;
    }

    /**
     * A tensor over a buffer's values, without copying them: for engines whose runtime writes into native memory.
     * The values are those from the buffer's position, as many as the shape's product; the buffer's position and
     * limit are not changed. The caller keeps the values unchanged while the tensor is in use (an engine until the
     * enhancer {@linkplain io.github.enhance4j.spi.InferenceEngine#release releases} it).
     *
     * @param shape  the dimensions, each at least 1; copied
     * @param values at least as many values after its position as the shape's product
     * @return the tensor
     * @throws IllegalArgumentException if the buffer holds fewer values than the shape needs
     */
    public static Tensor over(int[] shape, FloatBuffer values) {
        Objects.requireNonNull(values, "values");
        int[] dims = checked(shape);
        long size = product(dims);
        if (size > values.remaining()) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size
                    + " values, the buffer has " + values.remaining());
        }
        return new Tensor(dims, values.slice().limit((int) size), (int) size);
    }

    private static int[] checked(int[] shape) {
        Objects.requireNonNull(shape, "shape");
        int[] copy = shape.clone();
        for (int d : copy) {
            if (d < 1) {
                throw new IllegalArgumentException("tensor dimensions must be positive, got " + Arrays.toString(shape));
            }
        }
        return copy;
    }

    private static long product(int[] shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        return size;
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

    /**
     * {@return the values as an array: the backing array, shared; for a tensor {@linkplain #over over a buffer}, a
     * copy made on the first call (later calls return the same array)}
     */
    public float[] data() {
        float[] d = data;
        if (d == null) {
            synchronized (this) {
                d = data;
                if (d == null) {
                    d = new float[size];
                    buffer.get(0, d, 0, size);
                    data = d;
                }
            }
        }
        return d;
    }

    /** {@return the number of values, the product of the shape} */
    public int size() {
        return size;
    }

    /**
     * Copies {@code length} values from {@code index} (in row-major order) into {@code target}: from the buffer of a
     * tensor {@linkplain #over over a buffer}, without copying the rest of it. Thread-safe.
     *
     * @param index        the first value's index
     * @param target       where the values go
     * @param targetOffset the first index written in {@code target}
     * @param length       how many values
     * @throws IndexOutOfBoundsException if either range is out of bounds
     */
    public void read(int index, float[] target, int targetOffset, int length) {
        Objects.checkFromIndexSize(index, length, size);
        float[] d = data;
        if (d != null) {
            System.arraycopy(d, index, target, targetOffset, length);
        } else {
            buffer.get(index, target, targetOffset, length);
        }
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
        float[] values = new float[plane];
        read(Objects.checkIndex(n, shape[0]) * plane, values, 0, plane);
        return new FloatImage(w, h, c, values, null);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
