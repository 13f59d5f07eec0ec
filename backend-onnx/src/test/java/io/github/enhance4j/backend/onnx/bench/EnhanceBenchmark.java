package io.github.enhance4j.backend.onnx.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelSource;
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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end {@link Enhancer#enhance(BufferedImage)} against a bare {@link OrtSession#run} on the same model, the
 * same pixels and the same threads, so that their ratio is what the Java pipeline (tiling, colour conversion,
 * copies, blending, writing the image) costs.
 *
 * <ul>
 * <li>{@code raw}: one prepared {@code [1, 3, size, size]} tensor, {@code session.run} and closing its result. The
 * session has the options the backend gives its own: {@code threads} intra-op threads, all graph
 * optimisations.</li>
 * <li>{@code enhance}: {@code enhancer.enhance(image)} on a prepared {@code size x size} TYPE_INT_RGB image with
 * the default tiling (512-pixel tiles, 16 pixels of overlap; a 4096-pixel image becomes 9 x 9 tiles of 472).</li>
 * </ul>
 *
 * Both report milliseconds per image; {@link #main} runs JMH with the given command-line options and then prints
 * output megapixels per second and the ratio enhance / raw per model and size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx12g", "-Djava.awt.headless=true"})
public class EnhanceBenchmark {

    /** What both benchmarks share: the model, the image size and the thread count. */
    @State(Scope.Benchmark)
    public static class Workload {
        @Param({"espcn-x2", "espcn-x4", "seed"})
        public String model;

        @Param({"512", "4096"})
        public int size;

        @Param({"2"})
        public int threads;

        /** {@code cpu} or {@code cuda:N}, for both benchmarks. */
        @Param({"cpu"})
        public String device;

        byte[] modelBytes;
        BufferedImage image;

        @Setup(Level.Trial)
        public void prepare() {
            modelBytes = BenchModels.model(model);
            image = BenchModels.smoothImage(size, size);
        }
    }

    /** A session made as the backend makes it, and the image as a prepared NCHW tensor. */
    @State(Scope.Benchmark)
    public static class RawSession {
        OrtSession session;
        OnnxTensor input;
        Map<String, OnnxTensor> inputs;

        @Setup(Level.Trial)
        public void open(Workload workload) throws OrtException {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(workload.threads);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                Device device = Device.parse(workload.device);
                if (device.kind() == Device.Kind.CUDA) {
                    options.addCUDA(device.index());
                }
                session = env.createSession(workload.modelBytes, options);
            }
            float[] nchw = BenchModels.toNchw(workload.image);
            FloatBuffer direct = ByteBuffer.allocateDirect(nchw.length * Float.BYTES).order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
            direct.put(nchw).rewind();
            input = OnnxTensor.createTensor(env, direct, new long[] {1, 3, workload.size, workload.size});
            inputs = Map.of(session.getInputNames().iterator().next(), input);
        }

        @TearDown(Level.Trial)
        public void close() throws OrtException {
            input.close();
            session.close();
        }
    }

    /** An enhancer loaded through the public API on the ONNX backend. */
    @State(Scope.Benchmark)
    public static class LoadedEnhancer {
        Enhancer enhancer;

        @Setup(Level.Trial)
        public void load(Workload workload) {
            EnhanceOptions options = EnhanceOptions.builder()
                    .backend("onnx")
                    .device(Device.parse(workload.device))
                    .threads(workload.threads)
                    .build();
            enhancer = Enhancer.load(ModelSource.of(workload.modelBytes, workload.model + ".onnx"), options);
        }

        @TearDown(Level.Trial)
        public void close() {
            enhancer.close();
        }
    }

    @Benchmark
    public long raw(RawSession raw) throws OrtException {
        try (OrtSession.Result result = raw.session.run(raw.inputs)) {
            // the shape proves the run produced its output; reading it costs nothing
            return ((OnnxTensor) result.get(0)).getInfo().getShape()[3];
        }
    }

    @Benchmark
    public BufferedImage enhance(LoadedEnhancer loaded, Workload workload) {
        return loaded.enhancer.enhance(workload.image);
    }

    /**
     * Runs the benchmarks with JMH's usual command-line options (e.g. {@code -p model=seed -p size=512 -i 3}) and
     * prints throughput in output megapixels per second and the ratio enhance / raw.
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions options = new CommandLineOptions(args);
        if (options.getIncludes().isEmpty()) {
            options = new CommandLineOptions(prepend(EnhanceBenchmark.class.getSimpleName(), args));
        }
        Collection<RunResult> results = new Runner(options).run();
        System.out.println(summary(results));
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /**
     * The table of BENCHMARKS.md: model, size, raw and enhance output MPix/s and their ratio, from the mean of the
     * measurement iterations and from the best (fastest) iteration. On a shared machine other tenants only ever
     * slow a run down, so the best iteration is the steadier estimate of what the code costs.
     */
    static String summary(Collection<RunResult> results) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (RunResult result : results) {
            String model = result.getParams().getParam("model");
            int size = Integer.parseInt(result.getParams().getParam("size"));
            String device = result.getParams().getParam("device");
            String label = result.getParams().getBenchmark();
            label = label.substring(label.lastIndexOf('.') + 1);
            double outputMegapixels = Math.pow((double) size * BenchModels.scale(model), 2) / 1e6;
            double meanMs = result.getPrimaryResult().getScore();
            double bestMs = result.getPrimaryResult().getStatistics().getMin();
            double[] row = rows.computeIfAbsent(String.format(Locale.ROOT, "| %-16s | %-6s | %4d |", model,
                    device == null ? "cpu" : device, size),
                    key -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
            int column = label.equals("raw") ? 0 : 1;
            row[column] = outputMegapixels / (meanMs / 1e3);
            row[column + 2] = outputMegapixels / (bestMs / 1e3);
        }
        StringBuilder table = new StringBuilder("\nOutput megapixels per second (higher is better); mean of the"
                + " iterations, and of the best iteration\n")
                .append("| model            | device | size | raw MPix/s | enhance MPix/s | enhance / raw | best raw"
                        + " | best enhance | best ratio |\n")
                .append("|------------------|--------|------|-----------:|---------------:|--------------:|---------:"
                        + "|-------------:|-----------:|\n");
        rows.forEach((key, row) -> table.append(String.format(Locale.ROOT,
                "%s %10.3f | %14.3f | %13.2f | %8.3f | %12.3f | %10.2f |%n",
                key, row[0], row[1], row[1] / row[0], row[2], row[3], row[3] / row[2])));
        return table.toString();
    }
}
