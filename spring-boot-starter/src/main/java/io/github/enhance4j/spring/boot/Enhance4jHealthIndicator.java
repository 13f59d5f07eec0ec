package io.github.enhance4j.spring.boot;

import io.github.enhance4j.ModelInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Reports the registry's models: UP while every model is loaded, DOWN once one has been closed. The details name
 * the default model and, per model, its backend, device and scale.
 */
public class Enhance4jHealthIndicator extends AbstractHealthIndicator {

    private final EnhancerRegistry registry;

    /**
     * A health indicator for the models of a registry.
     *
     * @param registry the models to report
     */
    public Enhance4jHealthIndicator(EnhancerRegistry registry) {
        super("enhance4j health check failed");
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        Map<String, Object> models = new LinkedHashMap<>();
        for (EnhancerRegistry.Model model : registry.models()) {
            ModelInfo info = model.info();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("loaded", model.open());
            details.put("backend", info.backend());
            details.put("device", info.device());
            details.put("scale", info.scale());
            models.put(model.name(), details);
            up &= model.open();
        }
        ModelInfo defaults = registry.defaultModel().info();
        (up ? builder.up() : builder.down())
                .withDetail("model", registry.defaultName())
                .withDetail("device", defaults.device())
                .withDetail("models", models);
    }
}
