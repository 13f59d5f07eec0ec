package io.github.enhance4j.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * A planar floating-point image: one, or three colour planes (grey, or R, G, B) with values nominally in
 * {@code 0..1}, stored contiguously in channel-height-width order, and an optional separate alpha plane.
 *
 * <p>The colour planes are laid out exactly like an NCHW tensor with a batch of one, so {@link #asTensor()}
 * is free. Alpha is kept apart because networks are fed colour only: alpha is resampled on its own.
 *
 * <p>Instances are mutable and not thread-safe; they are working buffers, not values.
 */
public final class FloatImage {

    private final int width;
    private final int height;
    private final int channels;
    private final float[] color;
    private final float[] alpha;

    /**
     * Creates a black, and where {@code withAlpha} fully transparent, image.
     *
     * @param width     width in pixels, at least 1
     * @param height    height in pixels, at least 1
     * @param channels  1 (grey) or 3 (RGB)
     * @param withAlpha whether to allocate an alpha plane
     */
    public FloatImage(int width, int height, int channels, boolean withAlpha) {
        this(width, height, channels, new float[checkedSize(width, height, channels)],
                withAlpha ? new float[checkedSize(width, height, 1)] : null);
    }

    /**
     * Wraps existing arrays without copying.
     *
     * @param width    the width in pixels, at least 1
     * @param height   the height in pixels, at least 1
     * @param channels 1 (grey) or 3 (RGB)
     * @param color CHW colour data, {@code channels * width * height} values
     * @param alpha alpha plane of {@code width * height} values, or {@code null}
     */
    public FloatImage(int width, int height, int channels, float[] color, float[] alpha) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
        long expected = checkedSize(width, height, channels);
        Objects.requireNonNull(color, "color");
        if (color.length != expected) {
            throw new IllegalArgumentException("color has " + color.length + " values, expected " + channels
                    + " x " + width + " x " + height + " = " + expected);
        }
        if (alpha != null && alpha.length != (long) width * height) {
            throw new IllegalArgumentException("alpha has " + alpha.length + " values, expected " + width
                    + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.color = color;
        this.alpha = alpha;
    }

    private static int checkedSize(int width, int height, int channels) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
        }
        long size = (long) width * height * channels;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large for one float buffer: " + width + "x" + height
                    + "x" + channels + "; process it in tiles");
        }
        return (int) size;
    }

    /** {@return the width in pixels} */
    public int width() {
        return width;
    }

    /** {@return the height in pixels} */
    public int height() {
        return height;
    }

    /** {@return the number of colour channels: 1 for grey, 3 for RGB} Alpha is not counted. */
    public int channels() {
        return channels;
    }

    /** {@return whether the image has an alpha plane} */
    public boolean hasAlpha() {
        return alpha != null;
    }

    /** {@return the CHW colour data, shared, not copied} */
    public float[] colorData() {
        return color;
    }

    /** {@return the alpha plane, shared, not copied; {@code null} when the image has no alpha} */
    public float[] alphaData() {
        return alpha;
    }

    /**
     * Where a colour plane starts.
     *
     * @param c the channel, 0 to {@link #channels()} - 1
     * @return the offset of the plane's first value in {@link #colorData()}
     */
    public int planeOffset(int c) {
        Objects.checkIndex(c, channels);
        return c * width * height;
    }

    /**
     * One colour sample.
     *
     * @param c the channel, 0 to {@link #channels()} - 1
     * @param x the column
     * @param y the row
     * @return the sample, 0..1 for images read from files
     */
    public float get(int c, int x, int y) {
        return color[planeOffset(c) + Objects.checkIndex(y, height) * width + Objects.checkIndex(x, width)];
    }

    /**
     * Sets one colour sample.
     *
     * @param c     the channel, 0 to {@link #channels()} - 1
     * @param x     the column
     * @param y     the row
     * @param value the new sample
     */
    public void set(int c, int x, int y, float value) {
        color[planeOffset(c) + Objects.checkIndex(y, height) * width + Objects.checkIndex(x, width)] = value;
    }

    /**
     * One alpha sample.
     *
     * @param x the column
     * @param y the row
     * @return the alpha value, 0..1; 1 when the image has no alpha
     */
    public float alpha(int x, int y) {
        if (alpha == null) {
            return 1f;
        }
        return alpha[Objects.checkIndex(y, height) * width + Objects.checkIndex(x, width)];
    }

    /** {@return a {@code [1, C, H, W]} tensor view that shares this image's colour data} */
    public Tensor asTensor() {
        return new Tensor(new int[] {1, channels, height, width}, color);
    }

    /** {@return a deep copy} */
    public FloatImage copy() {
        return new FloatImage(width, height, channels, color.clone(), alpha == null ? null : alpha.clone());
    }

    /** {@return a copy of the colour planes only, without alpha} */
    public FloatImage withoutAlpha() {
        return new FloatImage(width, height, channels, color.clone(), null);
    }

    /**
     * Clamps every colour and alpha value into {@code 0..1} in place; NaN becomes 0.
     *
     * @return this image
     */
    public FloatImage clamp() {
        clamp(color);
        if (alpha != null) {
            clamp(alpha);
        }
        return this;
    }

    static void clamp(float[] values) {
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            // written so that NaN ends as 0: NaN fails both comparisons
            values[i] = v >= 0f ? (v <= 1f ? v : 1f) : 0f;
        }
    }

    @Override
    public String toString() {
        return "FloatImage[" + width + "x" + height + ", " + (channels == 1 ? "grey" : "RGB")
                + (alpha != null ? "+alpha" : "") + "]";
    }

    /**
     * Value equality of size, channels and every sample; meant for tests.
     *
     * @param other the image to compare with, or {@code null}
     * @return whether both hold the same samples
     */
    public boolean sameSamples(FloatImage other) {
        return other != null && width == other.width && height == other.height && channels == other.channels
                && Arrays.equals(color, other.color) && Arrays.equals(alpha, other.alpha);
    }
}
