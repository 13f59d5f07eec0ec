package io.github.enhance4j;

import io.github.enhance4j.internal.BackendSelector;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Trains a model from pairs of damaged and clean images, and exports it to ONNX for {@link Enhancer}.
 *
 * <pre>{@code
 * try (Trainer trainer = Trainer.create(TrainingConfig.builder().architecture("seed-autoencoder").build())) {
 *     TrainingResult result = trainer.train(data, event -> System.out.println(event));
 *     trainer.exportOnnx(Path.of("model.onnx"));
 * }
 * }</pre>
 *
 * <p>The training backend is chosen like an inference backend (see {@link Enhancer}): the backend named in
 * {@link TrainingConfig#backend()} or by the system property {@code enhance4j.backend}, otherwise the provider
 * with the highest priority that supports the architecture.
 *
 * <p><b>Thread safety:</b> a trainer is used by one thread; only {@link #requestStop()} may be called from another
 * (a shutdown hook, say). {@link #close()} is idempotent.
 */
public interface Trainer extends AutoCloseable {

    /**
     * Creates a trainer for a new run with the backend the configuration names or, failing that, the best one.
     *
     * @param config what to train and how
     * @return the trainer, to be closed when done
     * @throws NoBackendException      if no training backend is installed
     * @throws UnknownBackendException if the named backend is not installed
     */
    static Trainer create(TrainingConfig config) {
        return create(config, Trainer.class.getClassLoader());
    }

    /**
     * As {@link #create(TrainingConfig)}, discovering backends through {@code loader}.
     *
     * @param config what to train and how
     * @param loader the class loader whose {@link java.util.ServiceLoader} finds the backends
     * @return the trainer, to be closed when done
     */
    static Trainer create(TrainingConfig config, ClassLoader loader) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(loader, "loader");
        return BackendSelector.createTrainer(config, loader);
    }

    /**
     * Continues from a checkpoint written by {@link #saveCheckpoint(Path)} or after an epoch.
     *
     * @param checkpoint the checkpoint file
     * @return the trainer, to be closed when done
     */
    static Trainer resume(Path checkpoint) {
        return resume(checkpoint, Trainer.class.getClassLoader());
    }

    /**
     * Continues from a checkpoint up to {@code epochs} epochs in total, more than the run was configured for: a
     * finished run trains on, early stopping starts afresh, and a cosine schedule is stretched over the new total.
     *
     * @param checkpoint the checkpoint file
     * @param epochs     the new total number of epochs, counting those already done
     * @return the trainer, to be closed when done
     * @throws IllegalArgumentException if the checkpoint has already done {@code epochs} epochs
     */
    static Trainer resume(Path checkpoint, int epochs) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        return BackendSelector.resumeTrainer(checkpoint, epochs, Trainer.class.getClassLoader());
    }

    /**
     * As {@link #resume(Path)}, discovering backends through {@code loader}.
     *
     * @param checkpoint the checkpoint file
     * @param loader     the class loader whose {@link java.util.ServiceLoader} finds the backends
     * @return the trainer, to be closed when done
     */
    static Trainer resume(Path checkpoint, ClassLoader loader) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(loader, "loader");
        return BackendSelector.resumeTrainer(checkpoint, loader);
    }

    /**
     * Trains until the configured epochs are done, early stopping triggers, the time limit passes or
     * {@link #requestStop()} is called; writes a checkpoint after every epoch when a checkpoint folder is set.
     * A resumed trainer continues where the checkpoint left off.
     *
     * @param data     the clean training and validation images
     * @param listener receives progress on the training thread; {@link TrainingListener#NONE} for none
     * @return how the run went and why it stopped
     */
    TrainingResult train(TrainingData data, TrainingListener listener);

    /** Asks a running {@link #train} to stop after the current batch and write a checkpoint. Thread-safe. */
    void requestStop();

    /**
     * Writes the full training state (weights, optimiser, epoch, random state) atomically.
     *
     * @param file the checkpoint file to write
     */
    void saveCheckpoint(Path file);

    /**
     * Writes the current model as ONNX, with the metadata {@link Enhancer} reads. Written atomically.
     *
     * @param file the ONNX file to write
     */
    void exportOnnx(Path file);

    /** {@return the configuration of this run; a resumed run's comes from its checkpoint} */
    TrainingConfig config();

    /** {@return epochs completed so far, including those before a resume} */
    int completedEpochs();

    /** Releases the backend's native memory; idempotent. */
    @Override
    void close();
}
