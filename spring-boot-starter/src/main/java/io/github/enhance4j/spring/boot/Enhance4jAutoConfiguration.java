package io.github.enhance4j.spring.boot;

import io.github.enhance4j.Enhancer;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates the shared {@link Enhancer} (the model of {@code enhance4j.model}, loaded at start-up and closed with the
 * context) and the {@link EnhancerRegistry} that holds it beside the models of {@code enhance4j.models.NAME}. Each
 * bean backs off when the application defines its own; an application's own {@code Enhancer} becomes the
 * registry's default model. Off with {@code enhance4j.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(Enhancer.class)
@ConditionalOnProperty(prefix = "enhance4j", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(Enhance4jProperties.class)
public class Enhance4jAutoConfiguration {

    /** Created by Spring. */
    public Enhance4jAutoConfiguration() {
    }

    /**
     * The default model, shared: {@code Enhancer.enhance} is thread-safe.
     *
     * @param properties the {@code enhance4j.*} properties
     * @param metrics    where calls are reported, if anywhere
     * @return the loaded model; the context closes it
     */
    @Bean
    @ConditionalOnMissingBean
    public Enhancer enhancer(Enhance4jProperties properties, ObjectProvider<EnhancerMetrics> metrics) {
        return EnhancerRegistry.loadMetered(properties.defaultModelName(), properties.model(), properties.options(),
                metrics.getIfAvailable(() -> EnhancerMetrics.NONE), classLoader());
    }

    /**
     * The models by name: the {@code Enhancer} bean first, then {@code enhance4j.models.*}, then what customizers add.
     *
     * @param enhancer    the default model (this configuration's or the application's own)
     * @param properties  the {@code enhance4j.*} properties
     * @param metrics     where calls are reported, if anywhere
     * @param customizers beans that add models
     * @return the registry; the context closes it, and with it the models it loaded
     */
    @Bean
    @ConditionalOnMissingBean
    public EnhancerRegistry enhancerRegistry(Enhancer enhancer, Enhance4jProperties properties,
            ObjectProvider<EnhancerMetrics> metrics, ObjectProvider<EnhancerRegistryCustomizer> customizers) {
        EnhancerMetrics meters = metrics.getIfAvailable(() -> EnhancerMetrics.NONE);
        EnhancerRegistry.Builder builder = EnhancerRegistry.builder().metrics(meters).classLoader(classLoader());
        if (enhancer instanceof MeteredEnhancer) {
            builder.add(properties.defaultModelName(),
                    ModelSources.describe(properties.model(), properties.description(), enhancer.info()), enhancer);
        } else {
            // the application's own bean: its model is not enhance4j.model, so neither its name nor its description
            String name = properties.name() == null ? "default" : properties.name();
            String description = properties.description() == null
                    ? "x" + enhancer.info().scale() + " " + enhancer.info().architecture() + " model"
                    : properties.description();
            builder.add(name, description, new MeteredEnhancer(name, enhancer, meters));
        }
        try {
            for (Map.Entry<String, Enhance4jProperties.NamedModel> e : properties.models().entrySet()) {
                Enhance4jProperties.NamedModel named = e.getValue();
                builder.load(e.getKey(), named.model(), named.description(), properties.options(named));
            }
            customizers.orderedStream().forEach(c -> c.customize(builder));
            return builder.build();
        } catch (RuntimeException e) {
            builder.closeLoaded();
            throw e;
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Enhance4jAutoConfiguration.class.getClassLoader();
    }
}
