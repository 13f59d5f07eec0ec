package io.github.enhance4j.image;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The precomputed contributions of source samples to every target sample along one axis, in a compressed
 * layout: the taps of target sample {@code t} are {@code index[k], weight[k]} for
 * {@code k = first[t] .. first[t + 1] - 1}. Built once per axis and reused for every row, column and plane, so
 * that the resampling loops only multiply and add.
 */
final class AxisWeights {

    final int sourceSize;
    final int targetSize;
    final int[] first;
    final int[] index;
    final float[] weight;

    private AxisWeights(int sourceSize, int targetSize, int[] first, int[] index, float[] weight) {
        this.sourceSize = sourceSize;
        this.targetSize = targetSize;
        this.first = first;
        this.index = index;
        this.weight = weight;
    }

    /** How a tap outside {@code 0..size-1} is mapped back inside. */
    enum Border {
        /** MATLAB's {@code [1:n, n:-1:1]} trick: the edge sample is repeated, then the image mirrored. */
        SYMMETRIC,
        /** The nearest edge sample. */
        CLAMP,
        /** Mirrored about the edge sample, which is not repeated (OpenCV's default border, PyTorch's 'reflect'). */
        REFLECT;

        int map(int i, int size) {
            if (this == CLAMP) {
                return i < 0 ? 0 : (i >= size ? size - 1 : i);
            }
            if (this == REFLECT) {
                if (size == 1) {
                    return 0;
                }
                int period = 2 * size - 2;
                int r = Math.floorMod(i, period);
                return r < size ? r : period - r;
            }
            int m = Math.floorMod(i, 2 * size);
            return m < size ? m : 2 * size - 1 - m;
        }
    }

    /** Whether every target sample is a copy of the source sample at the same index. */
    boolean isIdentity() {
        if (sourceSize != targetSize || index.length != targetSize) {
            return false;
        }
        for (int t = 0; t < targetSize; t++) {
            if (index[t] != t || weight[t] != 1f) {
                return false;
            }
        }
        return true;
    }

    static AxisWeights identity(int size) {
        int[] first = new int[size + 1];
        int[] index = new int[size];
        float[] weight = new float[size];
        for (int i = 0; i < size; i++) {
            first[i] = i;
            index[i] = i;
            weight[i] = 1f;
        }
        first[size] = size;
        return new AxisWeights(size, size, first, index, weight);
    }

    /** One tap per target: the source pixel whose area contains the target pixel's centre (PIL alignment). */
    static AxisWeights nearest(int sourceSize, int targetSize) {
        Builder builder = new Builder(sourceSize, targetSize, targetSize);
        double step = (double) sourceSize / targetSize;
        for (int t = 0; t < targetSize; t++) {
            int s = (int) Math.floor((t + 0.5) * step);
            builder.add(Math.min(Math.max(s, 0), sourceSize - 1), 1.0);
            builder.endTarget();
        }
        return builder.build();
    }

    /**
     * OpenCV {@code INTER_AREA} when shrinking: every target pixel is the area-weighted mean of the source pixels
     * that cover {@code [t * sw / tw, (t + 1) * sw / tw)}. Computed on the integer grid of {@code 1 / tw} units, so
     * the overlaps are exact.
     */
    static AxisWeights areaShrink(int sourceSize, int targetSize) {
        Builder builder = new Builder(sourceSize, targetSize, sourceSize + targetSize);
        for (int t = 0; t < targetSize; t++) {
            long from = (long) t * sourceSize;
            long to = (long) (t + 1) * sourceSize;
            for (int s = (int) (from / targetSize); s < sourceSize && (long) s * targetSize < to; s++) {
                long overlap = Math.min(to, (long) (s + 1) * targetSize) - Math.max(from, (long) s * targetSize);
                if (overlap > 0) {
                    builder.add(s, (double) overlap / sourceSize);
                }
            }
            builder.endTarget();
        }
        return builder.build();
    }

    /**
     * OpenCV {@code INTER_AREA} when enlarging: a linear interpolation whose fraction is the part of the target
     * pixel that lies past the source pixel's edge, so targets inside one source pixel copy it exactly.
     */
    static AxisWeights areaEnlarge(int sourceSize, int targetSize) {
        Builder builder = new Builder(sourceSize, targetSize, 2 * targetSize);
        double scale = (double) sourceSize / targetSize;
        double inverseScale = (double) targetSize / sourceSize;
        for (int t = 0; t < targetSize; t++) {
            int s = (int) Math.floor(t * scale);
            // float, as OpenCV computes it: the fraction is stored as float there as well
            float f = (float) ((t + 1) - (s + 1) * inverseScale);
            f = f <= 0 ? 0f : f - (float) Math.floor(f);
            if (s >= sourceSize - 1) {
                s = sourceSize - 1;
                f = 0f;
            }
            builder.add(s, 1.0 - f);
            if (f != 0f) {
                builder.add(s + 1, f);
            }
            builder.endTarget();
        }
        return builder.build();
    }

    /**
     * A convolution with {@code kernel} (non-zero on {@code (-radius, radius)}) as MATLAB's {@code imresize}
     * computes it: target {@code x} (1-based) samples the source at {@code u = x / s + 0.5 * (1 - 1 / s)}; when
     * shrinking the kernel is stretched by {@code 1 / s}, which is the antialiasing; weights sum to 1.
     */
    static AxisWeights convolution(int sourceSize, int targetSize, DoubleUnaryOperator kernel, double radius,
                                   Border border) {
        double scale = (double) targetSize / sourceSize;
        double stretch = scale < 1 ? scale : 1.0;
        double width = 2 * radius / stretch;
        int taps = (int) Math.ceil(width) + 2;
        Builder builder = new Builder(sourceSize, targetSize, (long) taps * targetSize);
        double[] values = new double[taps];
        for (int x = 1; x <= targetSize; x++) {
            double u = x / scale + 0.5 * (1 - 1 / scale);
            int left = (int) Math.floor(u - width / 2);
            double sum = 0;
            for (int j = 0; j < taps; j++) {
                values[j] = kernel.applyAsDouble(stretch * (u - (left + j)));
                sum += values[j];
            }
            for (int j = 0; j < taps; j++) {
                if (values[j] != 0) {
                    builder.add(border.map(left + j - 1, sourceSize), values[j] / sum);
                }
            }
            builder.endTarget();
        }
        return builder.build();
    }

    /**
     * A same-size filter: target {@code t} takes {@code kernel[j]} times source {@code t - radius + j}, where
     * {@code kernel} has {@code 2 * radius + 1} weights.
     */
    static AxisWeights stencil(int size, float[] kernel, Border border) {
        int radius = kernel.length / 2;
        Builder builder = new Builder(size, size, (long) kernel.length * size);
        for (int t = 0; t < size; t++) {
            for (int j = 0; j < kernel.length; j++) {
                builder.add(border.map(t - radius + j, size), kernel[j]);
            }
            builder.endTarget();
        }
        return builder.build();
    }

    /** Collects taps target by target; capacity is an upper bound only. */
    private static final class Builder {
        private final int sourceSize;
        private final int targetSize;
        private final int[] first;
        private int[] index;
        private float[] weight;
        private int count;
        private int target;

        Builder(int sourceSize, int targetSize, long capacity) {
            if (capacity > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("resampling " + sourceSize + " -> " + targetSize
                        + " needs too many filter taps");
            }
            this.sourceSize = sourceSize;
            this.targetSize = targetSize;
            this.first = new int[targetSize + 1];
            this.index = new int[(int) capacity];
            this.weight = new float[(int) capacity];
        }

        void add(int sourceIndex, double w) {
            index[count] = sourceIndex;
            weight[count] = (float) w;
            count++;
        }

        void endTarget() {
            first[++target] = count;
        }

        AxisWeights build() {
            return new AxisWeights(sourceSize, targetSize, first, Arrays.copyOf(index, count),
                    Arrays.copyOf(weight, count));
        }
    }
}
