package io.github.enhance4j.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Records each model's calls in Micrometer ({@link MicrometerEnhancerMetrics}) where the application has a
 * {@link MeterRegistry}, as Spring Boot Actuator provides.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"},
        before = Enhance4jAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class Enhance4jMetricsAutoConfiguration {

    /** Created by Spring. */
    public Enhance4jMetricsAutoConfiguration() {
    }

    /**
     * The metrics every auto-configured model reports to.
     *
     * @param registry the application's meter registry
     * @return the metrics
     */
    @Bean
    @ConditionalOnMissingBean
    public EnhancerMetrics enhancerMetrics(MeterRegistry registry) {
        return new MicrometerEnhancerMetrics(registry);
    }
}
