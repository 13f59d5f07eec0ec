package io.github.enhance4j.backend.onnx;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * One ONNX {@link Enhancer} shared by many threads: results identical to sequential calls, {@code close()} while
 * calls run, and native memory (process RSS) flat over thousands of calls. Figures are printed, not asserted, apart
 * from a generous bound on memory growth.
 */
class OnnxConcurrencyTest {

    private static final EnhanceOptions CPU = EnhanceOptions.builder().device(Device.CPU).threads(1).build();
    private static final int THREADS = 8;

    private static Enhancer open() {
        return Enhancer.load(ModelSource.of(ModelGenerators.boxBlur3x3(3), "blur.onnx"), CPU);
    }

    private static BufferedImage noise(int w, int h, long seed) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void enhance_eightThreadsTimesTwoHundredCalls_matchSequentialResults() throws Exception {
        int callsPerThread = 200;
        List<BufferedImage> inputs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            inputs.add(noise(20 + i, 14 + i % 5, i)); // several sizes: shapes change between concurrent runs
        }
        try (Enhancer enhancer = open()) {
            List<int[]> expected = new ArrayList<>();
            for (BufferedImage in : inputs) {
                expected.add(pixels(enhancer.enhance(in)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger mismatches = new AtomicInteger();
            long began;
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        int done = 0;
                        for (int k = 0; k < callsPerThread; k++) {
                            int which = (thread * 7 + k) % inputs.size();
                            if (!Arrays.equals(pixels(enhancer.enhance(inputs.get(which))), expected.get(which))) {
                                mismatches.incrementAndGet();
                            }
                            done++;
                        }
                        return done;
                    }));
                }
                began = System.nanoTime();
                start.countDown();
                int calls = 0;
                for (Future<Integer> f : futures) {
                    calls += f.get(5, TimeUnit.MINUTES);
                }
                System.out.printf("ONNX concurrency: %d threads x %d calls = %d calls in %d ms, %d mismatches%n",
                        THREADS, callsPerThread, calls, (System.nanoTime() - began) / 1_000_000, mismatches.get());
                assertThat(calls).isEqualTo(THREADS * callsPerThread);
            } finally {
                pool.shutdownNow();
            }
            assertThat(mismatches).hasValue(0);
        }
    }

    @Test
    void close_whileCallsRun_callsFinishCorrectlyOrFailWithIllegalState() throws Exception {
        BufferedImage in = noise(40, 30, 9);
        Enhancer enhancer = open();
        int[] expected = pixels(enhancer.enhance(in));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger completed = new AtomicInteger();
        AtomicBoolean wrong = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch running = new CountDownLatch(THREADS * 5);
        try {
            for (int t = 0; t < THREADS; t++) {
                pool.submit(() -> {
                    while (true) {
                        try {
                            int[] out = pixels(enhancer.enhance(in));
                            if (!Arrays.equals(out, expected)) {
                                wrong.set(true);
                            }
                            completed.incrementAndGet();
                            running.countDown();
                        } catch (Throwable e) {
                            failures.add(e);
                            return;
                        }
                    }
                });
            }
            assertThat(running.await(2, TimeUnit.MINUTES)).isTrue();
            enhancer.close(); // while eight threads are inside enhance
            enhancer.close();
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).as("every worker stopped").isTrue();
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("ONNX close during calls: %d calls completed, %d threads stopped by close()%n",
                completed.get(), failures.size());
        assertThat(wrong).as("a completed call returned a wrong image").isFalse();
        assertThat(failures).hasSize(THREADS).allSatisfy(e -> assertThat(e)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed"));
    }

    /**
     * Runs in a child JVM whose heap is fixed and touched up front ({@code -Xms = -Xmx}, {@code AlwaysPreTouch}), so
     * that the growth of RSS is native memory, not the Java heap expanding into garbage.
     */
    @Test
    void enhance_twoThousandCalls_keepNativeMemoryFlat() throws Exception {
        assumeThat(Files.isReadable(Path.of("/proc/self/status"))).as("VmRSS from /proc (Linux only)").isTrue();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), OnnxConcurrencyTest.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.print(output);
        assertThat(child.exitValue()).as(output).isZero();

        java.util.regex.Matcher m = java.util.regex.Pattern.compile("RSS (\\d+) -> (\\d+) KiB").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        long growthKiB = Long.parseLong(m.group(2)) - Long.parseLong(m.group(1));
        // 2000 leaked input tensors alone would be 288 MiB; the bound leaves room for allocator noise
        assertThat(growthKiB).as("RSS growth in KiB over 2000 calls").isLessThan(64 * 1024);
    }

    /** The child JVM of {@link #enhance_twoThousandCalls_keepNativeMemoryFlat()}. */
    public static void main(String[] args) throws IOException {
        Path status = Path.of("/proc/self/status");
        BufferedImage in = noise(128, 96, 3); // 147 KiB per float tensor: a leaked tensor per call would show
        Runtime runtime = Runtime.getRuntime();
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000; // more by hand, to see a trend
        try (Enhancer enhancer = open()) {
            for (int i = 0; i < 300; i++) { // warm-up: ONNX Runtime's arena and the JIT settle first
                enhancer.enhance(in);
            }
            System.gc();
            long rssBefore = rssKiB(status);
            long heapBefore = runtime.totalMemory() - runtime.freeMemory();
            for (int i = 0; i < calls; i++) {
                enhancer.enhance(in);
            }
            System.gc();
            long rssAfter = rssKiB(status);
            long heapAfter = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf("ONNX memory over %d calls (128x96 RGB, one thread): RSS %d -> %d KiB (%+d MiB),"
                    + " heap used after GC %d -> %d MiB%n", calls, rssBefore, rssAfter, (rssAfter - rssBefore) >> 10,
                    heapBefore >> 20, heapAfter >> 20);
        }
    }

    static long rssKiB(Path status) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS line in " + status);
    }
}
