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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs jobs on a small pool sharing one {@link Enhancer}, bounded by a {@link MemoryBudget}, with a progress bar.
 * One failing image never stops the others; each outcome says what happened.
 */
final class BatchRunner {

    private final Enhancer enhancer;
    private final boolean overwrite;
    private final long maxPixels;
    private final int parallel;
    private final boolean progress;
    private final MemoryBudget budget;

    BatchRunner(Enhancer enhancer, boolean overwrite, long maxPixels, int parallel, boolean progress,
            MemoryBudget budget) {
        this.enhancer = enhancer;
        this.overwrite = overwrite;
        this.maxPixels = maxPixels;
        this.parallel = Math.max(1, parallel);
        this.progress = progress;
        this.budget = budget;
    }

    List<Outcome> run(List<Job> jobs) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "enhance-worker");
            t.setDaemon(true);
            return t;
        });
        ProgressBar bar = progress && jobs.size() > 1 ? new ProgressBarBuilder().setTaskName("enhance")
                .setInitialMax(jobs.size()).setStyle(ProgressBarStyle.ASCII).setUnit(" img", 1)
                .continuousUpdate().build() : null;
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    try {
                        return process(job);
                    } finally {
                        if (bar != null) {
                            bar.step();
                        }
                    }
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    outcomes.add(Outcome.failed(jobs.get(i).input(), String.valueOf(e.getCause())));
                }
            }
        } finally {
            pool.shutdownNow();
            if (bar != null) {
                bar.close();
            }
        }
        return outcomes;
    }

    Outcome process(Job job) throws InterruptedException {
        if (!overwrite && Files.exists(job.output())) {
            return Outcome.skipped(job.input(), job.output() + " exists (use --overwrite to replace it)");
        }
        try {
            BufferedImage in = ImageFiles.read(job.input(), maxPixels);
            double scale = enhancer.info().scale();
            int held = budget.reserve((long) in.getWidth() * in.getHeight(), scale);
            try {
                Files.createDirectories(job.output().toAbsolutePath().getParent());
                BufferedImage out = enhancer.enhance(in);
                ImageFiles.write(out, job.output());
                if (job.compare() != null) {
                    ImageFiles.write(comparison(in, out), job.compare());
                }
                return Outcome.done(job.input(), in.getWidth() + "x" + in.getHeight() + " -> " + out.getWidth() + "x"
                        + out.getHeight() + " " + job.output());
            } finally {
                budget.release(held);
            }
        } catch (EnhanceException | IllegalArgumentException | java.io.IOException e) {
            return Outcome.failed(job.input(), e.getMessage());
        } catch (OutOfMemoryError e) {
            return Outcome.failed(job.input(), "out of memory; give Java more heap (-Xmx) or use a smaller --tile");
        } catch (RuntimeException e) {
            return Outcome.failed(job.input(), e.toString());
        }
    }

    /** The input enlarged conventionally (bicubic) beside the enhanced result. */
    static BufferedImage comparison(BufferedImage in, BufferedImage out) {
        BufferedImage bicubic = Pixels.toBufferedImage(
                Resampler.BICUBIC.resize(Pixels.read(in), out.getWidth(), out.getHeight()), PixelFormat.of(out));
        return SideBySide.compose(List.of(new SideBySide.Panel(bicubic, "bicubic"),
                new SideBySide.Panel(out, "enhance4j")));
    }
}
