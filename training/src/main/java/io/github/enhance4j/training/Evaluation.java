package io.github.enhance4j.training;

import io.github.enhance4j.Enhancer;
import io.github.enhance4j.image.Degradation;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.ImageMetrics;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.Resampler;
import io.github.enhance4j.image.SrEvaluation;

import java.util.Locale;
import java.util.Random;

/**
 * The two evaluation protocols, one image at a time.
 *
 * <ul>
 *   <li>{@link Protocol#SR}: the standard super-resolution protocol (RGB variant, see {@link SrEvaluation}): the
 *       high-resolution image is cropped to a multiple of the scale, shrunk with MATLAB-style bicubic and rounded to
 *       8 bits; the model enlarges that, the baseline is bicubic; both are compared with the original on the
 *       studio-range Y channel with {@code scale} pixels shaved from every border.</li>
 *   <li>{@link Protocol#SR_LUMA}: the luma-first protocol of the published tables (SRCNN, VDSR): the bicubic
 *       baseline is computed on the 8-bit studio-range luma of the high-resolution image, which reproduces the
 *       published bicubic figures exactly (Set5 x2 33.66 / 0.9299); the model still enlarges the RGB image, and its
 *       output's 8-bit luma is compared with the original's, border shaved.</li>
 *   <li>{@link Protocol#SEED}: the seed recipe: the image resized to 80x80 (nearest), pixelated to 40% and back;
 *       the model restores that, the baseline is the pixelated input; RGB PSNR/SSIM, no shave.</li>
 *   <li>{@link Protocol#DAMAGE}: real-world damage: the image (cropped to a multiple of 8 times the scale) is damaged
 *       with a given {@link Degradation} (seeded per image) and rounded to 8 bits, as a damaged photo is; the
 *       baseline is that input itself at scale 1 or its bicubic enlargement; RGB PSNR/SSIM against the original,
 *       no shave. A model can be a classical peer such as {@link io.github.enhance4j.image.UnsharpMask}.</li>
 * </ul>
 */
final class Evaluation {

    /** Which protocol. */
    enum Protocol {
        SR, SR_LUMA, SEED, DAMAGE;

        static Protocol parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown protocol '" + text + "': expected sr, sr-luma, seed or damage",
                        e);
            }
        }

        /** Whether the protocol enlarges a bicubic-downscaled image (as opposed to restoring a pixelated one). */
        boolean superResolution() {
            return this == SR || this == SR_LUMA;
        }
    }

    /** Scores of one image: the baseline's and the model's (NaN when only the baseline is evaluated). */
    record Row(String image, double baselinePsnr, double baselineSsim, double modelPsnr, double modelSsim) {
    }

    static final int SEED_SIZE = 80;
    static final double SEED_PIXELATE = 0.4;

    private final Protocol protocol;
    private final int scale;
    private final Enhancer enhancer;
    private final Degradation damage;
    private final java.util.function.UnaryOperator<FloatImage> peer;
    private int scored;

    /** @param enhancer the model, or {@code null} to evaluate the baseline alone */
    Evaluation(Protocol protocol, int scale, Enhancer enhancer) {
        this(protocol, scale, enhancer, null, null);
    }

    /**
     * @param damage for {@link Protocol#DAMAGE}: what is done to each image
     * @param peer   a classical method scored in the model's place (e.g. an unsharp mask), or {@code null}
     */
    Evaluation(Protocol protocol, int scale, Enhancer enhancer, Degradation damage,
            java.util.function.UnaryOperator<FloatImage> peer) {
        this.protocol = protocol;
        this.scale = scale;
        this.enhancer = enhancer;
        this.damage = damage;
        this.peer = peer;
        if (protocol == Protocol.DAMAGE && damage == null) {
            throw new IllegalArgumentException("the damage protocol needs a degradation (--degrade)");
        }
    }

    /** The damaged input of the damage protocol for the {@code index}-th image: 8-bit, seeded by the index. */
    static FloatImage damaged(Degradation damage, FloatImage clean, int index) {
        FloatImage d = damage.apply(clean, new Random(0x5EED_0000L + index));
        return Pixels.read(Pixels.toBufferedImage(d));
    }

    private Row scoreDamage(String name, FloatImage image) {
        FloatImage original = SrEvaluation.modcrop(image.withoutAlpha(), 8 * scale);
        FloatImage input = damaged(damage, original, scored++);
        if (input.width() * scale != original.width() || input.height() * scale != original.height()) {
            throw new IllegalArgumentException("the damage turns " + original.width() + "x" + original.height()
                    + " into " + input.width() + "x" + input.height() + ", not 1/" + scale + " of it");
        }
        FloatImage baseline = scale == 1 ? input : SrEvaluation.bicubicUpscale(input, scale);
        double bp = ImageMetrics.psnr(original, baseline, 0);
        double bs = ImageMetrics.ssim(original, baseline, 0);
        FloatImage result = restored(input, baseline);
        if (result == null) {
            return new Row(name, bp, bs, Double.NaN, Double.NaN);
        }
        return new Row(name, bp, bs, ImageMetrics.psnr(original, result, 0), ImageMetrics.ssim(original, result, 0));
    }

    /**
     * What is scored: the peer applied to the baseline (rounded to 8 bits as a saved result would be), the model's
     * output for the damaged input, or {@code null} when only the baseline is scored.
     */
    private FloatImage restored(FloatImage input, FloatImage baseline) {
        if (peer != null) {
            return Pixels.read(Pixels.toBufferedImage(peer.apply(baseline)));
        }
        return enhancer == null ? null : Pixels.read(enhancer.enhance(Pixels.toBufferedImage(input)));
    }

    Row score(String name, FloatImage original) {
        return switch (protocol) {
            case SR -> scoreSr(name, original);
            case SR_LUMA -> scoreSrLuma(name, original);
            case SEED -> scoreSeed(name, original);
            case DAMAGE -> scoreDamage(name, original);
        };
    }

    private Row scoreSrLuma(String name, FloatImage image) {
        FloatImage hr = SrEvaluation.modcrop(image.withoutAlpha(), scale);
        FloatImage hrLuma = SrEvaluation.studioLuma8Bit(hr);
        FloatImage bicubic = SrEvaluation.bicubicLumaBaseline(hrLuma, scale);
        double bp = ImageMetrics.psnr(hrLuma, bicubic, scale);
        double bs = ImageMetrics.ssim(hrLuma, bicubic, scale);
        if (enhancer == null) {
            return new Row(name, bp, bs, Double.NaN, Double.NaN);
        }
        FloatImage lr = SrEvaluation.bicubicDegrade(hr, scale);
        FloatImage srLuma = SrEvaluation.studioLuma8Bit(Pixels.read(enhancer.enhance(Pixels.toBufferedImage(lr))));
        return new Row(name, bp, bs, ImageMetrics.psnr(hrLuma, srLuma, scale), ImageMetrics.ssim(hrLuma, srLuma,
                scale));
    }

    private Row scoreSr(String name, FloatImage image) {
        FloatImage hr = SrEvaluation.modcrop(image.withoutAlpha(), scale);
        FloatImage lr = SrEvaluation.bicubicDegrade(hr, scale);
        FloatImage bicubic = SrEvaluation.bicubicUpscale(lr, scale);
        double bp = ImageMetrics.psnrY(hr, bicubic, scale);
        double bs = ImageMetrics.ssimY(hr, bicubic, scale);
        if (enhancer == null) {
            return new Row(name, bp, bs, Double.NaN, Double.NaN);
        }
        FloatImage sr = Pixels.read(enhancer.enhance(Pixels.toBufferedImage(lr)));
        return new Row(name, bp, bs, ImageMetrics.psnrY(hr, sr, scale), ImageMetrics.ssimY(hr, sr, scale));
    }

    private Row scoreSeed(String name, FloatImage image) {
        FloatImage original = seedInput(image);
        // as the reference script: damaged in floating point, not rounded to 8 bits
        FloatImage damaged = Degradation.pixelate(SEED_PIXELATE).apply(original, new Random(0));
        double bp = ImageMetrics.psnr(original, damaged, 0);
        double bs = ImageMetrics.ssim(original, damaged, 0);
        FloatImage restored = restored(damaged, damaged);
        if (restored == null) {
            return new Row(name, bp, bs, Double.NaN, Double.NaN);
        }
        return new Row(name, bp, bs, ImageMetrics.psnr(original, restored, 0), ImageMetrics.ssim(original, restored,
                0));
    }

    /**
     * The seed recipe's input: RGB resized to 80x80 with nearest neighbour, sampled as OpenCV's
     * {@code INTER_NEAREST} does (source index {@code floor(x * srcSize / 80)}), like the PyTorch reference
     * ({@code ../shared/tools/seed_reference.py}) whose figures SEED.md quotes: the pixelated LFW validation split
     * then measures 22.86 dB as there. (Keras/PIL sample pixel centres, {@code floor((x + 0.5) * srcSize / 80)}, which
     * keeps other pixels and gives 22.76 dB; {@link Resampler#NEAREST} does that.)
     */
    /**
     * The seed protocol's classical peer: the pixelated image shrunk back to the pixelation's size (area, so each
     * block becomes about one pixel again) and enlarged with bicubic, which turns the blocks into smooth gradients,
     * what a photo editor's "smooth" or "re-interpolate" does.
     */
    static FloatImage smoothPixelated(FloatImage pixelated) {
        int w = Math.max(1, (int) Math.round(SEED_PIXELATE * pixelated.width()));
        int h = Math.max(1, (int) Math.round(SEED_PIXELATE * pixelated.height()));
        return Resampler.BICUBIC.resize(Resampler.AREA.resize(pixelated, w, h), pixelated.width(),
                pixelated.height());
    }

    static FloatImage seedInput(FloatImage image) {
        return seedInput(image, SEED_SIZE);
    }

    /** {@link #seedInput(FloatImage)} at another size (RGB, nearest neighbour as OpenCV's). */
    static FloatImage seedInput(FloatImage image, int size) {
        FloatImage rgb = image.channels() == 3 ? image.withoutAlpha() : grey2rgb(image);
        return nearestAsOpenCv(rgb, size, size);
    }

    static FloatImage nearestAsOpenCv(FloatImage image, int width, int height) {
        int[] xs = openCvNearestIndices(image.width(), width);
        int[] ys = openCvNearestIndices(image.height(), height);
        FloatImage out = new FloatImage(width, height, image.channels(), false);
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out.set(c, x, y, image.get(c, xs[x], ys[y]));
                }
            }
        }
        return out;
    }

    private static int[] openCvNearestIndices(int source, int target) {
        double inverse = 1.0 / ((double) target / source); // as cv::resize computes it, rounding included
        int[] index = new int[target];
        for (int i = 0; i < target; i++) {
            index[i] = Math.min((int) Math.floor(i * inverse), source - 1);
        }
        return index;
    }

    private static FloatImage grey2rgb(FloatImage grey) {
        int p = grey.width() * grey.height();
        float[] rgb = new float[3 * p];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(grey.colorData(), 0, rgb, c * p, p);
        }
        return new FloatImage(grey.width(), grey.height(), 3, rgb, null);
    }
}
