package io.github.enhance4j.image;

/**
 * Applies a pair of {@link AxisWeights} to planes: one pass along each axis through an intermediate buffer.
 *
 * <p>The axis that shrinks more goes first (MATLAB's order), which is also the cheaper order: the second pass
 * then runs on fewer samples. With equal scales the vertical pass goes first, as in MATLAB.
 */
final class SeparableResize {

    private final AxisWeights horizontal;
    private final AxisWeights vertical;
    private final boolean verticalFirst;

    SeparableResize(AxisWeights horizontal, AxisWeights vertical) {
        this.horizontal = horizontal;
        this.vertical = vertical;
        double scaleX = (double) horizontal.targetSize / horizontal.sourceSize;
        double scaleY = (double) vertical.targetSize / vertical.sourceSize;
        this.verticalFirst = scaleY <= scaleX;
    }

    /** Resizes the plane at {@code src[srcOffset ..]} into {@code dst[dstOffset ..]}. */
    void resize(float[] src, int srcOffset, float[] dst, int dstOffset) {
        int sw = horizontal.sourceSize;
        int sh = vertical.sourceSize;
        int dw = horizontal.targetSize;
        int dh = vertical.targetSize;
        boolean skipX = horizontal.isIdentity();
        boolean skipY = vertical.isIdentity();
        if (skipX && skipY) {
            System.arraycopy(src, srcOffset, dst, dstOffset, sw * sh);
            return;
        }
        if (skipX || skipY) {
            if (skipY) {
                horizontalPass(src, srcOffset, sh, dst, dstOffset);
            } else {
                verticalPass(src, srcOffset, sw, dst, dstOffset);
            }
            return;
        }
        if (verticalFirst) {
            float[] tmp = new float[sw * dh];
            verticalPass(src, srcOffset, sw, tmp, 0);
            horizontalPass(tmp, 0, dh, dst, dstOffset);
        } else {
            float[] tmp = new float[dw * sh];
            horizontalPass(src, srcOffset, sh, tmp, 0);
            verticalPass(tmp, 0, dw, dst, dstOffset);
        }
    }

    /** Resamples each of {@code rows} rows of width {@code horizontal.sourceSize}. */
    private void horizontalPass(float[] src, int srcOffset, int rows, float[] dst, int dstOffset) {
        int sw = horizontal.sourceSize;
        int dw = horizontal.targetSize;
        int[] first = horizontal.first;
        int[] index = horizontal.index;
        float[] weight = horizontal.weight;
        for (int y = 0; y < rows; y++) {
            int in = srcOffset + y * sw;
            int out = dstOffset + y * dw;
            for (int x = 0; x < dw; x++) {
                float sum = 0f;
                for (int k = first[x], end = first[x + 1]; k < end; k++) {
                    sum += weight[k] * src[in + index[k]];
                }
                dst[out + x] = sum;
            }
        }
    }

    /**
     * Resamples columns of height {@code vertical.sourceSize}, a whole row at a time: the inner loop streams
     * through contiguous memory instead of striding down a column.
     */
    private void verticalPass(float[] src, int srcOffset, int columns, float[] dst, int dstOffset) {
        int dh = vertical.targetSize;
        int[] first = vertical.first;
        int[] index = vertical.index;
        float[] weight = vertical.weight;
        for (int y = 0; y < dh; y++) {
            int out = dstOffset + y * columns;
            java.util.Arrays.fill(dst, out, out + columns, 0f);
            for (int k = first[y], end = first[y + 1]; k < end; k++) {
                float w = weight[k];
                int in = srcOffset + index[k] * columns;
                for (int x = 0; x < columns; x++) {
                    dst[out + x] += w * src[in + x];
                }
            }
        }
    }
}
