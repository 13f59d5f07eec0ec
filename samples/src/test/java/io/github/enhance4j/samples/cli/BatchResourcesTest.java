package io.github.enhance4j.samples.cli;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.testing.HostileImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The batch path of the {@code enhance} command under load, each in a child JVM: memory stays flat over 500 images,
 * and a run killed with SIGKILL leaves only complete images under final names.
 */
class BatchResourcesTest {

    @TempDir
    Path dir;

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<Path> images(Path folder, int count, int width, int height) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String format = i % 2 == 0 ? "png" : "jpeg";
            Path file = folder.resolve(String.format("img%03d.%s", i, i % 2 == 0 ? "png" : "jpg"));
            Files.write(file, HostileImages.encode(HostileImages.noise(width, height, BufferedImage.TYPE_INT_RGB, i),
                    format));
            files.add(file);
        }
        return files;
    }

    /**
     * The child JVM's heap is fixed and touched up front, so RSS growth is native memory; heap is measured after a
     * GC. Both are taken after 100 images and again after 500: a leak per image would show as growth.
     */
    @Test
    void batch_fiveHundredImages_keepHeapAndRssFlat() throws Exception {
        assumeThat(Files.isReadable(Path.of("/proc/self/status"))).as("VmRSS from /proc (Linux only)").isTrue();
        images(dir.resolve("in"), 500, 32, 24);
        Process child = new ProcessBuilder(java(), "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                BatchResourcesTest.class.getName(), dir.resolve("in").toString(), dir.resolve("out").toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.print(output);
        assertThat(child.exitValue()).as(output).isZero();

        Matcher m = Pattern.compile("after (\\d+) images: heap (\\d+) KiB, RSS (\\d+) KiB").matcher(output);
        List<long[]> points = new ArrayList<>();
        while (m.find()) {
            points.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
        }
        assertThat(points).hasSize(5);
        assertThat(output).contains("500 enhanced, 0 failed");
        long[] first = points.get(0);
        long[] last = points.get(4);
        // 400 more images must not cost memory in proportion: a few MiB of noise, not a retained image each
        assertThat(last[1] - first[1]).as("heap growth in KiB").isLessThan(8 * 1024);
        // native allocators (malloc arenas of the workers, the JPEG codec, ONNX Runtime) settle slowly: measured
        // +11 to +34 MiB from 100 to 500 images, levelling off beyond; the bound catches runaway growth
        assertThat(last[2] - first[2]).as("RSS growth in KiB").isLessThan(128 * 1024);
    }

    /** Child JVM of {@link #batch_fiveHundredImages_keepHeapAndRssFlat()}: the command's batch runner. */
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Job> jobs = new JobPlanner(out, "_enhanced", null, false, JobPlanner.DEFAULT_GLOB).plan(List.of(in))
                .jobs();
        EnhanceOptions options = EnhanceOptions.builder().device(Device.CPU).build();
        try (Enhancer enhancer = Enhancer.load(DefaultModel.source(), options)) {
            BatchRunner runner = new BatchRunner(enhancer, false, ImageFiles.DEFAULT_MAX_PIXELS, 2, false,
                    MemoryBudget.ofHeap(0.6));
            List<Outcome> outcomes = new ArrayList<>();
            for (int from = 0; from < jobs.size(); from += 100) {
                int to = Math.min(jobs.size(), from + 100);
                outcomes.addAll(runner.run(jobs.subList(from, to)));
                report(to);
            }
            long done = outcomes.stream().filter(o -> o.status() == Outcome.Status.DONE).count();
            System.out.printf("%d enhanced, %d failed%n", done, outcomes.size() - done);
        }
    }

    private static void report(int images) throws IOException {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        System.out.printf("batch memory after %d images: heap %d KiB, RSS %d KiB%n", images,
                (rt.totalMemory() - rt.freeMemory()) >> 10, rss);
    }

    @Test
    void batch_killedWithSigkill_leavesOnlyCompleteImagesUnderFinalNames() throws Exception {
        List<Path> inputs = images(dir.resolve("in"), 120, 96, 64);
        Path out = dir.resolve("out");
        Process child = new ProcessBuilder(java(), "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), EnhanceCommand.class.getName(), "-q", "--device", "cpu",
                "-j", "2", dir.resolve("in").toString(), "-o", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            // kill once a few results exist, while the two workers are writing the next ones
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (finalNames(out).size() < 6 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            child.waitFor(1, TimeUnit.MINUTES);
        }

        List<Path> results = finalNames(out);
        long leftovers = listFiles(out).filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        System.out.printf("SIGKILL mid-batch: %d of %d images complete, %d temporary files left%n",
                results.size(), inputs.size(), leftovers);
        assertThat(results).isNotEmpty().hasSizeLessThan(inputs.size());
        for (Path result : results) {
            // ImageFiles.read refuses truncated PNG and JPEG data instead of grey-filling it
            BufferedImage image = ImageFiles.read(result);
            assertThat(image.getWidth()).as(result.toString()).isEqualTo(96 * 2);
            assertThat(image.getHeight()).as(result.toString()).isEqualTo(64 * 2);
        }
    }

    private static Stream<Path> listFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.collect(Collectors.toList()).stream();
        }
    }

    /** Files under the names the command promises; temporary files start with a dot. */
    private static List<Path> finalNames(Path folder) throws IOException {
        return listFiles(folder).filter(p -> !p.getFileName().toString().startsWith("."))
                .collect(Collectors.toList());
    }
}
