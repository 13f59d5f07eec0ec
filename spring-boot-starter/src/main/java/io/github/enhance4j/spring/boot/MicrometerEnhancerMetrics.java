package io.github.enhance4j.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@link EnhancerMetrics} on Micrometer: a timer {@code enhance4j.enhance} and counters {@code enhance4j.images} and
 * {@code enhance4j.output.pixels} tagged with {@code model}, and {@code enhance4j.failures} tagged with {@code model}
 * and {@code reason}.
 */
public class MicrometerEnhancerMetrics implements EnhancerMetrics {

    private final MeterRegistry registry;

    /**
     * Metrics recorded in a Micrometer registry.
     *
     * @param registry where the meters live
     */
    public MicrometerEnhancerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void enhanced(String model, Duration time, long outputPixels) {
        Timer.builder("enhance4j.enhance").description("Time to enhance one image").tag("model", model)
                .register(registry).record(time);
        Counter.builder("enhance4j.images").description("Images enhanced").tag("model", model)
                .register(registry).increment();
        Counter.builder("enhance4j.output.pixels").description("Pixels of the enhanced images").baseUnit("pixels")
                .tag("model", model).register(registry).increment(outputPixels);
    }

    @Override
    public void failed(String model, String reason) {
        Counter.builder("enhance4j.failures").description("Images that could not be enhanced, by reason")
                .tag("model", model).tag("reason", reason).register(registry).increment();
    }
}
