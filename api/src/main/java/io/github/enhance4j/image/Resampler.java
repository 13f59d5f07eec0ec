package io.github.enhance4j.image;

import java.util.Objects;

/**
 * Image resampling filters, applied separably to every colour plane and to alpha.
 *
 * <p>Each filter precomputes its weights once per axis and size pair, then runs two passes (the axis that
 * shrinks more first, as MATLAB does). A size that does not change along an axis is copied exactly along that
 * axis, whatever the filter. The constants are immutable and thread-safe.
 */
public enum Resampler {
    /** Nearest neighbour with pixel-centre alignment (as PIL and Keras {@code load_img}). */
    NEAREST {
        @Override
        AxisWeights axisWeights(int sourceSize, int targetSize) {
            return AxisWeights.nearest(sourceSize, targetSize);
        }
    },
    /** OpenCV {@code INTER_AREA}: exact pixel-area averaging when shrinking, OpenCV's area-linear when enlarging. */
    AREA {
        @Override
        AxisWeights axisWeights(int sourceSize, int targetSize) {
            return targetSize < sourceSize ? AxisWeights.areaShrink(sourceSize, targetSize)
                    : AxisWeights.areaEnlarge(sourceSize, targetSize);
        }
    },
    /**
     * MATLAB {@code imresize} bilinear: the triangle kernel, antialiased when shrinking (so a 2x shrink averages
     * four samples with weights 1, 3, 3, 1 / 8), symmetric borders. Enlarging is plain linear interpolation between
     * pixel centres.
     */
    BILINEAR {
        @Override
        AxisWeights axisWeights(int sourceSize, int targetSize) {
            return AxisWeights.convolution(sourceSize, targetSize, Resampler::triangle, 1,
                    AxisWeights.Border.SYMMETRIC);
        }
    },
    /** MATLAB {@code imresize} bicubic: Keys a = -0.5, antialiased when shrinking, symmetric borders. */
    BICUBIC {
        @Override
        AxisWeights axisWeights(int sourceSize, int targetSize) {
            return AxisWeights.convolution(sourceSize, targetSize, Resampler::keysCubic, 2,
                    AxisWeights.Border.SYMMETRIC);
        }
    },
    /** Lanczos with three lobes, antialiased when shrinking. */
    LANCZOS3 {
        @Override
        AxisWeights axisWeights(int sourceSize, int targetSize) {
            return AxisWeights.convolution(sourceSize, targetSize, Resampler::lanczos3, 3, AxisWeights.Border.CLAMP);
        }
    };

    /** The taps of this filter along one axis; only called with different sizes. */
    abstract AxisWeights axisWeights(int sourceSize, int targetSize);

    /**
     * A resized copy; colour and alpha clamped to 0..1.
     *
     * @param source the image; not changed
     * @param width  the new width, at least 1
     * @param height the new height, at least 1
     * @return the resized copy
     */
    public FloatImage resize(FloatImage source, int width, int height) {
        Objects.requireNonNull(source, "source");
        checkSize(width, height);
        SeparableResize resize = plan(source.width(), source.height(), width, height);
        int planeSize = width * height;
        float[] color = new float[source.channels() * planeSize];
        for (int c = 0; c < source.channels(); c++) {
            resize.resize(source.colorData(), source.planeOffset(c), color, c * planeSize);
        }
        float[] alpha = null;
        if (source.hasAlpha()) {
            alpha = new float[planeSize];
            resize.resize(source.alphaData(), 0, alpha, 0);
        }
        return new FloatImage(width, height, source.channels(), color, alpha).clamp();
    }

    /**
     * A copy scaled by {@code factor} in both directions, each size rounded to the nearest integer and at least 1;
     * colour and alpha clamped to 0..1.
     *
     * @param source the image; not changed
     * @param factor positive and finite, e.g. 0.5 to halve
     * @return the scaled copy
     */
    public FloatImage scale(FloatImage source, double factor) {
        Objects.requireNonNull(source, "source");
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive and finite, got " + factor);
        }
        return resize(source, scaledSize(source.width(), factor), scaledSize(source.height(), factor));
    }

    private static int scaledSize(int size, double factor) {
        double scaled = Math.rint(size * factor);
        if (scaled > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("scaling " + size + " by " + factor + " overflows");
        }
        return Math.max(1, (int) scaled);
    }

    /**
     * Resizes one plane of {@code sw x sh} values into {@code dst} ({@code dw x dh}), without clamping.
     *
     * @param src the source plane, row by row
     * @param sw  the source width
     * @param sh  the source height
     * @param dst the target plane, written row by row from index 0
     * @param dw  the target width
     * @param dh  the target height
     */
    public void resizePlane(float[] src, int sw, int sh, float[] dst, int dw, int dh) {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        checkSize(sw, sh);
        checkSize(dw, dh);
        if (src.length < sw * sh) {
            throw new IllegalArgumentException("src has " + src.length + " values, a " + sw + "x" + sh
                    + " plane needs " + (long) sw * sh);
        }
        if (dst.length < dw * dh) {
            throw new IllegalArgumentException("dst has " + dst.length + " values, a " + dw + "x" + dh
                    + " plane needs " + (long) dw * dh);
        }
        plan(sw, sh, dw, dh).resize(src, 0, dst, 0);
    }

    private SeparableResize plan(int sw, int sh, int dw, int dh) {
        return new SeparableResize(weightsFor(sw, dw), weightsFor(sh, dh));
    }

    private AxisWeights weightsFor(int sourceSize, int targetSize) {
        return sourceSize == targetSize ? AxisWeights.identity(sourceSize) : axisWeights(sourceSize, targetSize);
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be at least 1x1, got " + width + "x" + height);
        }
        if ((long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("size too large for one float plane: " + width + "x" + height);
        }
    }

    /** The linear interpolation kernel {@code max(0, 1 - |x|)}. */
    static double triangle(double x) {
        double t = Math.abs(x);
        return t < 1 ? 1 - t : 0;
    }

    /** Keys' cubic convolution kernel with a = -0.5, which MATLAB's {@code imresize} uses. */
    static double keysCubic(double x) {
        double t = Math.abs(x);
        double t2 = t * t;
        double t3 = t2 * t;
        if (t <= 1) {
            return 1.5 * t3 - 2.5 * t2 + 1;
        }
        if (t <= 2) {
            return -0.5 * t3 + 2.5 * t2 - 4 * t + 2;
        }
        return 0;
    }

    /** {@code sinc(x) * sinc(x / 3)} inside three lobes, zero outside. */
    static double lanczos3(double x) {
        if (x == 0) {
            return 1;
        }
        if (Math.abs(x) >= 3) {
            return 0;
        }
        double px = Math.PI * x;
        return 3 * Math.sin(px) * Math.sin(px / 3) / (px * px);
    }
}
