package io.github.enhance4j.samples.cli;

import java.nio.file.Path;

/**
 * One image or video to enhance: where it comes from, where the result goes, where the comparison picture goes
 * ({@code null} without {@code --compare}, and for videos), and whether it is a video (by its content).
 */
record Job(Path input, Path output, Path compare, boolean video) {

    /** An image job. */
    Job(Path input, Path output, Path compare) {
        this(input, output, compare, false);
    }
}
