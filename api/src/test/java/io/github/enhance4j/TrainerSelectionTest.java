package io.github.enhance4j;

import io.github.enhance4j.spi.TrainerProvider;
import io.github.enhance4j.testing.ServiceScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainerSelectionTest {

    @TempDir
    Path dir;

    private ClassLoader providers(String... classNames) {
        return ServiceScenario.with(dir.resolve("cp"), TrainerProvider.class, List.of(classNames));
    }

    @Test
    void create_noProvider_throwsNoBackendNamingDl4jArtifact() {
        assertThatThrownBy(() -> Trainer.create(TrainingConfig.builder().build(), providers()))
                .isInstanceOf(NoBackendException.class)
                .hasMessageStartingWith("enhance4j found no backend that can train models.")
                .hasMessageContaining("io.github.enhance4j:enhance4j-backend-dl4j")
                .hasMessageContaining("ServicesResourceTransformer");
    }

    @Test
    void create_providerKnowsArchitecture_createsTrainerWithConfig() {
        TrainingConfig config = TrainingConfig.builder().architecture("tiny").epochs(3).build();

        try (Trainer trainer = Trainer.create(config, providers(FakeTrainerProvider.class.getName()))) {
            assertThat(trainer.config()).isSameAs(config);
        }
    }

    @Test
    void create_unknownArchitecture_listsWhatIsSupported() {
        TrainingConfig config = TrainingConfig.builder().architecture("resnet-9000").build();

        assertThatThrownBy(() -> Trainer.create(config, providers(FakeTrainerProvider.class.getName())))
                .isInstanceOf(EnhanceException.class)
                .hasMessage("No installed training backend supports architecture 'resnet-9000'. Installed: fake"
                        + " [tiny]");
    }

    @Test
    void create_unknownBackendName_listsAvailable() {
        TrainingConfig config = TrainingConfig.builder().architecture("tiny").backend("pytorch").build();

        assertThatThrownBy(() -> Trainer.create(config, providers(FakeTrainerProvider.class.getName())))
                .isInstanceOf(UnknownBackendException.class)
                .hasMessageStartingWith("No enhance4j backend named 'pytorch'. Available: fake (priority 1).");
    }

    @Test
    void resume_checkpointNobodyRecognises_saysSo() throws Exception {
        Path checkpoint = Files.writeString(dir.resolve("ckpt.bin"), "???");

        assertThatThrownBy(() -> Trainer.resume(checkpoint, providers(FakeTrainerProvider.class.getName())))
                .isInstanceOf(EnhanceException.class)
                .hasMessage("No installed training backend [fake] recognises the checkpoint " + checkpoint);
    }

    @Test
    void config_defaultsAreTheSeedRecipe() {
        TrainingConfig c = TrainingConfig.builder().build();

        assertThat(c.architecture()).isEqualTo("seed-autoencoder");
        assertThat(c.optimizer()).isEqualTo(TrainingConfig.Optimizer.ADADELTA);
        assertThat(c.learningRate()).isEqualTo(1.0);
        assertThat(c.loss()).isEqualTo(TrainingConfig.Loss.MSE);
        assertThat(c.batchSize()).isEqualTo(256);
        assertThat(c.epochs()).isEqualTo(10);
        assertThat(c.degradation()).isEqualTo("pixelate:0.4");
        assertThat(c.earlyStoppingMinDelta()).isEqualTo(1e-4);
        assertThat(c.earlyStoppingPatience()).isEqualTo(4);
        assertThat(c.seed()).isEqualTo(32);
        assertThat(c.toBuilder().optimizer(TrainingConfig.Optimizer.ADAM).learningRate(1e-3).build().learningRate())
                .isEqualTo(1e-3);
    }

    @Test
    void config_badValues_areRejectedWithTheValue() {
        assertThatThrownBy(() -> TrainingConfig.builder().batchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThatThrownBy(() -> TrainingConfig.builder().learningRate(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1.0");
    }

    /** A provider that makes trainers which only remember their configuration. */
    public static class FakeTrainerProvider implements TrainerProvider {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int priority() {
            return 1;
        }

        @Override
        public Set<String> architectures() {
            return Set.of("tiny");
        }

        @Override
        public Trainer create(TrainingConfig config) {
            return new Trainer() {
                @Override
                public TrainingResult train(TrainingData data, TrainingListener listener) {
                    throw new UnsupportedOperationException("fake");
                }

                @Override
                public void requestStop() {
                }

                @Override
                public void saveCheckpoint(Path file) {
                }

                @Override
                public void exportOnnx(Path file) {
                }

                @Override
                public TrainingConfig config() {
                    return config;
                }

                @Override
                public int completedEpochs() {
                    return 0;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public boolean canResume(Path checkpoint) {
            return false;
        }

        @Override
        public Trainer resume(Path checkpoint) {
            throw new UnsupportedOperationException();
        }
    }
}
