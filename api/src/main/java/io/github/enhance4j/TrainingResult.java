package io.github.enhance4j;

import java.time.Duration;

/**
 * How a training run ended.
 *
 * @param epochs             epochs completed in total
 * @param bestValidationLoss lowest validation loss seen
 * @param bestValidationPsnr PSNR (dB) at the epoch with the lowest validation loss
 * @param stopReason         why training stopped
 * @param duration           wall time of this {@link Trainer#train} call
 */
public record TrainingResult(int epochs, double bestValidationLoss, double bestValidationPsnr, StopReason stopReason,
        Duration duration) {

    /** Why training stopped. */
    public enum StopReason {
        /** All configured epochs ran. */
        COMPLETED,
        /** Validation loss stopped improving (early stopping). */
        EARLY_STOPPED,
        /** The configured time limit passed. */
        TIME_LIMIT,
        /** {@link Trainer#requestStop()} was called. */
        STOP_REQUESTED
    }
}
