package io.github.enhance4j;

/**
 * Receives progress from {@link Trainer#train}, on the training thread: keep it quick.
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = event -> { };

    void onEvent(TrainingEvent event);
}
