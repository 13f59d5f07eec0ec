import io.github.enhance4j.*;
import io.github.enhance4j.image.*;
import io.github.enhance4j.models.*;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

/**
 * The figures of the model cards' "Limits" (MODELS.md): every bundled model on inputs damaged in ways it was not
 * trained for, on the colour images of Set5 and Set14. Run from the repository root after a build:
 *
 * <pre>
 * CP=api/target/classes:models/target/classes:backend-onnx/target/classes:$(cat onnx-cp.txt)
 * java -cp $CP tools/ModelLimits.java ../shared/data/sr-bench/Set5 ../shared/data/sr-bench/Set14
 * </pre>
 *
 * where onnx-cp.txt holds the ONNX Runtime and slf4j-api jars: {@code mvn -q -pl backend-onnx
 * dependency:build-classpath -DincludeArtifactIds=onnxruntime,slf4j-api -Dmdep.outputFile=$PWD/onnx-cp.txt}.
 * About 2 minutes on 2 cores.
 */
public class ModelLimits {
    public static void main(String[] a) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String d : a) {
            try (Stream<Path> s = Files.list(Path.of(d))) { s.sorted().forEach(files::add); }
        }
        for (BundledModel m : List.of(BundledModel.SR_X2, BundledModel.SR_X4)) {
            try (Enhancer e = Enhancer.load(m.source())) {
                int s = m.scale();
                for (String deg : new String[] {"none", "jpeg:75", "jpeg:50", "jpeg:30", "noise:0.02", "blur:1.0"}) {
                    double sb = 0, se = 0; int n = 0;
                    for (Path p : files) {
                        FloatImage hr = SrEvaluation.modcrop(Pixels.read(ImageFiles.read(p)), s);
                        if (hr.channels() == 1) continue;
                        FloatImage lr = SrEvaluation.bicubicDegrade(hr, s);
                        if (!deg.equals("none")) lr = SrEvaluation.quantize8Bit(Degradation.parse(deg).apply(lr, new Random(1)));
                        FloatImage bic = SrEvaluation.bicubicUpscale(lr, s);
                        FloatImage out = Pixels.read(e.enhance(Pixels.toBufferedImage(lr)));
                        sb += ImageMetrics.psnrY(bic, hr, s); se += ImageMetrics.psnrY(out, hr, s); n++;
                    }
                    System.out.printf("%s input=%s n=%d bicubic %.2f model %.2f (%+.2f dB)%n", m.id(), deg, n, sb / n, se / n, (se - sb) / n);
                }
            }
        }
        try (Enhancer e = Enhancer.load(BundledModel.SEED_AUTOENCODER.source())) {
            for (String deg : new String[] {"none", "pixelate:0.4", "jpeg:30", "blur:1.0"}) {
                double sIn = 0, sOut = 0; int n = 0;
                for (Path p : files) {
                    FloatImage clean = SrEvaluation.quantize8Bit(Pixels.read(ImageFiles.read(p)).withoutAlpha());
                    if (clean.channels() == 1) continue;
                    FloatImage in = deg.equals("none") ? clean : SrEvaluation.quantize8Bit(Degradation.parse(deg).apply(clean, new Random(1)));
                    FloatImage out = Pixels.read(e.enhance(Pixels.toBufferedImage(in)));
                    sIn += deg.equals("none") ? 0 : ImageMetrics.psnr(in, clean, 0);
                    sOut += ImageMetrics.psnr(out, clean, 0); n++;
                }
                System.out.printf("seed-autoencoder input=%s n=%d input-vs-clean %.2f output-vs-clean %.2f dB (RGB PSNR)%n", deg, n, sIn / n, sOut / n);
            }
        }
    }
}
