package io.github.enhance4j.samples.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Counts of what happened, printed at the end of a run, with one line per failure and per skip, and the run's
 * time and images per second (enhanced images over the run's time, model loading not counted).
 */
record Summary(List<Outcome> outcomes, long nanos) {

    static Summary of(List<Outcome> outcomes, long nanos) {
        return new Summary(List.copyOf(outcomes), nanos);
    }

    long count(Outcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Prints the summary; returns the exit code: 1 if anything failed, else 0. */
    int print(PrintStream out, PrintStream err) {
        for (Outcome o : outcomes) {
            if (o.status() == Outcome.Status.FAILED) {
                err.println("failed: " + o.input() + ": " + o.detail());
            } else if (o.status() == Outcome.Status.SKIPPED) {
                out.println("skipped: " + o.input() + ": " + o.detail());
            }
        }
        long done = count(Outcome.Status.DONE);
        double seconds = nanos / 1e9;
        out.printf(Locale.ROOT, "%d enhanced, %d skipped, %d failed in %.1f s (%.1f images/s)%n", done,
                count(Outcome.Status.SKIPPED), count(Outcome.Status.FAILED), seconds,
                seconds > 0 ? done / seconds : 0.0);
        return count(Outcome.Status.FAILED) > 0 ? 1 : 0;
    }
}
