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

    /** Short lower-case name, e.g. {@code dl4j}. */
    String name();

    /** Higher wins when several backends can train an architecture. */
    int priority();

    /** Architecture names this backend can train. */
    Set<String> architectures();

    /** Whether this backend can train {@code config}; by default, whether it knows the architecture. */
    default boolean supports(TrainingConfig config) {
        return architectures().contains(config.architecture());
    }

    Trainer create(TrainingConfig config);

    /** Whether {@code checkpoint} is one of this backend's checkpoints (sniffed, never throws). */
    boolean canResume(Path checkpoint);

    Trainer resume(Path checkpoint);

    /**
     * Continues from a checkpoint up to {@code epochs} epochs in total, more than it was configured for (a finished
     * run goes on; a learning-rate schedule is stretched over the new total). Backends that cannot extend a run
     * keep this default, which refuses.
     */
    default Trainer resume(Path checkpoint, int epochs) {
        throw new UnsupportedOperationException("the " + name() + " training backend cannot extend a run to more"
                + " epochs; resume it as it was configured");
    }
}
