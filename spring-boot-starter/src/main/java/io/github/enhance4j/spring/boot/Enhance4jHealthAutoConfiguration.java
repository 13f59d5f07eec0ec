package io.github.enhance4j.spring.boot;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Adds the {@code enhance4j} health indicator ({@link Enhance4jHealthIndicator}) where Spring Boot Actuator is on the
 * class path; off with {@code management.health.enhance4j.enabled=false}.
 */
@AutoConfiguration(after = Enhance4jAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(EnhancerRegistry.class)
@ConditionalOnEnabledHealthIndicator("enhance4j")
public class Enhance4jHealthAutoConfiguration {

    /** Created by Spring. */
    public Enhance4jHealthAutoConfiguration() {
    }

    /**
     * The health indicator, named {@code enhance4j} in {@code /actuator/health}.
     *
     * @param registry the models to report
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "enhance4jHealthIndicator")
    public Enhance4jHealthIndicator enhance4jHealthIndicator(EnhancerRegistry registry) {
        return new Enhance4jHealthIndicator(registry);
    }
}
