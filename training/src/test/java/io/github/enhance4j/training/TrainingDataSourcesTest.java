package io.github.enhance4j.training;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingDataSourcesTest {

    @Test
    void source_plainPath_hasNoSettings() {
        TrainingDataSources.Source s = TrainingDataSources.Source.parse("../data/T91");

        assertThat(s.path()).isEqualTo(Path.of("../data/T91"));
        assertThat(s.plain()).isTrue();
    }

    @Test
    void source_settingsAfterDoubleColon_areRead() {
        TrainingDataSources.Source s = TrainingDataSources.Source.parse("sun::repeat=40, downscale=2,max=70,val=0");

        assertThat(s).isEqualTo(new TrainingDataSources.Source(Path.of("sun"), 40, 2, 70, 0));
        assertThat(s.plain()).isFalse();
    }

    @Test
    void source_badSettings_sayWhatIsAccepted() {
        assertThatThrownBy(() -> TrainingDataSources.Source.parse("x::repeat=0"))
                .hasMessageContaining("'repeat=0' needs a whole number");
        assertThatThrownBy(() -> TrainingDataSources.Source.parse("x::weight=3"))
                .hasMessageContaining("unknown setting 'weight'").hasMessageContaining("repeat, downscale, max, val");
        assertThatThrownBy(() -> TrainingDataSources.Source.parse("x::downscale=two"))
                .hasMessageContaining("needs a whole number");
    }
}
