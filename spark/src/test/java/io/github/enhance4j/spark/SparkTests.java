package io.github.enhance4j.spark;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;

/** One local Spark session for all the tests of this module (starting one takes seconds), and test images. */
final class SparkTests {

    private static SparkSession session;

    private SparkTests() {
    }

    /**
     * Two cores, and two attempts per task ({@code local[2,2]}) so that an injected failure is retried; no UI, and
     * partitions of a few files so that 100 images make several tasks.
     */
    static synchronized SparkSession spark() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("enhance4j-spark-tests")
                    .master("local[2,2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.files.openCostInBytes", "0")
                    .config("spark.sql.files.maxPartitionBytes", "40000")
                    .getOrCreate();
        }
        return session;
    }

    /** A smooth picture with some noise, different for each seed. */
    static BufferedImage picture(int width, int height, long seed, int type) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, type);
        int r0 = random.nextInt(200);
        int g0 = random.nextInt(200);
        int b0 = random.nextInt(200);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = clamp(r0 + x * 40 / width + random.nextInt(16));
                int g = clamp(g0 + y * 40 / height + random.nextInt(16));
                int b = clamp(b0 + (x + y) * 20 / (width + height) + random.nextInt(16));
                int a = type == BufferedImage.TYPE_INT_ARGB ? 128 + (x * 127 / width) : 255;
                image.setRGB(x, y, a << 24 | r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Writes with plain ImageIO, as a camera or another program would. */
    static Path write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String ext = file.getFileName().toString().replaceAll(".*\\.", "");
        if (!ImageIO.write(image, ext, file.toFile())) {
            throw new IOException("no writer for " + ext);
        }
        return file;
    }

    /** The largest difference between two images' samples, in 1/255 steps; they must have the same size. */
    static int maxDifference(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new AssertionError("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " and " + b.getWidth()
                    + "x" + b.getHeight());
        }
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    max = Math.max(max, Math.abs((p >>> shift & 0xFF) - (q >>> shift & 0xFF)));
                }
            }
        }
        return max;
    }
}
