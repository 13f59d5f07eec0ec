package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class SameDiffNetTest {

    /**
     * The graph's gradients against central finite differences of its objective, along a random direction per
     * parameter array (one array moved as a whole, so every layer's gradient is checked everywhere), with the graph
     * in double precision so that the differences are exact enough. This caught ND4J's wrong channels-last
     * upsampling backprop, which left the seed autoencoder's encoder with about half its gradient.
     */
    @ParameterizedTest(name = "{0} x{1}")
    @CsvSource({"seed-autoencoder, 1", "espcn, 2", "espcn, 3", "restore-unet, 1", "restore-unet, 4",
        "restore-unet-deep, 1", "compact-sr, 2", "compact-sr-deep, 2"})
    void gradients_matchFiniteDifferencesOfTheLoss(String architecture, int scale) {
        NetSpec spec = Architectures.build(architecture, scale);
        Map<String, INDArray> params = doubleParameters(spec);
        SameDiff graph = SameDiffNet.training(spec, params, TrainingConfig.Loss.MSE, true);
        SplittableRandom random = new SplittableRandom(11);
        int n = 2;
        int size = spec.sizeMultiple() > 4 ? 2 * spec.sizeMultiple() : 12;
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(NetSpec.INPUT, Nd4j.create(uniform(random, n * 3 * size * size), new long[] {n, 3, size, size}, 'c'));
        int out = size * scale;
        feed.put(SameDiffNet.TARGET, Nd4j.create(uniform(random, n * 3 * out * out), new long[] {n, 3, out, out}, 'c'));
        feed.put(SameDiffNet.ACTIVITY_SCALE, Nd4j.scalar(1e-4 / n));
        for (NetSpec.Layer layer : spec.layers()) {
            if (layer instanceof NetSpec.Dropout d) {
                double[] mask = new double[n * d.channels() * size / 2 * size / 2];
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = random.nextDouble() < d.rate() ? 0 : 1 / (1 - d.rate());
                }
                feed.put(SameDiffNet.maskName(d), Nd4j.create(mask, SameDiffNet.maskShape(n, d.channels(), size / 2,
                        size / 2), 'c'));
            }
        }
        List<String> names = new ArrayList<>();
        for (NetSpec.Conv c : spec.convs()) {
            names.add(c.weight());
            names.add(c.bias());
        }
        Map<String, INDArray> gradients = graph.calculateGradients(feed, names);
        double h = 1e-8;
        for (String name : names) {
            INDArray param = graph.getVariable(name).getArr();
            INDArray direction = Nd4j.create(signs(random, (int) param.length()), param.shape(), 'c');
            double analytic = gradients.get(name).mul(direction).sumNumber().doubleValue();
            param.addi(direction.mul(h));
            double plus = objective(graph, feed);
            param.subi(direction.mul(2 * h));
            double minus = objective(graph, feed);
            param.addi(direction.mul(h));
            double numeric = (plus - minus) / (2 * h);
            assertThat(analytic).as("%s: gradient along a random direction", name)
                    .isCloseTo(numeric, offset(1e-4 * Math.abs(numeric) + 1e-9));
        }
    }

    /**
     * Training runs in float32, where ND4J takes other kernels (oneDNN's) than in the double precision of the check
     * above: the float32 gradients of every parameter array must agree with the double ones (cosine similarity and
     * norm), so that a wrong float-only backward pass (layout, channel order) cannot hide behind the double check.
     */
    @ParameterizedTest(name = "{0} x{1}")
    @CsvSource({"restore-unet, 1", "restore-unet, 2", "compact-sr, 2"})
    void float32Gradients_agreeWithDoublePrecision(String architecture, int scale) {
        NetSpec spec = Architectures.build(architecture, scale);
        Map<String, INDArray> doubles = doubleParameters(spec);
        Map<String, INDArray> floats = new LinkedHashMap<>();
        doubles.forEach((name, p) -> floats.put(name, p.castTo(DataType.FLOAT)));
        SplittableRandom random = new SplittableRandom(11);
        int n = 2;
        int size = 2 * spec.sizeMultiple();
        int out = size * scale;
        INDArray input = Nd4j.create(uniform(random, n * 3 * size * size), new long[] {n, 3, size, size}, 'c');
        INDArray target = Nd4j.create(uniform(random, n * 3 * out * out), new long[] {n, 3, out, out}, 'c');
        List<String> names = new ArrayList<>();
        for (NetSpec.Conv c : spec.convs()) {
            names.add(c.weight());
            names.add(c.bias());
        }
        Map<String, INDArray> exact = SameDiffNet.training(spec, doubles, TrainingConfig.Loss.L1, false)
                .calculateGradients(Map.of(NetSpec.INPUT, input, SameDiffNet.TARGET, target), names);
        Map<String, INDArray> single = SameDiffNet.training(spec, floats, TrainingConfig.Loss.L1, false)
                .calculateGradients(Map.of(NetSpec.INPUT, input.castTo(DataType.FLOAT), SameDiffNet.TARGET,
                        target.castTo(DataType.FLOAT)), names);
        for (String name : names) {
            INDArray a = exact.get(name);
            INDArray b = single.get(name).castTo(DataType.DOUBLE);
            double cosine = a.mul(b).sumNumber().doubleValue() / (a.norm2Number().doubleValue()
                    * b.norm2Number().doubleValue() + 1e-30);
            assertThat(cosine).as("%s: cosine of float32 and double gradients", name).isGreaterThan(0.999);
            assertThat(b.norm2Number().doubleValue() / a.norm2Number().doubleValue()).as("%s: norm ratio", name)
                    .isCloseTo(1.0, offset(1e-3));
        }
    }

    /** The initial parameters in double precision, with every all-zero kernel replaced by small random values. */
    private static Map<String, INDArray> doubleParameters(NetSpec spec) {
        Map<String, INDArray> params = new LinkedHashMap<>();
        Parameters.initial(spec, 5).forEach((name, p) -> params.put(name, p.castTo(DataType.DOUBLE)));
        SplittableRandom init = new SplittableRandom(3);
        params.replaceAll((name, p) -> p.rank() == 4 && p.amaxNumber().doubleValue() == 0
                // a residual network's zero last kernel would hide every earlier layer's gradient
                ? Nd4j.create(init.doubles(p.length()).map(u -> (u * 2 - 1) * 0.05).toArray(), p.shape(), 'c')
                : p);
        return params;
    }

    private static double objective(SameDiff graph, Map<String, INDArray> feed) {
        return graph.output(feed, SameDiffNet.OBJECTIVE).get(SameDiffNet.OBJECTIVE).getDouble(0);
    }

    private static double[] uniform(SplittableRandom random, int length) {
        return random.doubles(length).toArray();
    }

    private static double[] signs(SplittableRandom random, int length) {
        return random.doubles(length).map(u -> u < 0.5 ? -1 : 1).toArray();
    }

    @Test
    void trainingGraph_isDifferentiatedWithoutPrintingAnOpPerLine() {
        NetSpec spec = Architectures.build("seed-autoencoder", 1);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        SameDiff graph;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            graph = SameDiffNet.training(spec, Parameters.initial(spec, 1), TrainingConfig.Loss.MSE, true);
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(SameDiffNet.SAMEDIFF_CHATTER.trim());
        assertThat(graph.getFunction("grad")).as("gradient graph built up front").isNotNull();
        assertThat(System.out).isSameAs(original);
    }

    @Test
    void lineFilter_dropsOnlyLinesWithThePrefix() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        SameDiffNet.LineFilter filter = new SameDiffNet.LineFilter(new PrintStream(sink, true, StandardCharsets.UTF_8),
                "Added differentiated op ");
        PrintStream out = new PrintStream(filter, true, StandardCharsets.UTF_8);
        out.println("Added differentiated op conv2d_1");
        out.println("a warning somebody else printed");
        out.println("Added");
        out.print("no newline yet");
        filter.flushPartialLine();

        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(
                "a warning somebody else printed" + System.lineSeparator() + "Added" + System.lineSeparator()
                        + "no newline yet");
    }
}
