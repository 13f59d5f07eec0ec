package io.github.enhance4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.enhance4j.Enhancer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class Enhance4jActuatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Enhance4jAutoConfiguration.class,
                    Enhance4jHealthAutoConfiguration.class, Enhance4jMetricsAutoConfiguration.class))
            .withPropertyValues("enhance4j.device=cpu", "enhance4j.threads=1");

    @Test
    void health_isUpWithTheModelsAndTheirDevice_andDownOnceClosed() {
        runner.withPropertyValues("enhance4j.models.big.model=sr-x4").run(context -> {
            Enhance4jHealthIndicator indicator = context.getBean("enhance4jHealthIndicator",
                    Enhance4jHealthIndicator.class);
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("model", "sr-x2").containsEntry("device", "cpu");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> models = (Map<String, Map<String, Object>>) health.getDetails()
                    .get("models");
            assertThat(models).containsOnlyKeys("sr-x2", "big");
            assertThat(models.get("big")).containsEntry("scale", 4).containsEntry("loaded", true)
                    .containsEntry("backend", "onnx");

            context.getBean(Enhancer.class).close();
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void health_canBeSwitchedOff() {
        runner.withPropertyValues("management.health.enhance4j.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Enhance4jHealthIndicator.class));
    }

    @Test
    void metrics_timeAndCountEachModelsCalls_andFailuresByReason() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("enhance4j.models.big.model=sr-x4").run(context -> {
                    EnhancerRegistry registry = context.getBean(EnhancerRegistry.class);
                    BufferedImage image = new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB);
                    context.getBean(Enhancer.class).enhance(image);
                    registry.get("sr-x2").enhancer().enhance(image);
                    registry.get("big").enhancer().enhance(image);
                    assertThatThrownBy(() -> registry.get("big").enhancer()
                            .enhance(Path.of("/nonexistent.png"), Path.of("/tmp/never.png")))
                            .hasMessageContaining("no such file");

                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("enhance4j.enhance").tag("model", "sr-x2").timer().count()).isEqualTo(2);
                    assertThat(meters.get("enhance4j.images").tag("model", "sr-x2").counter().count()).isEqualTo(2);
                    assertThat(meters.get("enhance4j.output.pixels").tag("model", "sr-x2").counter().count())
                            .isEqualTo(2 * 20 * 12);
                    assertThat(meters.get("enhance4j.output.pixels").tag("model", "big").counter().count())
                            .isEqualTo(40 * 24);
                    assertThat(meters.get("enhance4j.failures").tag("model", "big").tag("reason", "not_found")
                            .counter().count()).isEqualTo(1);
                });
    }

    @Test
    void withoutAMeterRegistry_nothingIsRecordedAndNothingFails() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(EnhancerMetrics.class);
            context.getBean(Enhancer.class).enhance(new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB));
        });
    }
}
