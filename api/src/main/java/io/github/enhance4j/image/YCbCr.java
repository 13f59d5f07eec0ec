package io.github.enhance4j.image;

/** STUB: implemented by the resampling/metrics work; signatures are the contract. */
public final class YCbCr {
    private YCbCr() {
    }

    public static FloatImage fromRgb(FloatImage rgb) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static FloatImage toRgb(FloatImage ycbcr) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
