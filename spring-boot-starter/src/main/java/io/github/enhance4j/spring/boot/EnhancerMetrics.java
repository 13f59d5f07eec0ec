package io.github.enhance4j.spring.boot;

import java.time.Duration;

/**
 * Receives what the registry's enhancers do, per model: the auto-configuration times every {@code enhance} call of
 * the enhancers it creates and reports here. Where Micrometer is present the implementation records the meters
 * {@code enhance4j.enhance} (a timer), {@code enhance4j.images}, {@code enhance4j.output.pixels} and
 * {@code enhance4j.failures} (tagged with a {@code reason}), each tagged with the {@code model}'s name; otherwise
 * {@link #NONE} drops everything. Applications that reject an image before it reaches a model (a web service's
 * limits, say) can report that with {@link #failed(String, String)} too. Implementations are thread-safe.
 */
public interface EnhancerMetrics {

    /** Records nothing. */
    EnhancerMetrics NONE = new EnhancerMetrics() {
        @Override
        public void enhanced(String model, Duration time, long outputPixels) {
        }

        @Override
        public void failed(String model, String reason) {
        }
    };

    /**
     * Records one image enhanced.
     *
     * @param model        the model's name in the registry
     * @param time         how long the call took
     * @param outputPixels width times height of the result
     */
    void enhanced(String model, Duration time, long outputPixels);

    /**
     * Records one image that failed.
     *
     * @param model  the model's name in the registry
     * @param reason a short lower-case word for the kind of failure, e.g. {@code corrupt}, {@code too_large},
     *               {@code closed}, {@code out_of_memory}
     */
    void failed(String model, String reason);
}
