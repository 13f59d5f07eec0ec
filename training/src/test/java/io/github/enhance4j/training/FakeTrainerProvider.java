package io.github.enhance4j.training;

import io.github.enhance4j.Trainer;
import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.TrainingData;
import io.github.enhance4j.TrainingEvent;
import io.github.enhance4j.TrainingListener;
import io.github.enhance4j.TrainingResult;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import io.github.enhance4j.spi.TrainerProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * A training backend for testing the application alone: it "trains" instantly (loss falls as 1/epoch), writes a
 * one-line checkpoint per epoch, and exports a nearest-neighbour model of the configured scale. Registered for the
 * training module's tests only, with priority below any real backend.
 */
public class FakeTrainerProvider implements TrainerProvider {

    static final String CHECKPOINT = "checkpoint.fake";

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public int priority() {
        return -100;
    }

    @Override
    public Set<String> architectures() {
        return Set.of(Architectures.SEED, Architectures.FAST_SR);
    }

    @Override
    public Trainer create(TrainingConfig config) {
        return new FakeTrainer(config, 0);
    }

    @Override
    public boolean canResume(Path checkpoint) {
        return checkpoint.getFileName().toString().equals(CHECKPOINT);
    }

    @Override
    public Trainer resume(Path checkpoint) {
        try {
            String[] parts = Files.readString(checkpoint).trim().split(" ");
            TrainingConfig config = TrainingConfig.builder().architecture(parts[1]).scale(Integer.parseInt(parts[2]))
                    .epochs(Integer.parseInt(parts[3])).checkpointDirectory(checkpoint.getParent()).build();
            return new FakeTrainer(config, Integer.parseInt(parts[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class FakeTrainer implements Trainer {
        private final TrainingConfig config;
        private int epochsDone;
        private volatile boolean stop;

        FakeTrainer(TrainingConfig config, int epochsDone) {
            this.config = config;
            this.epochsDone = epochsDone;
        }

        @Override
        public TrainingResult train(TrainingData data, TrainingListener listener) {
            int batches = Math.max(1, (data.trainingSize() + config.batchSize() - 1) / config.batchSize());
            double best = Double.NaN;
            while (epochsDone < config.epochs() && !stop) {
                int epoch = epochsDone + 1;
                listener.onEvent(new TrainingEvent.EpochStarted(epoch, config.epochs(), batches));
                for (int b = 1; b <= batches; b++) {
                    listener.onEvent(new TrainingEvent.BatchCompleted(epoch, b, batches, 0.1 / epoch, 100,
                            Duration.ofSeconds(config.epochs() - epoch)));
                }
                best = 20 + epoch;
                listener.onEvent(new TrainingEvent.ValidationCompleted(epoch, 0.05 / epoch, best, 20));
                listener.onEvent(new TrainingEvent.EpochCompleted(epoch, 0.1 / epoch, Duration.ofMillis(10)));
                epochsDone = epoch;
                config.checkpointDirectory().ifPresent(dir -> {
                    saveCheckpoint(dir.resolve(CHECKPOINT));
                    listener.onEvent(new TrainingEvent.CheckpointWritten(epoch, dir.resolve(CHECKPOINT)));
                });
            }
            return new TrainingResult(epochsDone, 0.05 / Math.max(1, epochsDone), best,
                    stop ? TrainingResult.StopReason.STOP_REQUESTED : TrainingResult.StopReason.COMPLETED,
                    Duration.ofMillis(10));
        }

        @Override
        public void requestStop() {
            stop = true;
        }

        @Override
        public void saveCheckpoint(Path file) {
            try {
                Files.writeString(file, epochsDone + " " + config.architecture() + " " + config.scale() + " "
                        + config.epochs());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void exportOnnx(Path file) {
            byte[] model = config.scale() == 1 ? ModelGenerators.identity(3)
                    : ModelGenerators.nearestUpscale(3, config.scale());
            try {
                Files.write(file, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public TrainingConfig config() {
            return config;
        }

        @Override
        public int completedEpochs() {
            return epochsDone;
        }

        @Override
        public void close() {
        }
    }
}
