package io.github.enhance4j.training;

import io.github.enhance4j.TrainingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainingMonitorTest {

    @TempDir
    Path dir;

    @Test
    void epochSpeed_isImagesOverStepTime_notTheLastBatchSpeed() throws IOException {
        StringWriter text = new StringWriter();
        TrainingMonitor monitor = new TrainingMonitor(new PrintWriter(text), dir.resolve("metrics.csv"), false,
                List.of());
        monitor.onEvent(new TrainingEvent.EpochStarted(1, 1, 3));
        // three batches of the same size: 1/10 + 1/30 + 1/30 seconds per image -> 3 / (1/6) = 18 images/s
        monitor.onEvent(new TrainingEvent.BatchCompleted(1, 1, 3, 0.5, 10, Duration.ofSeconds(2)));
        monitor.onEvent(new TrainingEvent.BatchCompleted(1, 2, 3, 0.4, 30, Duration.ofSeconds(1)));
        monitor.onEvent(new TrainingEvent.BatchCompleted(1, 3, 3, 0.3, 30, Duration.ZERO));
        monitor.onEvent(new TrainingEvent.ValidationCompleted(1, 0.2, 25.0, 22.0));
        monitor.onEvent(new TrainingEvent.EpochCompleted(1, 0.4, Duration.ofSeconds(7)));

        assertThat(monitor.history()).singleElement().satisfies(r -> {
            assertThat(r.imagesPerSecond()).isCloseTo(18, within(1e-9));
            assertThat(r.seconds()).isEqualTo(7.0);
        });
        assertThat(Files.readAllLines(dir.resolve("metrics.csv"))).hasSize(2).last().asString().contains(",18.00,");
        assertThat(text.toString()).contains("+3.00").contains("18.0");
    }

    @Test
    void withoutABar_aStatusLineComesEveryFiveMinutes() {
        java.io.StringWriter text = new java.io.StringWriter();
        long[] now = {0};
        TrainingMonitor m = new TrainingMonitor(new java.io.PrintWriter(text), dir.resolve("m.csv"), false, List.of(),
                () -> now[0]);
        m.onEvent(new TrainingEvent.EpochStarted(1, 3, 100));
        m.onEvent(new TrainingEvent.BatchCompleted(1, 1, 100, 0.5, 10, java.time.Duration.ofMinutes(30)));
        now[0] = TrainingMonitor.STATUS_INTERVAL_NANOS;
        m.onEvent(new TrainingEvent.BatchCompleted(1, 2, 100, 0.25, 10, java.time.Duration.ofMinutes(29)));
        m.onEvent(new TrainingEvent.BatchCompleted(1, 3, 100, 0.2, 10, java.time.Duration.ofMinutes(28)));

        assertThat(text.toString().lines().toList())
                .containsExactly("  epoch 1: batch 2/100, loss 0.25000, 10.0 img/s, ETA 29m00s");
    }
}
