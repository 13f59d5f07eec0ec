package io.github.enhance4j.image;

/**
 * Image resampling filters, applied separably to every colour plane and to alpha.
 */
public enum Resampler {
    // STUB: implemented by the resampling work; signatures are the contract.
    /** Nearest neighbour with pixel-centre alignment (as PIL and Keras {@code load_img}). */
    NEAREST,
    /** OpenCV {@code INTER_AREA}: exact pixel-area averaging when shrinking, OpenCV's area-linear when enlarging. */
    AREA,
    /** MATLAB {@code imresize} bicubic: Keys a = -0.5, antialiased when shrinking, symmetric borders. */
    BICUBIC,
    /** Lanczos with three lobes, antialiased when shrinking. */
    LANCZOS3;

    /** A resized copy; colour and alpha clamped to 0..1. */
    public FloatImage resize(FloatImage source, int width, int height) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Resizes one plane of {@code sw x sh} values into {@code dst} ({@code dw x dh}), without clamping. */
    public void resizePlane(float[] src, int sw, int sh, float[] dst, int dw, int dh) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
