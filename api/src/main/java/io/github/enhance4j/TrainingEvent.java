package io.github.enhance4j;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Progress of a training run. Epochs are numbered from 1.
 */
public sealed interface TrainingEvent {

    /** An epoch begins; {@code batches} is the number of batches it will have. */
    record EpochStarted(int epoch, int epochs, int batches) implements TrainingEvent {
    }

    /** A batch was trained. {@code eta} estimates the time left for the whole run. */
    record BatchCompleted(int epoch, int batch, int batches, double loss, double imagesPerSecond, Duration eta)
            implements TrainingEvent {
    }

    /**
     * Validation after an epoch: the model's loss and PSNR (dB), and the PSNR of the baseline (the damaged input,
     * or bicubic for super-resolution) on the same images.
     */
    record ValidationCompleted(int epoch, double loss, double psnr, double baselinePsnr) implements TrainingEvent {
    }

    /** An epoch ended. */
    record EpochCompleted(int epoch, double trainingLoss, Duration elapsed) implements TrainingEvent {
    }

    /** A checkpoint was written. */
    record CheckpointWritten(int epoch, Path file) implements TrainingEvent {
    }
}
