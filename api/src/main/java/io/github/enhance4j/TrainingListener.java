package io.github.enhance4j;

/**
 * Receives progress from {@link Trainer#train}, on the training thread: keep it quick.
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = event -> { };

    /**
     * Receives one event: an epoch started, a batch done, validation figures, an epoch done, a checkpoint written.
     *
     * @param event what happened
     */
    void onEvent(TrainingEvent event);
}
