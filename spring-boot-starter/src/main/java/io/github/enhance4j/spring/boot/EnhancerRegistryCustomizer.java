package io.github.enhance4j.spring.boot;

/**
 * A bean that adds models to the auto-configured {@link EnhancerRegistry} (or changes its default) before it is
 * built, after the models of the {@code enhance4j.*} properties. Customizers run in
 * {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface EnhancerRegistryCustomizer {

    /**
     * Adds models.
     *
     * @param builder the registry being built, holding the configured models already
     */
    void customize(EnhancerRegistry.Builder builder);
}
