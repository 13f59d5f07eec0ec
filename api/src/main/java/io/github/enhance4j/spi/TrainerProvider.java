package io.github.enhance4j.spi;

import io.github.enhance4j.Trainer;
import io.github.enhance4j.TrainingConfig;

import java.nio.file.Path;
import java.util.Set;

/**
 * A backend that trains models, found through {@link java.util.ServiceLoader} like {@link EnhancerProvider}.
 * Providers are cheap: nothing heavy starts before {@link #create(TrainingConfig)} or {@link #resume(Path)}.
 */
public interface TrainerProvider {

    /** {@return the short lower-case name, e.g. {@code dl4j}} */
    String name();

    /** {@return the priority: the higher wins when several backends can train an architecture} */
    int priority();

    /** {@return the architecture names this backend can train} */
    Set<String> architectures();

    /**
     * Whether this backend can train {@code config}; by default, whether it knows the architecture.
     *
     * @param config the run's configuration
     * @return whether {@link #create} would accept it
     */
    default boolean supports(TrainingConfig config) {
        return architectures().contains(config.architecture());
    }

    /**
     * Creates a trainer for a new run.
     *
     * @param config the run's configuration, which {@link #supports} accepted
     * @return the trainer, owned by the caller
     */
    Trainer create(TrainingConfig config);

    /**
     * Whether {@code checkpoint} is one of this backend's checkpoints (sniffed, never throws).
     *
     * @param checkpoint the file to look at
     * @return whether {@link #resume(Path)} is worth trying
     */
    boolean canResume(Path checkpoint);

    /**
     * Continues a run from one of this backend's checkpoints, as it was configured.
     *
     * @param checkpoint the checkpoint file
     * @return the trainer, owned by the caller
     */
    Trainer resume(Path checkpoint);

    /**
     * Continues from a checkpoint up to {@code epochs} epochs in total, more than it was configured for (a finished
     * run goes on; a learning-rate schedule is stretched over the new total). Backends that cannot extend a run
     * keep this default, which refuses.
     *
     * @param checkpoint the checkpoint file
     * @param epochs     the new total number of epochs
     * @return the trainer, owned by the caller
     * @throws UnsupportedOperationException if the backend cannot extend a run (the default)
     */
    default Trainer resume(Path checkpoint, int epochs) {
        throw new UnsupportedOperationException("the " + name() + " training backend cannot extend a run to more"
                + " epochs; resume it as it was configured");
    }
}
