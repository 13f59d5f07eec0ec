package io.github.enhance4j.samples.cli;

import java.nio.file.Path;

/**
 * One image to enhance: where it comes from, where the result goes, and where the comparison picture goes
 * ({@code null} without {@code --compare}).
 */
record Job(Path input, Path output, Path compare) {
}
