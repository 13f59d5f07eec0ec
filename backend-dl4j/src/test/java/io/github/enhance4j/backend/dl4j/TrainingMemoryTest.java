package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.TrainingEvent;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Native memory of training stays bounded by the working set: a few hundred steps in a child JVM whose large young
 * generation makes garbage collections rare, so that arrays left for the collector would pile up. JavaCPP's count
 * of allocated native bytes must not grow from the first hundred steps to the last.
 */
class TrainingMemoryTest {

    private static final int STEPS = 300;

    @Test
    void nativeMemory_doesNotGrowOverHundredsOfSteps() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Xmn1500m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                TrainingMemoryTest.class.getName()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        Matcher m = Pattern.compile("early (\\d+) MiB, late (\\d+) MiB").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        long early = Long.parseLong(m.group(1));
        long late = Long.parseLong(m.group(2));
        assertThat(late).as("native MiB allocated at the end vs after the first 100 steps; child said:%n%s", output)
                .isLessThanOrEqualTo(early + 16);
    }

    /** Runs in the child JVM: prints the most native memory held in steps 50-100 and in the last 100 steps. */
    public static void main(String[] args) {
        TrainingConfig config = TrainingConfig.builder().architecture("espcn").scale(2).degradation("bicubic:2")
                .optimizer(TrainingConfig.Optimizer.ADAM).batchSize(8).patchSize(32).samplesPerEpoch(8 * STEPS)
                .epochs(1).earlyStopping(0, 0).threads(1).build();
        long[] peak = new long[2];
        try (Dl4jTrainer trainer = Dl4jTrainer.create(config)) {
            trainer.train(TestData.of(24, 2, 48), event -> {
                if (event instanceof TrainingEvent.BatchCompleted b && b.batch() > 50) {
                    int window = b.batch() <= 100 ? 0 : b.batch() > STEPS - 100 ? 1 : -1;
                    if (window >= 0) {
                        peak[window] = Math.max(peak[window], Pointer.totalBytes());
                    }
                }
            });
        }
        System.out.printf("early %d MiB, late %d MiB (JavaCPP-allocated native bytes, peaks)%n", peak[0] >> 20,
                peak[1] >> 20);
    }
}
