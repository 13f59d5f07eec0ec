import io.github.enhance4j.Enhancer;
import io.github.enhance4j.image.Degradation;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.image.ImageMetrics;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.SrEvaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What a model gains on pictures cut after their damage, as a picture cropped or pasted after JPEG compression is:
 * each picture of the folders is damaged as `evaluate --protocol damage` damages it (seeded by its place in the
 * list), then the damaged picture and the original are cut alike by (0,0), (4,4), (3,5) and (2,0) pixels of the
 * damaged one (twice that of the original for an enlarging model; 16 damaged pixels come off each size, so every cut
 * has the same size), and the model's result and the baseline (the damaged picture, or its bicubic enlargement) are
 * scored against the cut original: mean RGB PSNR gain per cut.
 *
 * <pre>
 * java -cp training/target/enhance4j-train.jar tools/CutAfterDamage.java MODEL.onnx DAMAGE SCALE FOLDER...
 * e.g. MODEL jpeg:20 1 H/heldout H/heldout-extra; restore-x2.onnx area:2+jpeg:30 2 H/heldout H/heldout-extra
 * </pre>
 */
public class CutAfterDamage {
    private static final int[][] CUTS = {{0, 0}, {4, 4}, {3, 5}, {2, 0}};

    public static void main(String[] a) throws Exception {
        Degradation damage = Degradation.parse(a[1]);
        int scale = Integer.parseInt(a[2]);
        List<Path> files = new ArrayList<>();
        for (int k = 3; k < a.length; k++) {
            try (Stream<Path> s = Files.list(Path.of(a[k]))) {
                s.sorted().forEach(files::add);
            }
        }
        double[] gain = new double[CUTS.length];
        try (Enhancer e = Enhancer.load(a[0])) {
            int index = 0;
            for (Path f : files) {
                FloatImage clean = SrEvaluation.modcrop(Pixels.read(ImageFiles.read(f)).withoutAlpha(), 16 * scale);
                FloatImage damaged = Pixels.read(Pixels.toBufferedImage(
                        damage.apply(clean, new Random(0x5EED_0000L + index++))));
                StringBuilder line = new StringBuilder(f.getFileName().toString());
                for (int c = 0; c < CUTS.length; c++) {
                    int dx = CUTS[c][0];
                    int dy = CUTS[c][1];
                    FloatImage original = cut(clean, dx * scale, dy * scale, 16 * scale);
                    FloatImage input = cut(damaged, dx, dy, 16);
                    FloatImage baseline = scale == 1 ? input : SrEvaluation.bicubicUpscale(input, scale);
                    FloatImage result = Pixels.read(e.enhance(Pixels.toBufferedImage(input)));
                    double g = ImageMetrics.psnr(original, result, 0) - ImageMetrics.psnr(original, baseline, 0);
                    gain[c] += g;
                    line.append(String.format(" | (%d,%d) %+.2f", dx, dy, g));
                }
                System.out.println(line);
            }
        }
        for (int c = 0; c < CUTS.length; c++) {
            System.out.printf("mean gain, cut by (%d,%d): %+.3f dB%n", CUTS[c][0], CUTS[c][1], gain[c] / files.size());
        }
    }

    private static FloatImage cut(FloatImage image, int dx, int dy, int less) {
        int w = image.width() - less;
        int h = image.height() - less;
        FloatImage out = new FloatImage(w, h, image.channels(), false);
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.set(c, x, y, image.get(c, x + dx, y + dy));
                }
            }
        }
        return out;
    }
}
