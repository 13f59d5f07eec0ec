package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.TrainingConfig;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointConfigTest {

    @Test
    void config_roundTripsThroughTheCheckpointsProperties_newSettingsIncluded() {
        TrainingConfig config = TrainingConfig.builder().architecture("restore-unet").degradation("realistic:1")
                .optimizer(TrainingConfig.Optimizer.ADAM).loss(TrainingConfig.Loss.L1).samplesPerEpoch(16_000)
                .augment(true).patchSize(96).batchSize(16).epochs(24).build();

        TrainingConfig back = Checkpoint.fromProperties(Checkpoint.toProperties(config));

        assertThat(back.toString()).isEqualTo(config.toString());
        assertThat(back.samplesPerEpoch()).isEqualTo(16_000);
        assertThat(back.augment()).isTrue();
    }

    @Test
    void olderCheckpoints_withoutTheNewSettings_readAsBefore() {
        Properties p = Checkpoint.toProperties(TrainingConfig.builder().build());
        p.remove("samplesPerEpoch");
        p.remove("augment");

        TrainingConfig back = Checkpoint.fromProperties(p);

        assertThat(back.samplesPerEpoch()).isZero();
        assertThat(back.augment()).isFalse();
    }
}
