package io.github.enhance4j.samples.cli;

import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.image.PixelFormat;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.Resampler;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs image jobs through one shared {@link Enhancer} as a pipeline of three stages joined by bounded queues, so that
 * decoding and encoding overlap inference instead of adding to it:
 * <ol>
 *   <li>readers take the jobs in order, skip those whose output exists, decode the image and reserve its memory in
 *       the {@link MemoryBudget};</li>
 *   <li>{@code parallel} inference workers enhance;</li>
 *   <li>writers encode and write each result atomically (and the comparison picture), then release its memory.</li>
 * </ol>
 * Memory stays bounded twice over: by the budget (input plus output of every image between decoding and writing) and
 * by the queues (at most {@code parallel} images decoded ahead, as many enhanced ones waiting to be written). One
 * failing image, in any stage, is one failed outcome; the others go on. Outcomes come back in the jobs' order,
 * whatever order the images finished in.
 */
final class BatchRunner {

    private final Enhancer enhancer;
    private final boolean overwrite;
    private final long maxPixels;
    private final int parallel;
    private final boolean progress;
    private final MemoryBudget budget;

    /**
     * @param parallel  images enhanced at once (inference workers); readers are half as many (at least one), writers
     *                  as many
     * @param maxPixels larger images are refused when read
     */
    BatchRunner(Enhancer enhancer, boolean overwrite, long maxPixels, int parallel, boolean progress,
            MemoryBudget budget) {
        this.enhancer = enhancer;
        this.overwrite = overwrite;
        this.maxPixels = maxPixels;
        this.parallel = Math.max(1, parallel);
        this.progress = progress;
        this.budget = budget;
    }

    /** An image between reading and writing, with the budget it holds; {@link #END} tells a stage to stop. */
    private record Item(int index, Job job, BufferedImage image, BufferedImage result, int heldMib) {

        static final Item END = new Item(-1, null, null, null, 0);
    }

    /** Enhances the jobs; returns one outcome per job, in the jobs' order. */
    List<Outcome> run(List<Job> jobs) throws InterruptedException {
        if (jobs.isEmpty()) {
            return List.of();
        }
        Outcome[] outcomes = new Outcome[jobs.size()];
        int readers = Math.max(1, Math.min(parallel / 2, jobs.size()));
        int workers = Math.min(parallel, jobs.size());
        int writers = workers;
        BlockingQueue<Item> decoded = new ArrayBlockingQueue<>(workers);
        BlockingQueue<Item> enhanced = new ArrayBlockingQueue<>(writers);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger readersLeft = new AtomicInteger(readers);
        AtomicInteger workersLeft = new AtomicInteger(workers);
        ProgressBar bar = progress && jobs.size() > 1 ? new ProgressBarBuilder().setTaskName("enhance")
                .setInitialMax(jobs.size()).setStyle(ProgressBarStyle.ASCII).setUnit(" img", 1)
                .continuousUpdate().build() : null;
        Recorder record = (index, outcome) -> {
            outcomes[index] = outcome;
            if (bar != null) {
                bar.step();
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            threads.add(thread("enhance-reader", () -> {
                try {
                    for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
                        Item item = read(i, jobs.get(i), record);
                        if (item != null) {
                            decoded.put(item);
                        }
                    }
                } finally {
                    if (readersLeft.decrementAndGet() == 0) {
                        endStage(decoded, workers);
                    }
                }
            }));
        }
        for (int w = 0; w < workers; w++) {
            threads.add(thread("enhance-worker", () -> {
                try {
                    for (Item item = decoded.take(); item != Item.END; item = decoded.take()) {
                        Item done = enhance(item, record);
                        if (done != null) {
                            enhanced.put(done);
                        }
                    }
                } finally {
                    if (workersLeft.decrementAndGet() == 0) {
                        endStage(enhanced, writers);
                    }
                }
            }));
        }
        for (int w = 0; w < writers; w++) {
            threads.add(thread("enhance-writer", () -> {
                for (Item item = enhanced.take(); item != Item.END; item = enhanced.take()) {
                    write(item, record);
                }
            }));
        }
        try {
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            threads.forEach(Thread::interrupt);
            if (bar != null) {
                bar.close();
            }
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                // only reachable if a stage thread died outside the per-image handling
                outcomes[i] = Outcome.failed(jobs.get(i).input(), "not processed (an internal error stopped it)");
            }
        }
        return Arrays.asList(outcomes);
    }

    /** Where a stage reports a finished job. */
    private interface Recorder {
        void record(int index, Outcome outcome);
    }

    /** Work of one stage thread; interrupted only when the run is abandoned. */
    private interface StageWork {
        void run() throws InterruptedException;
    }

    private static Thread thread(String name, StageWork work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    /** Tells each of the next stage's {@code threads} that nothing more comes. */
    private static void endStage(BlockingQueue<Item> queue, int threads) {
        for (int i = 0; i < threads; i++) {
            try {
                queue.put(Item.END);
            } catch (InterruptedException e) {
                // the run is being abandoned: its threads are all interrupted, none waits for this
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stage 1: skips an existing output, else decodes and reserves memory; {@code null} when already decided. */
    private Item read(int index, Job job, Recorder record) throws InterruptedException {
        if (!overwrite && Files.exists(job.output())) {
            record.record(index, Outcome.skipped(job.input(), job.output() + " exists (use --overwrite to replace it)"));
            return null;
        }
        try {
            BufferedImage in = ImageFiles.read(job.input(), maxPixels);
            int held = budget.reserve((long) in.getWidth() * in.getHeight(), enhancer.info().scale());
            return new Item(index, job, in, null, held);
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable e) {
            record.record(index, failure(job, e));
            return null;
        }
    }

    /** Stage 2: enhances; {@code null} when it failed (the memory is released then). */
    private Item enhance(Item item, Recorder record) {
        try {
            BufferedImage out = enhancer.enhance(item.image());
            return new Item(item.index(), item.job(), item.image(), out, item.heldMib());
        } catch (Throwable e) {
            budget.release(item.heldMib());
            record.record(item.index(), failure(item.job(), e));
            return null;
        }
    }

    /** Stage 3: writes the result (atomically: see {@link ImageFiles#write}) and the comparison; releases memory. */
    private void write(Item item, Recorder record) {
        Job job = item.job();
        BufferedImage in = item.image();
        BufferedImage out = item.result();
        Outcome outcome;
        try {
            Files.createDirectories(job.output().toAbsolutePath().getParent());
            ImageFiles.write(out, job.output());
            if (job.compare() != null) {
                ImageFiles.write(comparison(in, out), job.compare());
            }
            outcome = Outcome.done(job.input(), in.getWidth() + "x" + in.getHeight() + " -> " + out.getWidth() + "x"
                    + out.getHeight() + " " + job.output());
        } catch (Throwable e) {
            outcome = failure(job, e);
        } finally {
            budget.release(item.heldMib());
        }
        record.record(item.index(), outcome);
    }

    /** What the user reads about an image that failed in any stage. */
    private static Outcome failure(Job job, Throwable e) {
        if (e instanceof EnhanceException || e instanceof IllegalArgumentException || e instanceof IOException) {
            return Outcome.failed(job.input(), e.getMessage());
        }
        if (e instanceof OutOfMemoryError) {
            return Outcome.failed(job.input(), "out of memory; give Java more heap (-Xmx) or use a smaller --tile");
        }
        return Outcome.failed(job.input(), e.toString());
    }

    /** The input enlarged conventionally (bicubic) beside the enhanced result. */
    static BufferedImage comparison(BufferedImage in, BufferedImage out) {
        BufferedImage bicubic = Pixels.toBufferedImage(
                Resampler.BICUBIC.resize(Pixels.read(in), out.getWidth(), out.getHeight()), PixelFormat.of(out));
        return SideBySide.compose(List.of(new SideBySide.Panel(bicubic, "bicubic"),
                new SideBySide.Panel(out, "enhance4j")));
    }
}
