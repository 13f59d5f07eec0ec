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
 * generation makes garbage collections rare, so that arrays left for the collector would pile up (a step of the
 * 1.3M-parameter restoration U-Net leaves some 5 MB of gradients alone); the heap is touched in full at start, so
 * that resident memory measures native memory. Measured here between steps 16-30 and the last 15 of 80: without any
 * explicit release resident memory grew by some 325 MB; with the step's feeds, outputs and gradients released by 75
 * MB (SameDiff's own leftovers: activations it keeps for the backward pass); with those closed too
 * ({@link StepArrays}) by 14-18 MB. The test allows 60 MB.
 */
class TrainingMemoryTest {

    private static final int STEPS = 80;

    @Test
    void nativeMemory_doesNotGrowOverHundredsOfSteps() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms2g", "-Xmx2g", "-Xmn1500m", "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"),
                TrainingMemoryTest.class.getName()).redirectErrorStream(true);
        // a fixed mmap threshold: glibc otherwise raises it as large blocks are freed and keeps later ones in its heap
        builder.environment().put("MALLOC_MMAP_THRESHOLD_", "131072");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

        System.out.print(output.lines().filter(l -> l.startsWith("early")).findFirst().orElse(output));
        System.out.println();
        assertThat(p.exitValue()).as(output).isZero();
        Matcher m = Pattern.compile("early (\\d+) MiB, late (\\d+) MiB").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        long early = Long.parseLong(m.group(1));
        long late = Long.parseLong(m.group(2));
        assertThat(late).as("resident MiB, peak of the last 15 steps vs steps 16-30; child said:%n%s", output)
                .isLessThanOrEqualTo(early + 60);
    }

    /** Runs in the child JVM: prints the peak resident memory in steps 16-30 and in the last 15 steps. */
    public static void main(String[] args) {
        TrainingConfig config = TrainingConfig.builder().architecture("restore-unet").scale(1).degradation("blur:1")
                .optimizer(TrainingConfig.Optimizer.ADAM).batchSize(2).patchSize(16).samplesPerEpoch(2 * STEPS)
                .epochs(1).earlyStopping(0, 0).threads(1).build();
        long[] peak = new long[2];
        try (Dl4jTrainer trainer = Dl4jTrainer.create(config)) {
            trainer.train(TestData.of(24, 2, 48), event -> {
                if (event instanceof TrainingEvent.BatchCompleted b && b.batch() > 15) {
                    int window = b.batch() <= 30 ? 0 : b.batch() > STEPS - 15 ? 1 : -1;
                    if (window >= 0) {
                        peak[window] = Math.max(peak[window], Pointer.physicalBytes());
                    }
                }
            });
        }
        System.out.printf("early %d MiB, late %d MiB (resident, peaks)%n", peak[0] >> 20,
                peak[1] >> 20);
    }
}
