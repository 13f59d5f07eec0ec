package io.github.enhance4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.enhance4j.Device;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.ModelLoadException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class Enhance4jAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Enhance4jAutoConfiguration.class))
            .withPropertyValues("enhance4j.device=cpu", "enhance4j.threads=1");

    @Test
    void defaults_loadTheBundledSrX2AsOneSharedEnhancer() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Enhancer.class).hasSingleBean(EnhancerRegistry.class);
            Enhancer enhancer = context.getBean(Enhancer.class);
            assertThat(enhancer.info().scale()).isEqualTo(2);
            assertThat(enhancer.info().device()).isEqualTo("cpu");
            EnhancerRegistry registry = context.getBean(EnhancerRegistry.class);
            assertThat(registry.defaultName()).isEqualTo("sr-x2");
            assertThat(registry.names()).containsExactly("sr-x2");
            assertThat(registry.defaultModel().enhancer()).isSameAs(enhancer);
            assertThat(registry.defaultModel().description()).contains("x2 super-resolution");
            assertThat(enhancer.enhance(new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB)).getWidth())
                    .isEqualTo(24);
        });
    }

    @Test
    void namedModels_areLoadedBesideTheDefaultWithTheirOwnSettings() {
        runner.withPropertyValues("enhance4j.models.big.model=sr-x4",
                        "enhance4j.models.big.description=four times larger", "enhance4j.models.big.tile=64",
                        "enhance4j.models.faces.model=SEED-AUTOENCODER")
                .run(context -> {
                    EnhancerRegistry registry = context.getBean(EnhancerRegistry.class);
                    assertThat(registry.names()).containsExactly("sr-x2", "big", "faces");
                    assertThat(registry.get("big").info().scale()).isEqualTo(4);
                    assertThat(registry.get("big").description()).isEqualTo("four times larger");
                    assertThat(registry.get("faces").info().scale()).isEqualTo(1);
                    assertThat(registry.get("faces").description()).contains("pixelated faces");
                    assertThat(registry.find("../sr-x2.onnx")).isEmpty();
                    assertThatThrownBy(() -> registry.get("nope")).hasMessageContaining("sr-x2, big, faces");
                });
    }

    @Test
    void nameAndClasspathModel_areHonoured() {
        runner.withPropertyValues("enhance4j.model=classpath:io/github/enhance4j/models/sr-x4.onnx",
                        "enhance4j.name=x4", "enhance4j.description=mine")
                .run(context -> {
                    EnhancerRegistry registry = context.getBean(EnhancerRegistry.class);
                    assertThat(registry.defaultName()).isEqualTo("x4");
                    assertThat(registry.defaultModel().description()).isEqualTo("mine");
                    assertThat(registry.defaultModel().info().scale()).isEqualTo(4);
                });
    }

    @Test
    void classpathModelWithoutName_isCalledDefault() {
        runner.withPropertyValues("enhance4j.model=classpath:io/github/enhance4j/models/sr-x2.onnx")
                .run(context -> assertThat(context.getBean(EnhancerRegistry.class).names())
                        .containsExactly("default"));
    }

    @Test
    void applicationsOwnEnhancer_winsAndBecomesTheRegistrysDefault() {
        runner.withUserConfiguration(OwnEnhancer.class).run(context -> {
            assertThat(context).hasSingleBean(Enhancer.class);
            assertThat(context.getBean(Enhancer.class)).isInstanceOf(FakeEnhancer.class);
            EnhancerRegistry registry = context.getBean(EnhancerRegistry.class);
            assertThat(registry.defaultName()).isEqualTo("default");
            assertThat(registry.defaultModel().info().architecture()).isEqualTo("fake");
        });
    }

    @Test
    void applicationsOwnRegistry_wins() {
        runner.withUserConfiguration(OwnRegistry.class).run(context -> assertThat(
                context.getBean(EnhancerRegistry.class).names()).containsExactly("mine"));
    }

    @Test
    void customizers_addModels() {
        runner.withBean(EnhancerRegistryCustomizer.class,
                        () -> b -> b.add("fake", "a test double", new FakeEnhancer()))
                .run(context -> assertThat(context.getBean(EnhancerRegistry.class).names())
                        .containsExactly("sr-x2", "fake"));
    }

    @Test
    void closingTheContext_closesEveryModelItLoaded() {
        Enhancer[] seen = new Enhancer[2];
        runner.withPropertyValues("enhance4j.models.big.model=sr-x4").run(context -> {
            seen[0] = context.getBean(Enhancer.class);
            seen[1] = context.getBean(EnhancerRegistry.class).get("big").enhancer();
        });
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> seen[0].enhance(image)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> seen[1].enhance(image)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void disabled_createsNothing() {
        runner.withPropertyValues("enhance4j.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(Enhancer.class).doesNotHaveBean(EnhancerRegistry.class));
    }

    @Test
    void missingModelFile_failsStartUpWithTheReason() {
        runner.withPropertyValues("enhance4j.model=/nonexistent/x.onnx").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("/nonexistent/x.onnx");
        });
    }

    @Test
    void failureAnalyzer_saysWhatToPutInTheProperty() {
        ModelLoadException e = new ModelLoadException("x.onnx", ModelLoadException.Reason.NOT_FOUND, "no such file");
        var analysis = new ModelLoadFailureAnalyzer().analyze(new RuntimeException(e));
        assertThat(analysis.getDescription()).contains("NOT_FOUND", "x.onnx");
        assertThat(analysis.getAction()).contains("enhance4j.model", "sr-x2, sr-x4, seed-autoencoder");
    }

    @Test
    void wrongValues_failWhenBoundNamingTheProblem() {
        runner.withPropertyValues("enhance4j.device=tpu").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .rootCause().hasMessageContaining("Unknown device 'tpu'");
            assertThat(context.getStartupFailure()).hasMessageContaining("prefix=enhance4j");
        });
        runner.withPropertyValues("enhance4j.tile=32", "enhance4j.tile-overlap=16").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("tileOverlap"));
        runner.withPropertyValues("enhance4j.models.sr-x2.model=sr-x4").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("default model's name"));
        runner.withPropertyValues("enhance4j.models.bad.device=cpu").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("needs .model"));
    }

    @Test
    void properties_becomeTheLoadOptions() {
        runner.withPropertyValues("enhance4j.tile=128", "enhance4j.max-pixels=1000", "enhance4j.backend=ONNX")
                .run(context -> {
                    Enhance4jProperties p = context.getBean(Enhance4jProperties.class);
                    assertThat(p.options().tileSize()).isEqualTo(128);
                    assertThat(p.options().maxPixels()).isEqualTo(1000);
                    assertThat(p.options().threads()).isEqualTo(1);
                    assertThat(p.options().device()).isEqualTo(Device.CPU);
                    assertThat(p.options().backend()).contains("onnx");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEnhancer {
        @Bean
        Enhancer myEnhancer() {
            return new FakeEnhancer();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {
        @Bean
        EnhancerRegistry myRegistry() {
            return EnhancerRegistry.builder().add("mine", "mine", new FakeEnhancer()).build();
        }
    }

    /** Returns its input; no model, no backend. */
    static final class FakeEnhancer implements Enhancer {
        @Override
        public BufferedImage enhance(BufferedImage image) {
            return image;
        }

        @Override
        public void enhance(Path input, Path output) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ModelInfo info() {
            return ModelInfo.builder().backend("fake").architecture("fake").build();
        }

        @Override
        public void close() {
        }
    }
}
