package io.github.enhance4j.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Test fixtures: synthetic images, and PNG loading without the production conversion code. */
final class TestImages {

    private TestImages() {
    }

    /** An image filled with one value in every colour channel. */
    static FloatImage constant(int width, int height, int channels, float value) {
        FloatImage image = new FloatImage(width, height, channels, false);
        java.util.Arrays.fill(image.colorData(), value);
        return image;
    }

    /** Uniform random samples in 0..1, reproducible from {@code seed}. */
    static FloatImage random(int width, int height, int channels, boolean withAlpha, long seed) {
        Random random = new Random(seed);
        FloatImage image = new FloatImage(width, height, channels, withAlpha);
        fill(image.colorData(), random);
        if (withAlpha) {
            fill(image.alphaData(), random);
        }
        return image;
    }

    /** A smooth, textured RGB image: sums of sines, in 0..1. */
    static FloatImage smooth(int width, int height) {
        FloatImage image = new FloatImage(width, height, 3, false);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double v = 0.5 + 0.25 * Math.sin(0.21 * x + c) + 0.2 * Math.cos(0.13 * y - 0.7 * c);
                    image.set(c, x, y, (float) v);
                }
            }
        }
        return image;
    }

    /** The grid pattern of the cross-check scripts: {@code ((7x + 3y) mod 11) / 10}, one grey plane. */
    static float[] grid(int width, int height) {
        float[] plane = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                plane[y * width + x] = ((7 * x + 3 * y) % 11) / 10f;
            }
        }
        return plane;
    }

    /** The 1-D pattern of the cross-check scripts: {@code ((37 i) mod 17) / 16}. */
    static float[] scrambledRamp(int length) {
        float[] row = new float[length];
        for (int i = 0; i < length; i++) {
            row[i] = ((37 * i) % 17) / 16f;
        }
        return row;
    }

    private static void fill(float[] values, Random random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
    }

    /** Reads an 8-bit grey or RGB PNG into a FloatImage by raster samples (alpha, if any, is dropped). */
    static FloatImage readPng(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalArgumentException("not an image: " + file);
            }
            Raster raster = image.getRaster();
            int channels = raster.getNumBands() >= 3 ? 3 : 1;
            int w = image.getWidth();
            int h = image.getHeight();
            FloatImage out = new FloatImage(w, h, channels, false);
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        out.set(c, x, y, raster.getSample(x, y, c) / 255f);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
