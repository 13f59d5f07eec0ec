package io.github.enhance4j.samples.cli;

import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.image.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline of {@link BatchRunner} (readers, inference workers, writers) with an engine stand-in: outcomes in the
 * jobs' order whatever order images finish in, every result written from its own input, a failure in any stage
 * confined to its image, and memory budgets smaller than the images still completing. The timeouts only keep a
 * broken pipeline from hanging the build.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BatchRunnerTest {

    private static final int FAIL = 0x0BAD00;
    private static final int OUT_OF_MEMORY = 0x00B00B;

    @TempDir
    Path dir;

    /**
     * Doubles an image by repeating pixels, so that a result shows which input it came from; throws for images of
     * the colour {@link #FAIL}, runs out of memory for {@link #OUT_OF_MEMORY}, and holds the first image back until
     * {@code release} opens, recording the order in which images finish.
     */
    private static final class StandIn implements Enhancer {
        final List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch release;
        final int holdColour;
        final AtomicInteger running = new AtomicInteger();
        volatile int mostAtOnce;

        StandIn(int holdColour, CountDownLatch release) {
            this.holdColour = holdColour;
            this.release = release;
        }

        @Override
        public BufferedImage enhance(BufferedImage image) {
            int now = running.incrementAndGet();
            mostAtOnce = Math.max(mostAtOnce, now);
            try {
                int colour = image.getRGB(0, 0) & 0xFFFFFF;
                if (colour == holdColour) {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (colour == FAIL) {
                    throw new IllegalStateException("the engine broke");
                }
                if (colour == OUT_OF_MEMORY) {
                    throw new OutOfMemoryError("Java heap space");
                }
                BufferedImage out = new BufferedImage(image.getWidth() * 2, image.getHeight() * 2,
                        BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < out.getHeight(); y++) {
                    for (int x = 0; x < out.getWidth(); x++) {
                        out.setRGB(x, y, image.getRGB(x / 2, y / 2));
                    }
                }
                finished.add(colour);
                release.countDown();
                return out;
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public void enhance(Path input, Path output) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ModelInfo info() {
            return ModelInfo.builder().scale(2).backend("stand-in").build();
        }

        @Override
        public void close() {
        }
    }

    private static int colour(int i) {
        return 0x102030 + i * 0x010101;
    }

    private Job job(String name, int colour) throws IOException {
        Path in = dir.resolve("in").resolve(name + ".png");
        Files.createDirectories(in.getParent());
        BufferedImage image = new BufferedImage(12, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 12; x++) {
                image.setRGB(x, y, colour);
            }
        }
        ImageFiles.write(image, in);
        return new Job(in, dir.resolve("out").resolve(name + "_enhanced.png"), null);
    }

    private static BatchRunner runner(Enhancer enhancer, int parallel, int budgetMib) {
        return new BatchRunner(enhancer, false, ImageFiles.DEFAULT_MAX_PIXELS, parallel, false,
                new MemoryBudget(budgetMib));
    }

    @Test
    void run_imagesFinishingOutOfOrder_outcomesFollowTheJobsAndEachResultIsItsOwnInput() throws Exception {
        int count = 8;
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(job(String.format("img%02d", i), colour(i)));
        }
        // the first image waits until the others are all done: it finishes last
        StandIn engine = new StandIn(colour(0), new CountDownLatch(count - 1));

        List<Outcome> outcomes = runner(engine, 2, 256).run(jobs);

        assertThat(engine.finished).as("order the engine finished in").hasSize(count).endsWith(colour(0));
        assertThat(outcomes).extracting(Outcome::input).containsExactlyElementsOf(jobs.stream().map(Job::input)
                .toList());
        assertThat(outcomes).allMatch(o -> o.status() == Outcome.Status.DONE, "all done");
        for (int i = 0; i < count; i++) {
            BufferedImage result = ImageFiles.read(jobs.get(i).output());
            assertThat(result.getWidth()).isEqualTo(24);
            assertThat(result.getRGB(23, 15) & 0xFFFFFF).as("result of image %d", i).isEqualTo(colour(i));
        }
        assertThat(engine.mostAtOnce).as("images enhanced at once").isBetween(1, 2);
    }

    @Test
    void run_failuresInEveryStage_eachFailsAloneInItsPlace() throws Exception {
        List<Job> jobs = new ArrayList<>();
        jobs.add(job("a", colour(1)));
        Path broken = dir.resolve("in/b-broken.png");
        Files.write(broken, Arrays.copyOf(Files.readAllBytes(jobs.get(0).input()), 40));
        jobs.add(new Job(broken, dir.resolve("out/b_enhanced.png"), null));
        jobs.add(job("c", colour(3)));
        jobs.add(job("d-engine-fails", FAIL));
        jobs.add(job("e", colour(5)));
        jobs.add(job("f-out-of-memory", OUT_OF_MEMORY));
        Job unwritable = job("g", colour(7));
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/blocker"), "a file where a folder should be");
        jobs.add(new Job(unwritable.input(), dir.resolve("out/blocker/g_enhanced.png"), null));
        jobs.add(job("h", colour(8)));

        // a budget of 1 MiB holds one image at a time: a failure that kept its share would stop the run
        List<Outcome> outcomes = runner(new StandIn(-1, new CountDownLatch(0)), 2, 1).run(jobs);

        assertThat(outcomes).extracting(Outcome::input).containsExactlyElementsOf(jobs.stream().map(Job::input)
                .toList());
        assertThat(outcomes).extracting(Outcome::status).containsExactly(Outcome.Status.DONE, Outcome.Status.FAILED,
                Outcome.Status.DONE, Outcome.Status.FAILED, Outcome.Status.DONE, Outcome.Status.FAILED,
                Outcome.Status.FAILED, Outcome.Status.DONE);
        assertThat(outcomes.get(3).detail()).contains("the engine broke");
        assertThat(outcomes.get(5).detail()).contains("out of memory").contains("-Xmx");
        assertThat(outcomes.get(6).detail()).contains("blocker");
        for (String done : List.of("a", "c", "e", "h")) {
            assertThat(dir.resolve("out/" + done + "_enhanced.png")).exists();
        }
        assertThat(dir.resolve("out/b_enhanced.png")).doesNotExist();
        assertThat(dir.resolve("out/d-engine-fails_enhanced.png")).doesNotExist();
    }

    @Test
    void run_existingOutputs_areSkippedWithoutBeingRead() throws Exception {
        Job first = job("x", colour(1));
        Job second = job("y", colour(2));
        Files.createDirectories(first.output().getParent());
        Files.writeString(first.output(), "keep me");
        // an input that cannot be read: skipping must not try
        Files.writeString(first.input(), "not an image");

        List<Outcome> outcomes = runner(new StandIn(-1, new CountDownLatch(0)), 3, 64).run(List.of(first, second));

        assertThat(outcomes).extracting(Outcome::status).containsExactly(Outcome.Status.SKIPPED,
                Outcome.Status.DONE);
        assertThat(Files.readString(first.output())).isEqualTo("keep me");
    }

    @Test
    void run_noJobs_returnsNoOutcomes() throws Exception {
        assertThat(runner(new StandIn(-1, new CountDownLatch(0)), 2, 64).run(List.of())).isEmpty();
    }
}
