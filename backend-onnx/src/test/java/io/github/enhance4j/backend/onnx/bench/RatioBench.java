package io.github.enhance4j.backend.onnx.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelSource;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The enhance / raw ratio of {@link EnhanceBenchmark}, measured for a machine shared with other work: one raw
 * {@code OrtSession.run} and one {@code Enhancer.enhance} on the same model, pixels and threads, alternating call by
 * call, so that both sides see the same background load; other tenants only ever slow a call down, so the fastest
 * calls (and the median of the per-pair ratios) are the estimates. Not JMH: JMH measures one side for seconds, then
 * the other, and on a loaded machine the load decides the ratio.
 *
 * <pre>java -cp ... RatioBench MODEL[,MODEL...] SIZE [PAIRS] [THREADS]</pre>
 */
public final class RatioBench {

    private RatioBench() {
    }

    public static void main(String[] args) throws OrtException {
        String[] models = args[0].split(",");
        int size = Integer.parseInt(args[1]);
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        System.out.println("| model | size | pairs | raw best ms | enhance best ms | best ratio | median pair ratio |"
                + " enhance - raw, ns per output pixel | raw at the size enhance computes (with its margin), best ms"
                + " | enhance / that |");
        for (String model : models) {
            System.out.println(measure(model, size, pairs, threads));
        }
    }

    static String measure(String model, int size, int pairs, int threads) throws OrtException {
        byte[] bytes = BenchModels.model(model);
        BufferedImage image = BenchModels.smoothImage(size, size);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(threads);
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(bytes, so);
                    Enhancer enhancer = Enhancer.load(ModelSource.of(bytes, model + ".onnx"), EnhanceOptions.builder()
                            .backend("onnx").device(Device.CPU).threads(threads).build())) {
                float[] nchw = BenchModels.toNchw(image);
                FloatBuffer direct = ByteBuffer.allocateDirect(nchw.length * Float.BYTES)
                        .order(ByteOrder.nativeOrder()).asFloatBuffer();
                direct.put(nchw).rewind();
                // the enhancer widens a one-tile image by a mirrored margin on every side (TilingEnhancer): the engine
                // runs on that size, whose time is measured too, to tell the engine's share of the gap from Java's
                int multiple = enhancer.info().sizeMultiple();
                int margin = (EnhanceOptions.DEFAULT_TILE_OVERLAP / 4 + multiple - 1) / multiple * multiple;
                // only for images of one tile; larger ones are tiled, and the column says n/a
                boolean oneTile = size <= EnhanceOptions.DEFAULT_TILE_SIZE;
                int computed = oneTile ? size + 2 * margin : 1;
                float[] wide = BenchModels.toNchw(BenchModels.smoothImage(computed, computed));
                FloatBuffer wideDirect = ByteBuffer.allocateDirect(wide.length * Float.BYTES)
                        .order(ByteOrder.nativeOrder()).asFloatBuffer();
                wideDirect.put(wide).rewind();
                try (OnnxTensor input = OnnxTensor.createTensor(env, direct, new long[] {1, 3, size, size});
                        OnnxTensor wideInput = OnnxTensor.createTensor(env, wideDirect,
                                new long[] {1, 3, computed, computed})) {
                    Map<String, OnnxTensor> inputs = Map.of(session.getInputNames().iterator().next(), input);
                    Map<String, OnnxTensor> wideInputs = Map.of(session.getInputNames().iterator().next(), wideInput);
                    long warmUntil = System.nanoTime() + 3_000_000_000L;
                    while (System.nanoTime() < warmUntil) {
                        raw(session, inputs);
                        enhancer.enhance(image);
                    }
                    long[] raw = new long[pairs];
                    long[] rawWide = new long[pairs];
                    long[] enhance = new long[pairs];
                    double[] ratio = new double[pairs];
                    for (int p = 0; p < pairs; p++) {
                        // alternate which side goes first, so that neither always follows the other
                        if (p % 2 == 0) {
                            raw[p] = raw(session, inputs);
                            enhance[p] = timed(enhancer, image);
                        } else {
                            enhance[p] = timed(enhancer, image);
                            raw[p] = raw(session, inputs);
                        }
                        ratio[p] = (double) raw[p] / enhance[p];
                    }
                    // afterwards, not between the pairs: a run of another size in between slowed the next enhance
                    // call by up to a quarter (sr-x2, 43 -> 54 ms)
                    for (int p = 0; oneTile && p < pairs; p++) {
                        if (p == 0) {
                            raw(session, wideInputs);
                        }
                        rawWide[p] = raw(session, wideInputs);
                    }
                    Arrays.sort(ratio);
                    long bestRaw = Arrays.stream(raw).min().getAsLong();
                    long bestEnhance = Arrays.stream(enhance).min().getAsLong();
                    double outPixels = Math.pow((double) size * BenchModels.scale(model), 2);
                    long bestWide = Arrays.stream(rawWide).min().getAsLong();
                    String wideColumns = oneTile ? String.format(Locale.ROOT, "%.1f (%d) | %.2f", bestWide / 1e6,
                            computed, (double) bestWide / bestEnhance) : "n/a | n/a";
                    return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.2f | %.2f | %.1f | %s |", model,
                            size, pairs, bestRaw / 1e6, bestEnhance / 1e6, (double) bestRaw / bestEnhance,
                            ratio[pairs / 2], (bestEnhance - bestRaw) / outPixels, wideColumns);
                }
            }
        }
    }

    private static long raw(OrtSession session, Map<String, OnnxTensor> inputs) throws OrtException {
        long t0 = System.nanoTime();
        try (OrtSession.Result result = session.run(inputs)) {
            if (result.size() != 1) {
                throw new IllegalStateException("one output expected");
            }
        }
        return System.nanoTime() - t0;
    }

    private static long timed(Enhancer enhancer, BufferedImage image) {
        long t0 = System.nanoTime();
        BufferedImage out = enhancer.enhance(image);
        if (out.getWidth() < image.getWidth()) {
            throw new IllegalStateException("smaller result");
        }
        return System.nanoTime() - t0;
    }
}
