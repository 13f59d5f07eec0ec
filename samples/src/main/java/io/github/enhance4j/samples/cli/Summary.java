package io.github.enhance4j.samples.cli;

import java.io.PrintStream;
import java.util.List;

/** Counts of what happened, printed at the end of a run, with one line per failure and per skip. */
record Summary(List<Outcome> outcomes) {

    static Summary of(List<Outcome> outcomes) {
        return new Summary(List.copyOf(outcomes));
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
        out.printf("%d enhanced, %d skipped, %d failed%n", count(Outcome.Status.DONE), count(Outcome.Status.SKIPPED),
                count(Outcome.Status.FAILED));
        return count(Outcome.Status.FAILED) > 0 ? 1 : 0;
    }
}
