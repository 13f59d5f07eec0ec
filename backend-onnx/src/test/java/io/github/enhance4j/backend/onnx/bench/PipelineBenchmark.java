package io.github.enhance4j.backend.onnx.bench;

import io.github.enhance4j.ColorMode;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.image.Tensor;
import io.github.enhance4j.spi.InferenceEngine;
import io.github.enhance4j.spi.TiledEnhancer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the Java pipeline alone costs: {@link Enhancer#enhance(BufferedImage)} through the standard tiling with an
 * engine that answers at once (a prepared output of the right shape), so that every nanosecond measured is tiling,
 * conversion, copying, blending and writing the image. {@link #main} prints nanoseconds per output pixel (mean and
 * best iteration). Only public API is used, so the same class measures any build of {@code enhance4j-api}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", "-Djava.awt.headless=true"})
@State(Scope.Benchmark)
public class PipelineBenchmark {

    @Param({"2", "4"})
    public int scale;

    @Param({"512"})
    public int size;

    /** {@code rgb}: TYPE_INT_RGB in and out; {@code bgr}: TYPE_3BYTE_BGR (as JPEG decodes). */
    @Param({"rgb"})
    public String layout;

    Enhancer enhancer;
    BufferedImage image;

    @Setup(Level.Trial)
    public void prepare() {
        BufferedImage smooth = BenchModels.smoothImage(size, size);
        if (layout.equals("bgr")) {
            image = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
            image.createGraphics().drawImage(smooth, 0, 0, null);
        } else {
            image = smooth;
        }
        enhancer = TiledEnhancer.create(new InstantEngine(scale), EnhanceOptions.defaults());
    }

    @TearDown(Level.Trial)
    public void close() {
        enhancer.close();
    }

    @Benchmark
    public BufferedImage enhance() {
        return enhancer.enhance(image);
    }

    /**
     * An RGB 0..1 engine that returns, for each input shape, the same prepared output: values in 0..1 with a little
     * above and below, so that clamping is exercised. The enhancer only reads engine outputs.
     */
    static final class InstantEngine implements InferenceEngine {
        private final ModelInfo info;
        private final Map<String, Tensor> outputs = new ConcurrentHashMap<>();

        InstantEngine(int scale) {
            this.info = ModelInfo.builder().backend("instant").scale(scale).colorMode(ColorMode.RGB).build();
        }

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public Tensor run(Tensor input) {
            int s = info.scale();
            int[] shape = {input.dim(0), input.dim(1), input.dim(2) * s, input.dim(3) * s};
            return outputs.computeIfAbsent(Arrays.toString(shape), k -> {
                float[] data = new float[shape[0] * shape[1] * shape[2] * shape[3]];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (0.5 + 0.55 * Math.sin(i * 0.001));
                }
                return new Tensor(shape, data);
            });
        }

        @Override
        public void close() {
        }
    }

    /** Runs JMH with the given options and prints nanoseconds per output pixel. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions options = new CommandLineOptions(args);
        if (options.getIncludes().isEmpty()) {
            String[] all = new String[args.length + 1];
            all[0] = PipelineBenchmark.class.getSimpleName();
            System.arraycopy(args, 0, all, 1, args.length);
            options = new CommandLineOptions(all);
        }
        Collection<RunResult> results = new Runner(options).run();
        StringBuilder table = new StringBuilder("\nJava pipeline, nanoseconds per output pixel (lower is better)\n"
                + "| scale | size | layout | mean ns/px | best ns/px |\n|------:|-----:|--------|-----------:|-----------:|\n");
        for (RunResult r : results) {
            int s = Integer.parseInt(r.getParams().getParam("scale"));
            int n = Integer.parseInt(r.getParams().getParam("size"));
            double pixels = Math.pow((double) n * s, 2);
            table.append(String.format(Locale.ROOT, "| %5d | %4d | %-6s | %10.2f | %10.2f |%n", s, n,
                    r.getParams().getParam("layout"), r.getPrimaryResult().getScore() * 1e6 / pixels,
                    r.getPrimaryResult().getStatistics().getMin() * 1e6 / pixels));
        }
        System.out.println(table);
    }
}
