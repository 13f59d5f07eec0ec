package io.github.enhance4j.backend.dl4j.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.backend.dl4j.BenchAccess;
import io.github.enhance4j.image.Tensor;
import io.github.enhance4j.spi.InferenceEngine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Side-by-side benchmark (see backend-dl4j/BENCHMARKS.md): seed-autoencoder training throughput against PyTorch,
 * and inference against ONNX Runtime on the same exported model, in one process run.
 *
 * <p>PyTorch runs before and after DL4J and the ratio uses their mean. ONNX Runtime and DL4J inference alternate.
 *
 * <p>System properties: {@code images} (default 256), {@code batch} (32), {@code epochs} (2: the first is warm-up),
 * {@code threads} (2), {@code python} (/usr/bin/python3), {@code inferSize} (256), {@code inferRuns} (10),
 * {@code inferenceOnly} (false).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int images = Integer.getInteger("images", 256);
        int batch = Integer.getInteger("batch", 32);
        int epochs = Integer.getInteger("epochs", 2);
        int threads = Integer.getInteger("threads", 2);
        if (Boolean.getBoolean("inferenceOnly")) {
            inference(Integer.getInteger("inferSize", 256), Integer.getInteger("inferRuns", 10));
            return;
        }
        System.out.printf(Locale.ROOT, "seed-autoencoder training, 80x80, batch %d, %d images, %d epochs (first is"
                + " warm-up), %d threads%n", batch, images, epochs, threads);
        // PyTorch before and after, so that a change in the machine's load during the run shows in the figures
        Double torchBefore = torch(images, batch, epochs, threads);
        double dl4j = TrainingThroughput.measure(images, batch, epochs);
        Double torchAfter = torchBefore == null ? null : torch(images, batch, epochs, threads);
        System.out.printf(Locale.ROOT, "  dl4j    %.2f img/s%n", dl4j);
        if (torchBefore != null && torchAfter != null) {
            double torch = (torchBefore + torchAfter) / 2;
            System.out.printf(Locale.ROOT, "  pytorch %.2f img/s (%.2f before, %.2f after)%n"
                    + "  ratio dl4j/pytorch %.2f%n", torch, torchBefore, torchAfter, dl4j / torch);
        }
        inference(Integer.getInteger("inferSize", 256), Integer.getInteger("inferRuns", 10));
    }

    private static Double torch(int images, int batch, int epochs, int threads) throws Exception {
        Path script = Path.of("bench/torch_seed_train.py");
        if (!Files.exists(script)) {
            script = Path.of("backend-dl4j/bench/torch_seed_train.py");
        }
        String python = System.getProperty("python", "/usr/bin/python3");
        Process p = new ProcessBuilder(python, script.toString(), Integer.toString(images), Integer.toString(batch),
                Integer.toString(epochs), Integer.toString(threads)).redirectErrorStream(true).start();
        Double result = null;
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                log.append(line).append('\n');
                if (line.startsWith("torch img/s ")) {
                    result = Double.parseDouble(line.substring("torch img/s ".length()).trim());
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            System.out.println("  pytorch not measured (install python3-torch: apt-get install python3-torch): "
                    + log.toString().trim());
            return null;
        }
        return result;
    }

    private static void inference(int size, int runs) throws Exception {
        byte[] onnx = BenchAccess.randomSeedModel();
        float[] input = new float[3 * size * size];
        Random r = new Random(2);
        for (int i = 0; i < input.length; i++) {
            input[i] = r.nextFloat();
        }
        Tensor tensor = new Tensor(new int[] {1, 3, size, size}, input);
        System.out.printf(Locale.ROOT, "seed-autoencoder inference, 1x3x%dx%d, 2 alternating rounds of %d runs after warm-up%n", size,
                size, runs);
        double ours = 0;
        double theirs = 0;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (InferenceEngine engine = BenchAccess.engine(ModelSource.of(onnx, "seed.onnx"),
                EnhanceOptions.defaults());
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(Integer.getInteger("threads", 2));
            try (OrtSession session = env.createSession(onnx, options);
                    OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, size,
                            size})) {
                for (int i = 0; i < 2; i++) {
                    engine.run(tensor);
                    session.run(Map.of("input", t)).close();
                }
                for (int round = 0; round < 2; round++) {
                    long start = System.nanoTime();
                    for (int i = 0; i < runs; i++) {
                        engine.run(tensor);
                    }
                    ours += (System.nanoTime() - start) / 1e6 / runs / 2;
                    start = System.nanoTime();
                    for (int i = 0; i < runs; i++) {
                        session.run(Map.of("input", t)).close();
                    }
                    theirs += (System.nanoTime() - start) / 1e6 / runs / 2;
                }
            }
        }
        System.out.printf(Locale.ROOT, "  dl4j         %.1f ms/image%n  onnxruntime  %.1f ms/image%n"
                + "  ratio dl4j/onnxruntime throughput %.2f%n", ours, theirs, theirs / ours);
    }
}
