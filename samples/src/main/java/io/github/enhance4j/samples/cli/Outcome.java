package io.github.enhance4j.samples.cli;

import java.nio.file.Path;

/** What happened to one input. */
record Outcome(Path input, Status status, String detail) {

    enum Status {
        DONE, SKIPPED, FAILED
    }

    static Outcome done(Path input, String detail) {
        return new Outcome(input, Status.DONE, detail);
    }

    static Outcome skipped(Path input, String why) {
        return new Outcome(input, Status.SKIPPED, why);
    }

    static Outcome failed(Path input, String why) {
        return new Outcome(input, Status.FAILED, why);
    }
}
