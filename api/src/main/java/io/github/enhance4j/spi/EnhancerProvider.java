package io.github.enhance4j.spi;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelSource;

/**
 * A backend that runs models, found through {@link java.util.ServiceLoader}. Register the implementation in
 * {@code META-INF/services/io.github.enhance4j.spi.EnhancerProvider} and with {@code provides} in
 * {@code module-info.java}.
 *
 * <p>Providers must be cheap: the public no-argument constructor, {@link #name()}, {@link #priority()} and
 * {@link #supports(ModelSource)} must not start a runtime or load native libraries. The engine starts in
 * {@link #open(ModelSource, EnhanceOptions)}. Implementations are thread-safe. Backends check themselves against
 * the contract test shipped in the {@code enhance4j-api} test-jar ({@code io.github.enhance4j.contract.EnhancerProviderContract}).
 */
public interface EnhancerProvider {

    /** {@return a short, stable, lower-case name users select the backend by, e.g. {@code onnx}} */
    String name();

    /** {@return the priority: the higher wins when several backends accept a model} ONNX uses 100, DL4J 50. */
    int priority();

    /** {@return the Maven coordinates of the artifact that contains this provider, for messages} */
    default String artifact() {
        return "io.github.enhance4j:enhance4j-backend-" + name();
    }

    /**
     * Whether this backend can probably open the model, decided by sniffing {@link ModelSource#header(int)}, not by
     * trusting the file name alone. Must return {@code false} rather than throw.
     *
     * @param model the model to look at
     * @return whether {@link #open} is worth trying
     */
    boolean supports(ModelSource model);

    /**
     * Loads the model. Most backends build the returned enhancer with
     * {@link TiledEnhancer#create(InferenceEngine, EnhanceOptions)}, which does tiling, colour handling and the
     * {@code close()} contract.
     *
     * @param model   the model, which {@link #supports} accepted
     * @param options how to run it
     * @return the enhancer, owned by the caller
     * @throws io.github.enhance4j.ModelLoadException if the model is damaged or unusable
     * @throws io.github.enhance4j.EnhanceException   if the backend cannot start (the message says what to install)
     */
    Enhancer open(ModelSource model, EnhanceOptions options);
}
