package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Resampler;

import java.util.Random;

/**
 * Random variation of a clean training image before it is damaged (see
 * {@link io.github.enhance4j.TrainingConfig#augment()}). Two forms:
 * <ul>
 * <li>{@link #apply}, for whole images: a zoom (a crop of 80 to 100% of each side at a random place, resized back to
 * the image's size with bilinear), a horizontal flip and a colour change; the result keeps the image's size.</li>
 * <li>{@link #zoomedPatch}, for patch training: a square of a random side between the patch and the image's shorter
 * side, at a random place, shrunk to the patch with nearest neighbour (the seed protocol's resampler, so that shrunk
 * and unshrunk patches look alike), a horizontal flip and a colour change. A face set stored at twice the size it is
 * evaluated at is then seen framed anywhere from whole (as LFW aligns it) to a close-up of the face's middle.</li>
 * </ul>
 * The colour change scales brightness, contrast (about the image's mean) and saturation (about each pixel's grey)
 * each by a factor in {@code 1 ± jitter} ({@value #JITTER} for whole images, {@value #PATCH_JITTER} for patches);
 * patches also get each colour channel scaled by a factor in {@code 1 ± jitter/4} (a tint). Values are clamped to
 * 0..1. All randomness comes from the argument.
 */
final class Augmentation {

    static final double MIN_ZOOM_CROP = 0.8;
    /** Colour jitter of {@link #apply}. */
    static final double JITTER = 0.1;
    /** Colour jitter of {@link #zoomedPatch}: faces from other sources differ more in tint and exposure. */
    static final double PATCH_JITTER = 0.2;

    private Augmentation() {
    }

    static FloatImage apply(FloatImage image, Random random) {
        int w = image.width();
        int h = image.height();
        double keep = MIN_ZOOM_CROP + (1 - MIN_ZOOM_CROP) * random.nextDouble();
        int cw = Math.max(1, (int) Math.round(w * keep));
        int ch = Math.max(1, (int) Math.round(h * keep));
        int x0 = random.nextInt(w - cw + 1);
        int y0 = random.nextInt(h - ch + 1);
        boolean flip = random.nextBoolean();
        FloatImage crop = crop(image, x0, y0, cw, ch, flip);
        FloatImage out = cw == w && ch == h ? crop : Resampler.BILINEAR.resize(crop, w, h);
        jitterColour(out, JITTER, false, random);
        return out;
    }

    /**
     * A {@code patch} x {@code patch} training patch at a random zoom.
     *
     * @throws IllegalArgumentException if the image is smaller than the patch
     */
    static FloatImage zoomedPatch(FloatImage image, int patch, Random random) {
        int shorter = Math.min(image.width(), image.height());
        if (shorter < patch) {
            throw new IllegalArgumentException("a " + image.width() + "x" + image.height()
                    + " image is smaller than the " + patch + "x" + patch + " patch");
        }
        int side = patch + random.nextInt(shorter - patch + 1);
        int x0 = random.nextInt(image.width() - side + 1);
        int y0 = random.nextInt(image.height() - side + 1);
        boolean flip = random.nextBoolean();
        FloatImage crop = crop(image, x0, y0, side, side, flip);
        FloatImage out = side == patch ? crop : Resampler.NEAREST.resize(crop, patch, patch);
        jitterColour(out, PATCH_JITTER, true, random);
        return out;
    }

    private static FloatImage crop(FloatImage image, int x0, int y0, int cw, int ch, boolean flip) {
        int channels = image.channels();
        FloatImage crop = new FloatImage(cw, ch, channels, false);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < ch; y++) {
                for (int x = 0; x < cw; x++) {
                    crop.set(c, x, y, image.get(c, x0 + (flip ? cw - 1 - x : x), y0 + y));
                }
            }
        }
        return crop;
    }

    private static void jitterColour(FloatImage image, double jitter, boolean tinted, Random random) {
        float brightness = (float) (1 + jitter * (2 * random.nextDouble() - 1));
        float contrast = (float) (1 + jitter * (2 * random.nextDouble() - 1));
        float saturation = (float) (1 + jitter * (2 * random.nextDouble() - 1));
        int channels = image.channels();
        float[] tint = new float[channels];
        for (int c = 0; c < channels; c++) {
            tint[c] = tinted && channels == 3 ? (float) (1 + jitter / 4 * (2 * random.nextDouble() - 1)) : 1f;
        }
        float[] v = image.colorData();
        int plane = image.width() * image.height();
        double sum = 0;
        for (float f : v) {
            sum += f;
        }
        float mean = (float) (sum / v.length);
        for (int i = 0; i < plane; i++) {
            float grey = 0;
            if (channels == 3) {
                grey = 0.299f * v[i] + 0.587f * v[plane + i] + 0.114f * v[2 * plane + i];
            }
            for (int c = 0; c < channels; c++) {
                float x = v[c * plane + i];
                if (channels == 3) {
                    x = grey + saturation * (x - grey);
                }
                x = mean + contrast * (x - mean);
                x *= brightness * tint[c];
                v[c * plane + i] = x < 0 ? 0 : x > 1 ? 1 : x;
            }
        }
    }
}
