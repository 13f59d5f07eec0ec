package io.github.enhance4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Finds the project's shared data ({@code ../shared} beside the repository) for the tests that use it: from the
 * system property {@code enhance4j.shared}, else relative to a module's or the repository's directory. Those tests
 * skip, with a message, when it is absent.
 */
public final class SharedData {

    private SharedData() {
    }

    /** {@code shared/<relative>}, or {@code null} when it is not there. */
    public static Path find(String relative) {
        List<Path> bases = new ArrayList<>();
        String property = System.getProperty("enhance4j.shared");
        if (property != null) {
            bases.add(Path.of(property));
        }
        bases.add(Path.of("../../shared"));
        bases.add(Path.of("../shared"));
        for (Path base : bases) {
            if (Files.exists(base.resolve(relative))) {
                return base.resolve(relative);
            }
        }
        return null;
    }

    /** {@code shared/<relative>}; skips the calling test when it is not there. */
    public static Path require(String relative) {
        Path found = find(relative);
        assumeTrue(found != null, "skipped: ../shared/" + relative + " not found (set -Denhance4j.shared=DIR)");
        return found;
    }
}
