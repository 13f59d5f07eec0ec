package io.github.enhance4j.training;

import io.github.enhance4j.spi.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a text file so that readers see the old content or the new one, never half of it. */
final class AtomicText {

    private AtomicText() {
    }

    static void write(Path target, String text) throws IOException {
        AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
