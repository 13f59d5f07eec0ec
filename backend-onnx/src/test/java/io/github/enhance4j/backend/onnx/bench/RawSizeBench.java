package io.github.enhance4j.backend.onnx.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How long one raw {@code OrtSession.run} takes at input edges close to each other (the enhancer widens an image by
 * a mirrored margin, so it computes 520 pixels for a 512-pixel image): each size's runs alternate between ONNX
 * Runtime allocating the output and writing into a pinned one, after a warm-up. Prints the best and the median.
 *
 * <pre>java -cp ... RawSizeBench MODEL SIZE[,SIZE...] [RUNS] [THREADS]</pre>
 */
public final class RawSizeBench {

    private RawSizeBench() {
    }

    public static void main(String[] args) throws OrtException {
        String model = args[0];
        int[] sizes = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 14;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int scale = BenchModels.scale(model);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        System.out.println("| model | input edge | allocated output: best ms | median | pinned output: best ms | median |");
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(threads);
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(BenchModels.model(model), so)) {
                String in = session.getInputNames().iterator().next();
                String out = session.getOutputNames().iterator().next();
                for (int size : sizes) {
                    FloatBuffer input = direct(3 * size * size);
                    Random random = new Random(size);
                    for (int i = 0; i < input.capacity(); i++) {
                        input.put(i, random.nextFloat());
                    }
                    int outSize = size * scale;
                    try (OnnxTensor inputTensor = OnnxTensor.createTensor(env, input, new long[] {1, 3, size, size});
                            OnnxTensor pinned = OnnxTensor.createTensor(env, direct(3 * outSize * outSize),
                                    new long[] {1, 3, outSize, outSize})) {
                        Map<String, OnnxTensor> inputs = Map.of(in, inputTensor);
                        Map<String, OnnxTensor> outputs = Map.of(out, pinned);
                        long warmUntil = System.nanoTime() + 2_000_000_000L;
                        while (System.nanoTime() < warmUntil) {
                            session.run(inputs).close();
                            session.run(inputs, outputs).close();
                        }
                        long[] allocated = new long[runs];
                        long[] intoPinned = new long[runs];
                        for (int r = 0; r < runs; r++) {
                            long t0 = System.nanoTime();
                            session.run(inputs).close();
                            allocated[r] = System.nanoTime() - t0;
                            t0 = System.nanoTime();
                            session.run(inputs, outputs).close();
                            intoPinned[r] = System.nanoTime() - t0;
                        }
                        Arrays.sort(allocated);
                        Arrays.sort(intoPinned);
                        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", model, size,
                                allocated[0] / 1e6, allocated[runs / 2] / 1e6, intoPinned[0] / 1e6,
                                intoPinned[runs / 2] / 1e6);
                    }
                }
            }
        }
    }

    private static FloatBuffer direct(int values) {
        return ByteBuffer.allocateDirect(values * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
