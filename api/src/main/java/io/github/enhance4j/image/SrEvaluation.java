package io.github.enhance4j.image;

import java.util.Objects;

/**
 * The standard super-resolution evaluation protocol, as the MATLAB scripts behind the published tables compute it.
 *
 * <p><b>Luma-first protocol</b> (SRCNN, VDSR; the source of the usual "bicubic" rows, Set5 x2 33.66 / 0.9299):
 * <ol>
 *   <li>{@link #modcrop} the 8-bit high-resolution image to a multiple of the scale;</li>
 *   <li>take its luma with {@link #studioLuma8Bit} (MATLAB {@code rgb2ycbcr} on {@code uint8}: studio-range Y,
 *       rounded to 8 bits; a grey image is its own luma);</li>
 *   <li>for the bicubic baseline, {@link #bicubicLumaBaseline}: MATLAB bicubic down by {@code 1 / scale} and up
 *       again on that luma as floating point, neither clamped nor rounded in between, rounded to 8 bits only at
 *       the end;</li>
 *   <li>compare the two luma images with {@link ImageMetrics#psnr} and {@link ImageMetrics#ssim} (on one grey
 *       plane these are the 0..255 PSNR and SSIM), shaving {@code scale} pixels from every border.</li>
 * </ol>
 * Measured with this project's resampler and metrics: Set5 x2 33.66 / 0.9299, x3 30.39 / 0.8682,
 * x4 28.42 / 0.8104; Set14 x2 30.23 / 0.8687, x3 27.54 / 0.7736, x4 26.00 / 0.7019.
 *
 * <p><b>RGB protocol</b> (EDSR and later; needed for models that take RGB input): the network's input is
 * {@link #bicubicDegrade} of the HR image (RGB, rounded to 8 bits), its output is rounded to 8 bits, and
 * {@link ImageMetrics#psnrY} / {@link ImageMetrics#ssimY} compare the unrounded studio-range luma with
 * {@code shave = scale}. The bicubic baseline in that protocol ({@link #bicubicUpscale} of the degraded image)
 * measures Set5 x2 33.68 / 0.9305, x3 30.41 / 0.8690, x4 28.43 / 0.8113: within 0.03 dB of the luma-first
 * figures. Rounding the intermediate image between the two separable passes to 8 bits (as MATLAB may on
 * {@code uint8}) moves these by at most 0.01 dB; this class does not round in between.
 *
 * <p>Stateless and thread-safe.
 */
public final class SrEvaluation {

    private SrEvaluation() {
    }

    /**
     * A copy cropped at the right and bottom to a multiple of {@code scale} in both directions.
     *
     * @param image the high-resolution image; not changed
     * @param scale the super-resolution factor, at least 1
     * @return the cropped copy
     */
    public static FloatImage modcrop(FloatImage image, int scale) {
        Objects.requireNonNull(image, "image");
        checkScale(scale);
        int w = image.width() - image.width() % scale;
        int h = image.height() - image.height() % scale;
        if (w == 0 || h == 0) {
            throw new IllegalArgumentException("a " + image.width() + "x" + image.height()
                    + " image is smaller than the scale " + scale);
        }
        return crop(image, w, h);
    }

    /**
     * The low-resolution input of the RGB protocol: {@link #modcrop}, MATLAB bicubic downscale by
     * {@code 1 / scale}, rounded to 8 bits. Alpha, if any, is treated like colour.
     *
     * @param hr    the high-resolution image; not changed
     * @param scale the super-resolution factor, at least 1
     * @return the low-resolution input
     */
    public static FloatImage bicubicDegrade(FloatImage hr, int scale) {
        FloatImage cropped = modcrop(hr, scale);
        return quantize8Bit(Resampler.BICUBIC.resize(cropped, cropped.width() / scale, cropped.height() / scale));
    }

    /**
     * The bicubic baseline of the RGB protocol: MATLAB bicubic upscale by {@code scale}, rounded to 8 bits.
     *
     * @param lr    the low-resolution input; not changed
     * @param scale the super-resolution factor, at least 1
     * @return the upscaled copy
     */
    public static FloatImage bicubicUpscale(FloatImage lr, int scale) {
        Objects.requireNonNull(lr, "lr");
        checkScale(scale);
        return quantize8Bit(Resampler.BICUBIC.resize(lr, lr.width() * scale, lr.height() * scale));
    }

    /**
     * MATLAB's {@code rgb2ycbcr} luma of an 8-bit image as a grey image: {@link YCbCr#studioLuma255} rounded to
     * 8 bits, divided by 255. A grey image is returned as a copy of itself (evaluation scripts convert only
     * three-channel images). Alpha is dropped.
     *
     * @param image an image with 8-bit levels
     * @return its luma, one channel
     */
    public static FloatImage studioLuma8Bit(FloatImage image) {
        Objects.requireNonNull(image, "image");
        double[] y = YCbCr.studioLuma255(image);
        float[] plane = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            plane[i] = (float) (y[i] / 255);
        }
        return quantize8Bit(new FloatImage(image.width(), image.height(), 1, plane, null));
    }

    /**
     * The bicubic baseline of the luma-first protocol: a modcropped luma image (see {@link #studioLuma8Bit})
     * scaled down by {@code 1 / scale} and back up with MATLAB bicubic in floating point, then rounded to 8 bits.
     *
     * @param hrLuma one luma plane whose sides are multiples of {@code scale}
     * @param scale  the super-resolution factor, at least 1
     * @return the baseline, the size of {@code hrLuma}
     */
    public static FloatImage bicubicLumaBaseline(FloatImage hrLuma, int scale) {
        Objects.requireNonNull(hrLuma, "hrLuma");
        checkScale(scale);
        if (hrLuma.channels() != 1 || hrLuma.width() % scale != 0 || hrLuma.height() % scale != 0) {
            throw new IllegalArgumentException("expected one modcropped luma plane with sides divisible by "
                    + scale + ", got " + hrLuma);
        }
        int w = hrLuma.width();
        int h = hrLuma.height();
        float[] low = new float[(w / scale) * (h / scale)];
        float[] restored = new float[w * h];
        Resampler.BICUBIC.resizePlane(hrLuma.colorData(), w, h, low, w / scale, h / scale);
        Resampler.BICUBIC.resizePlane(low, w / scale, h / scale, restored, w, h);
        return quantize8Bit(new FloatImage(w, h, 1, restored, null));
    }

    /**
     * Rounds every colour and alpha value to the nearest of 256 levels in {@code 0..1}, in place.
     *
     * @param image the image to round
     * @return the same image
     */
    public static FloatImage quantize8Bit(FloatImage image) {
        Objects.requireNonNull(image, "image");
        quantize8Bit(image.colorData());
        if (image.hasAlpha()) {
            quantize8Bit(image.alphaData());
        }
        return image;
    }

    static void quantize8Bit(float[] values) {
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            // as MATLAB's uint8(): saturate, round halves up; NaN becomes 0 as in FloatImage.clamp
            double clamped = v >= 0f ? (v <= 1f ? v : 1f) : 0f;
            values[i] = (float) (Math.floor(clamped * 255 + 0.5) / 255);
        }
    }

    private static FloatImage crop(FloatImage image, int w, int h) {
        FloatImage out = new FloatImage(w, h, image.channels(), image.hasAlpha());
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(image.colorData(), image.planeOffset(c) + y * image.width(), out.colorData(),
                        out.planeOffset(c) + y * w, w);
            }
        }
        if (image.hasAlpha()) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(image.alphaData(), y * image.width(), out.alphaData(), y * w, w);
            }
        }
        return out;
    }

    private static void checkScale(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
    }
}
