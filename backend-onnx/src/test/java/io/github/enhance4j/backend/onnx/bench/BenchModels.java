package io.github.enhance4j.backend.onnx.bench;

import io.github.enhance4j.backend.onnx.testing.ModelGenerators;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/** The models and images the benchmarks run on, by the names used in their {@code model} parameter. */
final class BenchModels {

    /** Seed of every random weight and image, so that every run measures the same work. */
    private static final long SEED = 20_240_601L;

    private BenchModels() {
    }

    /** The bundled models (module {@code models}) and their scales, read from the source tree: no dependency. */
    private static final Map<String, Integer> BUNDLED = Map.of("sr-x2", 2, "sr-x4", 4, "seed-autoencoder", 1,
            "restore", 1, "restore-x2", 2, "restore-x4", 4);

    /**
     * Where the bundled models lie: {@code -Denhance4j.bench.models=DIR}, else the models module's resources seen
     * from the repository root or from {@code backend-onnx}.
     */
    private static Path bundledFolder() {
        String configured = System.getProperty("enhance4j.bench.models");
        if (configured != null) {
            return Path.of(configured);
        }
        Path fromRoot = Path.of("models/src/main/resources/io/github/enhance4j/models");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("..").resolve(fromRoot);
    }

    /**
     * The ONNX bytes of a generated model, {@code espcn-x2}, {@code espcn-x4} (any {@code espcn-xN}) or {@code seed}
     * (random weights), or of a bundled one, {@code sr-x2}, {@code sr-x4}, {@code seed-autoencoder},
     * {@code restore}, {@code restore-x2} or {@code restore-x4}.
     */
    static byte[] model(String name) {
        if (BUNDLED.containsKey(name)) {
            Path file = bundledFolder().resolve(name + ".onnx");
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Bundled model " + name + " not found at " + file.toAbsolutePath()
                        + "; run from the repository root or set -Denhance4j.bench.models=DIR", e);
            }
        }
        if (name.equals("seed")) {
            return ModelGenerators.seedAutoencoder(SEED);
        }
        if (name.startsWith("espcn-x")) {
            return ModelGenerators.espcn(scale(name), SEED);
        }
        throw new IllegalArgumentException("Unknown benchmark model '" + name + "'; expected espcn-x2, espcn-x4,"
                + " seed, sr-x2, sr-x4, seed-autoencoder, restore, restore-x2 or restore-x4");
    }

    /** Enlargement factor of a model named as in {@link #model}. */
    static int scale(String name) {
        if (BUNDLED.containsKey(name)) {
            return BUNDLED.get(name);
        }
        return name.startsWith("espcn-x") ? Integer.parseInt(name.substring("espcn-x".length())) : 1;
    }

    /**
     * A size&times;size INT_RGB image of smooth random content: a few low-frequency waves per channel plus a
     * little noise, so that no stage of the pipeline sees an artificially trivial input.
     */
    static BufferedImage smoothImage(int width, int height) {
        Random random = new Random(SEED);
        double[][] waves = new double[3][12];
        for (double[] channel : waves) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = random.nextDouble();
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double[] w = waves[c];
                    double u = (double) x / width;
                    double v = (double) y / height;
                    double value = 0.5 + 0.2 * Math.sin(2 * Math.PI * (w[0] * 3 * u + w[1] * 3 * v + w[2]))
                            + 0.15 * Math.sin(2 * Math.PI * (w[3] * 7 * u - w[4] * 5 * v + w[5]))
                            + 0.08 * Math.cos(2 * Math.PI * (w[6] * 17 * u + w[7] * 13 * v + w[8]))
                            + 0.03 * (random.nextDouble() - 0.5);
                    int sample = (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
                    rgb = rgb << 8 | sample;
                }
                row[x] = rgb;
            }
            image.getRaster().setDataElements(0, y, width, 1, row);
        }
        return image;
    }

    /** The image's samples as a [1, 3, H, W] tensor in 0..1, as the enhancer feeds an RGB 0:1 model. */
    static float[] toNchw(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        float[] data = new float[3 * plane];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRaster().getDataElements(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                data[y * w + x] = ((p >> 16) & 0xFF) / 255f;
                data[plane + y * w + x] = ((p >> 8) & 0xFF) / 255f;
                data[2 * plane + y * w + x] = (p & 0xFF) / 255f;
            }
        }
        return data;
    }
}
