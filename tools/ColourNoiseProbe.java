import io.github.enhance4j.Enhancer;
import io.github.enhance4j.image.Degradation;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.image.ImageMetrics;
import io.github.enhance4j.image.Pixels;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * How a same-size model treats colour noise (independent per channel) against grey noise (one value added to every
 * channel): RGB and luma PSNR on photos, and on a flat grey picture the standard deviation of the noise's grey part
 * (the channel mean) and its colour part (each channel's difference from that mean) before and after.
 *
 * <pre>
 * java -cp training/target/enhance4j-train.jar tools/ColourNoiseProbe.java MODEL.onnx SIGMA PHOTO...
 * </pre>
 */
public class ColourNoiseProbe {
    public static void main(String[] a) throws Exception {
        double sigma = Double.parseDouble(a[1]);
        try (Enhancer e = Enhancer.load(a[0])) {
            for (boolean grey : new boolean[] {false, true}) {
                double inRgb = 0, inY = 0, outRgb = 0, outY = 0;
                int n = 0;
                for (int i = 2; i < a.length; i++) {
                    FloatImage clean = Pixels.read(ImageFiles.read(Path.of(a[i]))).withoutAlpha();
                    FloatImage damaged = Pixels.read(Pixels.toBufferedImage(noise(clean, sigma, grey, i)));
                    FloatImage out = Pixels.read(e.enhance(Pixels.toBufferedImage(damaged)));
                    inRgb += ImageMetrics.psnr(clean, damaged, 0);
                    inY += ImageMetrics.psnrY(clean, damaged, 0);
                    outRgb += ImageMetrics.psnr(clean, out, 0);
                    outY += ImageMetrics.psnrY(clean, out, 0);
                    n++;
                }
                FloatImage flat = new FloatImage(128, 128, 3, false);
                Arrays.fill(flat.colorData(), 0.5f);
                FloatImage flatDamaged = Pixels.read(Pixels.toBufferedImage(noise(flat, sigma, grey, 1)));
                FloatImage flatOut = Pixels.read(e.enhance(Pixels.toBufferedImage(flatDamaged)));
                double[] before = parts(flatDamaged);
                double[] after = parts(flatOut);
                System.out.printf("%s noise %.3f: photos RGB %.2f -> %.2f dB, luma %.2f -> %.2f dB; flat grey picture:"
                        + " grey part %.4f -> %.4f, colour part %.4f -> %.4f%n", grey ? "grey  " : "colour", sigma,
                        inRgb / n, outRgb / n, inY / n, outY / n, before[0], after[0], before[1], after[1]);
            }
        }
    }

    static FloatImage noise(FloatImage image, double sigma, boolean grey, long seed) {
        if (!grey) {
            return Degradation.gaussianNoise(sigma).apply(image, new Random(seed));
        }
        FloatImage out = image.copy();
        float[] c = out.colorData();
        int plane = image.width() * image.height();
        Random random = new Random(seed);
        for (int i = 0; i < plane; i++) {
            float g = (float) (sigma * random.nextGaussian());
            for (int ch = 0; ch < image.channels(); ch++) {
                c[ch * plane + i] = Math.min(1f, Math.max(0f, c[ch * plane + i] + g));
            }
        }
        return out;
    }

    /** {grey part, colour part} standard deviations around 0.5 of a 3-channel picture. */
    static double[] parts(FloatImage image) {
        float[] x = image.colorData();
        int n = image.width() * image.height();
        double grey = 0, colour = 0;
        for (int i = 0; i < n; i++) {
            double m = (x[i] + x[n + i] + x[2 * n + i]) / 3;
            grey += (m - 0.5) * (m - 0.5);
            for (int k = 0; k < 3; k++) {
                colour += (x[k * n + i] - m) * (x[k * n + i] - m) / 3;
            }
        }
        return new double[] {Math.sqrt(grey / n), Math.sqrt(colour / n)};
    }
}
