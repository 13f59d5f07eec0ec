package io.github.enhance4j;

import io.github.enhance4j.internal.BackendSelector;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A loaded model that enhances images: restoration (same size, sharper) or super-resolution (larger).
 *
 * <pre>{@code
 * try (Enhancer enhancer = Enhancer.load("model.onnx")) {
 *     BufferedImage sharp = enhancer.enhance(blurry);
 * }
 * }</pre>
 *
 * <p><b>Thread safety:</b> {@code enhance} is thread-safe; concurrent calls share one loaded model. {@link #close()}
 * is idempotent and safe while calls are running: each running call either finishes or fails with
 * {@link IllegalStateException}, and the native resources are released once no call uses them.
 *
 * <h2 id="selection">How the backend is chosen</h2>
 * Backends are found with {@link java.util.ServiceLoader} ({@code META-INF/services} on the class path,
 * {@code provides} on the module path), using the class loader of this API unless one is given. Then:
 * <ol>
 *   <li>An explicit choice wins: {@link EnhanceOptions.Builder#backend(String)}, otherwise the system property
 *       {@code enhance4j.backend}. An unknown name fails with {@link UnknownBackendException} listing the installed
 *       ones; no fallback happens.</li>
 *   <li>Otherwise only providers whose {@code supports(model)} accepts the model (by sniffing its bytes) are
 *       candidates.</li>
 *   <li>Among them the highest {@code priority()} wins (ties: by name). If it fails to start (a missing native
 *       library, say), the next candidate is tried and the failure is logged.</li>
 * </ol>
 * No provider at all gives {@link NoBackendException}, which names the artifacts to add; providers that exist but
 * none of which accepts the model give {@link ModelLoadException} with reason {@code UNSUPPORTED_FORMAT}. A provider
 * that fails to load is reported and skipped, never hiding the others. The choice is logged at DEBUG level.
 */
public interface Enhancer extends AutoCloseable {

    /**
     * Loads a model file with default options. See <a href="#selection">backend selection</a>.
     *
     * @param path the model file
     * @return the enhancer, to be closed when done
     * @throws ModelLoadException if the model is missing, unreadable, corrupt or unusable
     * @throws NoBackendException if no backend is installed
     */
    static Enhancer load(String path) {
        Objects.requireNonNull(path, "path");
        return load(Path.of(path), EnhanceOptions.defaults());
    }

    /**
     * Loads a model file with default options.
     *
     * @param path the model file
     * @return the enhancer, to be closed when done
     * @throws ModelLoadException if the model is missing, unreadable, corrupt or unusable
     * @throws NoBackendException if no backend is installed
     */
    static Enhancer load(Path path) {
        return load(path, EnhanceOptions.defaults());
    }

    /**
     * Loads a model file.
     *
     * @param path    the model file
     * @param options how to load and run it
     * @return the enhancer, to be closed when done
     * @throws ModelLoadException      if the model is missing, unreadable, corrupt or unusable
     * @throws NoBackendException      if no backend is installed
     * @throws UnknownBackendException if a backend was named that is not installed
     */
    static Enhancer load(Path path, EnhanceOptions options) {
        Objects.requireNonNull(path, "path");
        return load(ModelSource.of(path), options);
    }

    /**
     * Loads a model from a file, a classpath resource or a stream, with default options.
     *
     * @param model the model's bytes and name
     * @return the enhancer, to be closed when done
     * @throws ModelLoadException if the model is missing, unreadable, corrupt or unusable
     * @throws NoBackendException if no backend is installed
     */
    static Enhancer load(ModelSource model) {
        return load(model, EnhanceOptions.defaults());
    }

    /**
     * Loads a model from a file, a classpath resource or a stream ({@link ModelSource}).
     *
     * @param model   the model's bytes and name
     * @param options how to load and run it
     * @return the enhancer, to be closed when done
     * @throws ModelLoadException       if the model is missing, unreadable, corrupt or unusable
     * @throws NoBackendException       if no backend is installed
     * @throws UnknownBackendException  if a backend was named that is not installed
     */
    static Enhancer load(ModelSource model, EnhanceOptions options) {
        return load(model, options, Enhancer.class.getClassLoader());
    }

    /**
     * As {@link #load(ModelSource, EnhanceOptions)}, discovering backends through {@code loader}.
     *
     * @param model   the model's bytes and name
     * @param options how to load and run it
     * @param loader  the class loader whose {@link java.util.ServiceLoader} finds the backends
     * @return the enhancer, to be closed when done
     */
    static Enhancer load(ModelSource model, EnhanceOptions options, ClassLoader loader) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(loader, "loader");
        return BackendSelector.openEnhancer(model, options, loader);
    }

    /**
     * Enhances an image and returns a new one of the same kind (grey stays grey, 16-bit stays 16-bit, alpha is kept,
     * palette images become true colour), {@code scale} times larger (or {@code outscale} when set).
     *
     * @param image the image to enhance; it is not changed
     * @return the enhanced image
     * @throws IllegalStateException after {@link #close()}
     */
    BufferedImage enhance(BufferedImage image);

    /**
     * Reads {@code input} (EXIF orientation applied), enhances it and writes {@code output} atomically in the format
     * its extension names. The input is never overwritten: {@code output} naming the same file is refused.
     *
     * @param input  the image file to read
     * @param output the image file to write; its extension names the format
     * @throws ImageReadException       if the input cannot be decoded
     * @throws ImageWriteException      if the output cannot be written
     * @throws IllegalArgumentException if {@code output} is the input file
     */
    void enhance(Path input, Path output);

    /** {@return what the model does and where it runs} Available after {@link #close()} too. */
    ModelInfo info();

    /** Releases the model; idempotent. Calls running now finish or fail with {@link IllegalStateException}. */
    @Override
    void close();
}
