package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SameDiffNetTest {

    @Test
    void trainingGraph_isDifferentiatedWithoutPrintingAnOpPerLine() {
        NetSpec spec = Architectures.build("seed-autoencoder", 1);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        SameDiff graph;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            graph = SameDiffNet.training(spec, Parameters.initial(spec, 1), TrainingConfig.Loss.MSE, true);
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(SameDiffNet.SAMEDIFF_CHATTER.trim());
        assertThat(graph.getFunction("grad")).as("gradient graph built up front").isNotNull();
        assertThat(System.out).isSameAs(original);
    }

    @Test
    void lineFilter_dropsOnlyLinesWithThePrefix() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        SameDiffNet.LineFilter filter = new SameDiffNet.LineFilter(new PrintStream(sink, true, StandardCharsets.UTF_8),
                "Added differentiated op ");
        PrintStream out = new PrintStream(filter, true, StandardCharsets.UTF_8);
        out.println("Added differentiated op conv2d_1");
        out.println("a warning somebody else printed");
        out.println("Added");
        out.print("no newline yet");
        filter.flushPartialLine();

        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(
                "a warning somebody else printed" + System.lineSeparator() + "Added" + System.lineSeparator()
                        + "no newline yet");
    }
}
