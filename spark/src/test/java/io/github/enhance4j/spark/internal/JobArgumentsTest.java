package io.github.enhance4j.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobArgumentsTest {

    @Test
    void parse_takesInAndOutAsArgumentsOrWithDashO() {
        assertThat(JobArguments.parse(new String[] {"in", "out"}).job().reportPath()).startsWith("out");
        assertThat(JobArguments.parse(new String[] {"in", "-o", "out2", "--model=sr-x4"}).job().reportPath())
                .startsWith("out2");
    }

    @Test
    void parse_scaleAndOutscaleExcludeEachOther() {
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"in", "out", "--scale", "2", "--outscale", "3"}))
                .hasMessageContaining("exclude each other");
    }

    @Test
    void parse_unknownOptionAndMissingValueSaySo() {
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"in", "out", "--colour", "red"}))
                .hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"in", "out", "--tile"}))
                .hasMessageContaining("--tile needs a value");
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"in", "out", "--tile", "big"}))
                .hasMessageContaining("--tile takes a whole number");
    }

    @Test
    void job_refusesAFormatImageIoCannotWrite() {
        assertThatThrownBy(() -> JobArguments.parse(new String[] {"in", "out", "--format", "heic"}).job())
                .hasMessageContaining("'heic'").hasMessageContaining("png");
    }

    @Test
    void parse_helpNeedsNothingElse() {
        assertThat(JobArguments.parse(new String[] {"--help"}).help()).isTrue();
        assertThat(JobArguments.USAGE).contains("--master URL").contains("IN").contains("OUT");
    }
}
