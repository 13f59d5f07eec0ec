package io.github.enhance4j.samples.cli;

import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.video.VideoEnhancer;
import io.github.enhance4j.video.VideoOptions;
import io.github.enhance4j.video.VideoResult;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Enhances videos one after another (each already runs decoding, several frames and encoding at once), with a
 * progress bar per video in frames, frames per second and time left. A video that fails is one failed outcome; the
 * others still run.
 */
final class VideoRunner {

    private final Enhancer enhancer;
    private final VideoOptions options;
    private final boolean overwrite;
    private final boolean progress;
    private final PrintStream err;

    VideoRunner(Enhancer enhancer, VideoOptions options, boolean overwrite, boolean progress, PrintStream err) {
        this.enhancer = enhancer;
        this.options = options;
        this.overwrite = overwrite;
        this.progress = progress;
        this.err = err;
    }

    List<Outcome> run(List<Job> jobs) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Job job : jobs) {
            outcomes.add(process(job));
        }
        return outcomes;
    }

    Outcome process(Job job) {
        if (!overwrite && Files.exists(job.output())) {
            return Outcome.skipped(job.input(), job.output() + " exists (use --overwrite to replace it)");
        }
        VideoResult r;
        try (ProgressBar bar = progress ? bar(job) : null) {
            r = VideoEnhancer.of(enhancer, options).enhance(job.input(), job.output(), p -> {
                if (bar != null) {
                    bar.maxHint(p.framesTotal() > 0 ? p.framesTotal() : -1);
                    bar.stepTo(p.framesDone());
                }
            });
        } catch (EnhanceException | IllegalArgumentException e) {
            return Outcome.failed(job.input(), e.getMessage());
        } catch (OutOfMemoryError e) {
            return Outcome.failed(job.input(), "out of memory; give Java more heap (-Xmx) or use a smaller --tile");
        } catch (RuntimeException e) {
            return Outcome.failed(job.input(), e.toString());
        }
        if (progress) {
            err.printf(Locale.ROOT, "%s -> %s: %dx%d -> %dx%d, %d frames in %.1f s, %.2f frames/s (%s)%n",
                    job.input(), job.output(), r.inputWidth(), r.inputHeight(), r.outputWidth(), r.outputHeight(),
                    r.frames(), r.elapsed().toMillis() / 1000.0, r.framesPerSecond(), r.encoder());
            for (String note : r.notes()) {
                err.println("note: " + job.input() + ": " + note);
            }
            for (String dropped : r.droppedStreams()) {
                err.println("note: " + job.input() + ": stream " + dropped);
            }
        }
        return Outcome.done(job.input(), String.format(Locale.ROOT, "%dx%d -> %dx%d %s, %d frames, %.1f frames/s",
                r.inputWidth(), r.inputHeight(), r.outputWidth(), r.outputHeight(), job.output(), r.frames(),
                r.framesPerSecond()));
    }

    /** Frames done of the expected count, frames per second and time left (the count is the container's). */
    private ProgressBar bar(Job job) {
        return new ProgressBarBuilder().setTaskName(job.input().getFileName().toString()).setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" frames", 1)
                .showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setConsumer(new ConsoleProgressBarConsumer(err)).continuousUpdate().build();
    }
}
