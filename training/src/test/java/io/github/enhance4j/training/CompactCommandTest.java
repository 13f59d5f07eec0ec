package io.github.enhance4j.training;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.training.HalfPrecisionWeights.Half;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CompactCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TrainApp.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void half_everyFloat16RoundTrips_andSpecialValuesConvertAsIeee754Says() {
        for (int bits = 0; bits < 0x10000; bits++) {
            short h = (short) bits;
            float f = Half.toFloat(h);
            if (!Float.isNaN(f)) {
                assertThat(Half.fromFloat(f)).as("0x%04x", bits).isEqualTo(h);
            }
        }
        assertThat(Half.fromFloat(1f)).isEqualTo((short) 0x3c00);
        assertThat(Half.fromFloat(65504f)).isEqualTo((short) 0x7bff);
        assertThat(Half.fromFloat(65520f)).isEqualTo((short) 0x7c00); // rounds up to infinity
        assertThat(Half.fromFloat(-1e9f)).isEqualTo((short) 0xfc00);
        assertThat(Half.fromFloat(0x1p-24f)).isEqualTo((short) 1); // smallest subnormal
        assertThat(Half.fromFloat(0x1p-25f)).isEqualTo((short) 0); // a tie, to even
        assertThat(Float.isNaN(Half.toFloat(Half.fromFloat(Float.NaN)))).isTrue();
    }

    @Test
    void half_roundsEveryFloatToTheNearestFloat16() {
        Random r = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            float f = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(9) - 6));
            short h = Half.fromFloat(f);
            double error = Math.abs(Half.toFloat(h) - (double) f);
            for (int neighbour : new int[] {-1, 1}) {
                float other = Half.toFloat((short) (h + neighbour));
                if (!Float.isInfinite(other) && Math.signum(other) == Math.signum(Half.toFloat(h))) {
                    assertThat(error).as("%s -> 0x%04x", f, h).isLessThanOrEqualTo(Math.abs(other - (double) f));
                }
            }
        }
    }

    @Test
    void compact_halvesTheModel_andBothBackendsStillRunItAsBefore() throws Exception {
        Path original = Files.write(dir.resolve("seed.onnx"), ModelGenerators.seedAutoencoder(11));
        Path compacted = dir.resolve("seed-fp16.onnx");

        int code = run("compact", original.toString(), "-o", compacted.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("now float16");
        assertThat(Files.size(compacted)).isLessThan(Files.size(original) * 6 / 10);
        BufferedImage input = noise(24, 20);
        FloatImage expected = enhance(original, "onnx", input);
        FloatImage onnx = enhance(compacted, "onnx", input);
        FloatImage dl4j = enhance(compacted, "dl4j", input);
        assertThat(maxDifference(expected, onnx)).isLessThanOrEqualTo(2 / 255f);
        assertThat(maxDifference(onnx, dl4j)).isLessThanOrEqualTo(1 / 255f);
    }

    @Test
    void compact_neverOverwritesTheInputOrAnExistingFile() throws Exception {
        Path model = Files.write(dir.resolve("m.onnx"), ModelGenerators.espcn(2, 1));
        byte[] before = Files.readAllBytes(model);
        Path existing = Files.writeString(dir.resolve("taken.onnx"), "keep me");

        assertThat(run("compact", model.toString(), "-o", model.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is the input");
        assertThat(run("compact", model.toString(), "-o", existing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--overwrite");
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void compact_ofSomethingElse_saysItIsNotAModel() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "\u0008\u0001 not protobuf at all \u00ff\u00fe");

        assertThat(run("compact", junk.toString(), "-o", dir.resolve("out.onnx").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("not a readable ONNX model");
        assertThat(dir.resolve("out.onnx")).doesNotExist();
    }

    private static FloatImage enhance(Path model, String backend, BufferedImage input) {
        try (Enhancer e = Enhancer.load(model, EnhanceOptions.builder().backend(backend).build())) {
            return Pixels.read(e.enhance(input));
        }
    }

    private static BufferedImage noise(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(9);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        return img;
    }

    private static float maxDifference(FloatImage a, FloatImage b) {
        float max = 0;
        float[] x = a.colorData();
        float[] y = b.colorData();
        assertThat(x).hasSameSizeAs(y);
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }
}
