package io.github.enhance4j.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Finds the checkpoint a backend wrote into the output folder (files named {@code checkpoint*}). */
final class Checkpoints {

    private Checkpoints() {
    }

    /** The newest checkpoint in {@code folder}, or {@code null}. Temporary files of an interrupted write are ignored. */
    static Path latest(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().startsWith("checkpoint"))
                    .filter(f -> !f.getFileName().toString().endsWith(".tmp"))
                    .max(Comparator.comparing(Checkpoints::modified)).orElse(null);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
