package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.TrainingData;
import io.github.enhance4j.image.FloatImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small smooth random images, so that tiny training runs have something learnable. */
final class TestData {

    private TestData() {
    }

    static FloatImage image(int w, int h, long seed) {
        Random r = new Random(seed);
        float[] data = new float[3 * w * h];
        double fx = 0.2 + r.nextDouble() * 0.5;
        double fy = 0.2 + r.nextDouble() * 0.5;
        for (int c = 0; c < 3; c++) {
            double phase = r.nextDouble() * 6;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    data[(c * h + y) * w + x] = (float) (0.5 + 0.4 * Math.sin(fx * x + fy * y + phase));
                }
            }
        }
        return new FloatImage(w, h, 3, data, null);
    }

    static TrainingData of(int training, int validation, int size) {
        List<FloatImage> t = new ArrayList<>();
        List<FloatImage> v = new ArrayList<>();
        for (int i = 0; i < training; i++) {
            t.add(image(size, size, i));
        }
        for (int i = 0; i < validation; i++) {
            v.add(image(size, size, 1000 + i));
        }
        return TrainingData.of(t, v);
    }

    static float[] randomInput(int length, long seed) {
        Random r = new Random(seed);
        float[] data = new float[length];
        for (int i = 0; i < length; i++) {
            data[i] = r.nextFloat();
        }
        return data;
    }
}
