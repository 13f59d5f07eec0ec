package io.github.enhance4j.training;

import io.github.enhance4j.TrainingEvent;
import io.github.enhance4j.TrainingListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shows training as it happens: a progress bar per epoch (loss, images/s, ETA), a table row per epoch with the
 * validation PSNR of the model and of the baseline, and {@code metrics.csv} rewritten after every epoch. Without a
 * progress bar (quiet, or a log file) a status line is printed every {@link #STATUS_INTERVAL_NANOS}, so a long
 * background run shows that it is moving.
 */
final class TrainingMonitor implements TrainingListener {

    private final PrintWriter out;
    private final Path metricsCsv;
    private final boolean progress;
    private final List<EpochRecord> history = new ArrayList<>();
    private ProgressBar bar;
    /** Batches of the current epoch and the sum of their seconds per image, for the epoch's mean speed. */
    private int batchesTimed;
    private double secondsPerImageSum;
    private TrainingEvent.ValidationCompleted validation;
    private TrainingEvent.EpochCompleted completed;
    private boolean headerPrinted;
    /** Five minutes: often enough to see a run move, rare enough for a log of a day's run to stay short. */
    static final long STATUS_INTERVAL_NANOS = 300_000_000_000L;
    private final java.util.function.LongSupplier clock;
    private long lastStatus;

    TrainingMonitor(PrintWriter out, Path metricsCsv, boolean progress, List<EpochRecord> earlier) {
        this(out, metricsCsv, progress, earlier, System::nanoTime);
    }

    TrainingMonitor(PrintWriter out, Path metricsCsv, boolean progress, List<EpochRecord> earlier,
            java.util.function.LongSupplier clock) {
        this.clock = clock;
        this.lastStatus = clock.getAsLong();
        this.out = out;
        this.metricsCsv = metricsCsv;
        this.progress = progress;
        this.history.addAll(earlier);
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.EpochStarted e) {
            closeBar();
            validation = null;
            completed = null;
            batchesTimed = 0;
            secondsPerImageSum = 0;
            if (progress) {
                bar = new ProgressBarBuilder().setTaskName(String.format("epoch %d/%d", e.epoch(), e.epochs()))
                        .setInitialMax(e.batches()).setStyle(ProgressBarStyle.ASCII).setUnit(" batch", 1)
                        .continuousUpdate().build();
            }
        } else if (event instanceof TrainingEvent.BatchCompleted b) {
            if (b.imagesPerSecond() > 0 && Double.isFinite(b.imagesPerSecond())) {
                batchesTimed++;
                secondsPerImageSum += 1 / b.imagesPerSecond();
            }
            if (bar != null) {
                bar.stepTo(b.batch());
                bar.setExtraMessage(String.format(Locale.ROOT, " loss %.5f, %.1f img/s, ETA %s", b.loss(),
                        b.imagesPerSecond(), format(b.eta())));
            } else if (clock.getAsLong() - lastStatus >= STATUS_INTERVAL_NANOS) {
                lastStatus = clock.getAsLong();
                out.printf(Locale.ROOT, "  epoch %d: batch %d/%d, loss %.5f, %.1f img/s, ETA %s%n", b.epoch(),
                        b.batch(), b.batches(), b.loss(), epochImagesPerSecond(), format(b.eta()));
                out.flush();
            }
        } else if (event instanceof TrainingEvent.ValidationCompleted v) {
            validation = v;
            maybeFinishEpoch();
        } else if (event instanceof TrainingEvent.EpochCompleted c) {
            completed = c;
            maybeFinishEpoch();
        } else if (event instanceof TrainingEvent.CheckpointWritten w) {
            closeBar();
            out.printf("  checkpoint: %s%n", w.file());
        }
    }

    private void maybeFinishEpoch() {
        if (validation == null || completed == null || validation.epoch() != completed.epoch()) {
            return;
        }
        closeBar();
        EpochRecord r = new EpochRecord(completed.epoch(), completed.trainingLoss(), validation.loss(),
                validation.psnr(), validation.baselinePsnr(), epochImagesPerSecond(),
                completed.elapsed().toMillis() / 1000.0);
        history.add(r);
        if (!headerPrinted) {
            out.println("epoch  train loss    val loss   val PSNR   baseline    gain    img/s   time");
            headerPrinted = true;
        }
        out.printf(Locale.ROOT, "%5d  %10.6f  %10.6f  %8.2f dB %8.2f dB %+6.2f  %7.1f  %5.0fs%n", r.epoch(),
                r.trainingLoss(), r.validationLoss(), r.psnr(), r.baselinePsnr(), r.psnr() - r.baselinePsnr(),
                r.imagesPerSecond(), r.seconds());
        out.flush();
        writeCsv();
        validation = null;
        completed = null;
    }

    /**
     * The epoch's training speed: images over the time spent in training steps (the harmonic mean of the batches'
     * speeds, exact when the batches have one size), not the speed of its last batch, which is often a small one.
     */
    private double epochImagesPerSecond() {
        return batchesTimed == 0 ? Double.NaN : batchesTimed / secondsPerImageSum;
    }

    private void writeCsv() {
        StringBuilder sb = new StringBuilder(EpochRecord.CSV_HEADER).append('\n');
        for (EpochRecord r : history) {
            sb.append(r.csv()).append('\n');
        }
        try {
            AtomicText.write(metricsCsv, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + metricsCsv + ": " + e.getMessage(), e);
        }
    }

    void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    List<EpochRecord> history() {
        return List.copyOf(history);
    }

    /** A duration as {@code 1h05m} or {@code 3m07s}. */
    static String format(Duration d) {
        long s = d == null ? 0 : Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60) : String.format("%dm%02ds", s / 60,
                s % 60);
    }
}
