package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Resampler;

import java.util.Random;

/**
 * Random variation of a clean training image before it is damaged (see
 * {@link io.github.enhance4j.TrainingConfig#augment()}): a zoom (a crop of 80 to 100% of each side at a random place,
 * resized back to the image's size with bilinear), a horizontal flip with probability 1/2, and brightness, contrast
 * (about the image's mean) and saturation (about each pixel's grey) each scaled by a factor in 0.9 to 1.1. The
 * result keeps the image's size; values are clamped to 0..1. All randomness comes from the argument.
 */
final class Augmentation {

    static final double MIN_ZOOM_CROP = 0.8;
    static final double JITTER = 0.1;

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
        float brightness = (float) (1 + JITTER * (2 * random.nextDouble() - 1));
        float contrast = (float) (1 + JITTER * (2 * random.nextDouble() - 1));
        float saturation = (float) (1 + JITTER * (2 * random.nextDouble() - 1));

        int channels = image.channels();
        FloatImage crop = new FloatImage(cw, ch, channels, false);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < ch; y++) {
                for (int x = 0; x < cw; x++) {
                    crop.set(c, x, y, image.get(c, x0 + (flip ? cw - 1 - x : x), y0 + y));
                }
            }
        }
        FloatImage out = cw == w && ch == h ? crop : Resampler.BILINEAR.resize(crop, w, h);
        float[] v = out.colorData();
        int plane = w * h;
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
                x *= brightness;
                v[c * plane + i] = x < 0 ? 0 : x > 1 ? 1 : x;
            }
        }
        return out;
    }
}
