import io.github.enhance4j.*;
import io.github.enhance4j.models.*;
import java.awt.image.BufferedImage;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;

/**
 * How much memory each concurrent Spark task needs (README, "Spark"): one loaded model shared by TASKS threads, each
 * enhancing WxH images with one ONNX Runtime thread, as an executor's tasks do. Prints the resident memory (RSS) with
 * the model loaded, its peak while enhancing, and the largest Java heap in use, so that
 * (peak - loaded) / TASKS is the native memory per task and the heap figure the Java side. Run from the repository
 * root after a build, once per TASKS (a fresh JVM each, for a clean peak):
 *
 * <pre>
 * CP=api/target/classes:models/target/classes:backend-onnx/target/classes:$(cat spark/target/bench.cp)
 * for t in 1 2 4; do java -Xmx2g -cp $CP tools/TaskMemory.java sr-x2 $t 250 250 40; done
 * </pre>
 */
public class TaskMemory {
    public static void main(String[] a) throws Exception {
        String model = a[0];
        int tasks = Integer.parseInt(a[1]), w = Integer.parseInt(a[2]), h = Integer.parseInt(a[3]);
        int repeats = Integer.parseInt(a[4]);
        long base = rss("VmRSS");
        try (Enhancer e = Enhancer.load(BundledModel.byId(model).source(), EnhanceOptions.builder().threads(1).build())) {
            e.enhance(picture(64, 64)); // the session's first run allocates its arena
            System.gc();
            long loaded = rss("VmRSS");
            ExecutorService pool = Executors.newFixedThreadPool(tasks);
            long[] maxHeap = {0};
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                futures.add(pool.submit(() -> {
                    BufferedImage in = picture(w, h);
                    for (int i = 0; i < repeats; i++) {
                        e.enhance(in);
                        Runtime r = Runtime.getRuntime();
                        synchronized (maxHeap) {
                            maxHeap[0] = Math.max(maxHeap[0], r.totalMemory() - r.freeMemory());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            System.out.printf("%s, %d task(s), %dx%d: RSS before loading %d MiB, loaded %d MiB, peak %d MiB"
                    + " (+%d MiB per task); Java heap in use at most %d MiB%n", model, tasks, w, h, base >> 20,
                    loaded >> 20, rss("VmHWM") >> 20, (rss("VmHWM") - loaded) / tasks >> 20, maxHeap[0] >> 20);
        }
    }

    static BufferedImage picture(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | random.nextInt(64));
            }
        }
        return image;
    }

    static long rss(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
            }
        }
        return -1;
    }
}
