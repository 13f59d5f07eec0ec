package io.github.enhance4j.backend.onnx.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How to run many small images through one model fastest, measured on bare {@code OrtSession.run} calls: several
 * images stacked into one batch, several calls at once, and how many intra-op threads each session uses. Each
 * arrangement is {@code CxBxT}: {@code C} calling threads, each running batches of {@code B} images on a session of
 * {@code T} intra-op threads ({@code 0}: ONNX Runtime's default, all cores). Rounds alternate the arrangements (in a
 * rotated order), so that all see the same background load; the figures are the median images per second and the
 * median of each round's ratio to the first arrangement.
 *
 * <pre>java -cp ... SmallImageBench MODEL SIZE ROUNDS IMAGES ARRANGEMENT...
 * java -cp ... SmallImageBench sr-x2 258 8 32 1x1x0 1x4x0 2x1x0 2x1x1 2x2x1 2x4x1</pre>
 *
 * {@code SIZE} 258 is a 250 x 250 LFW face with the 4-pixel mirrored margin the tiling adds on each side.
 */
public final class SmallImageBench {

    private SmallImageBench() {
    }

    /** One way of running the images. */
    private record Arrangement(String name, int callers, int batch, int threads) {
        static Arrangement parse(String s) {
            String[] p = s.split("x");
            return new Arrangement(s, Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        }
    }

    public static void main(String[] args) throws Exception {
        String model = args[0];
        int size = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int images = Integer.parseInt(args[3]);
        List<Arrangement> arrangements = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            arrangements.add(Arrangement.parse(args[i]));
        }
        byte[] bytes = BenchModels.model(model);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<Integer, OrtSession> sessions = new HashMap<>();
        try {
            for (Arrangement a : arrangements) {
                if (!sessions.containsKey(a.threads())) {
                    OrtSession.SessionOptions so = new OrtSession.SessionOptions();
                    so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                    if (a.threads() > 0) {
                        so.setIntraOpNumThreads(a.threads());
                    }
                    sessions.put(a.threads(), env.createSession(bytes, so));
                }
                for (int warm = 0; warm < 2; warm++) {
                    run(env, sessions.get(a.threads()), a.batch(), size);
                }
            }
            double[][] perSecond = new double[arrangements.size()][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < arrangements.size(); k++) {
                    int i = (k + r) % arrangements.size();
                    Arrangement a = arrangements.get(i);
                    perSecond[i][r] = imagesPerSecond(env, sessions.get(a.threads()), a, images, size);
                }
            }
            System.out.printf(Locale.ROOT, "%s, %d x %d, %d rounds of %d images%n", model, size, size, rounds, images);
            System.out.println("| callers x batch x threads | images/s (median) | ratio to " + arrangements.get(0).name()
                    + " (median of rounds) |");
            for (int i = 0; i < arrangements.size(); i++) {
                double[] ratios = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratios[r] = perSecond[i][r] / perSecond[0][r];
                }
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f |%n", arrangements.get(i).name(),
                        median(perSecond[i]), median(ratios));
            }
        } finally {
            for (OrtSession s : sessions.values()) {
                s.close();
            }
        }
    }

    private static double imagesPerSecond(OrtEnvironment env, OrtSession session, Arrangement a, int images,
            int size) throws Exception {
        int callsEach = Math.max(1, images / (a.batch() * a.callers()));
        ExecutorService pool = Executors.newFixedThreadPool(a.callers());
        try {
            long start = System.nanoTime();
            List<Future<?>> calls = new ArrayList<>();
            for (int c = 0; c < a.callers(); c++) {
                calls.add(pool.submit(() -> {
                    for (int i = 0; i < callsEach; i++) {
                        run(env, session, a.batch(), size);
                    }
                    return null;
                }));
            }
            for (Future<?> f : calls) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return callsEach * a.callers() * a.batch() / seconds;
        } finally {
            pool.shutdown();
        }
    }

    private static void run(OrtEnvironment env, OrtSession session, int batch, int size) throws OrtException {
        float[] data = new float[batch * 3 * size * size];
        Arrays.fill(data, 0.5f);
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {batch, 3, size, size});
                OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), input))) {
            if (result.size() != 1) {
                throw new IllegalStateException("one output expected");
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
