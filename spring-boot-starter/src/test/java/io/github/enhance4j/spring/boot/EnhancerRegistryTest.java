package io.github.enhance4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.spring.boot.Enhance4jAutoConfigurationTest.FakeEnhancer;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class EnhancerRegistryTest {

    @Test
    void names_areCheckedSoThatNoneLooksLikeAPath() {
        EnhancerRegistry.Builder builder = EnhancerRegistry.builder();
        for (String bad : new String[] {"", "../x", "a/b", "c:\\x", ".hidden", "x".repeat(65), "sp ace"}) {
            assertThatThrownBy(() -> builder.add(bad, "d", new FakeEnhancer())).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 64");
        }
        builder.add("ok-1.2_x", "d", new FakeEnhancer());
        assertThatThrownBy(() -> builder.add("ok-1.2_x", "d", new FakeEnhancer()))
                .hasMessageContaining("Two models are called 'ok-1.2_x'");
    }

    @Test
    void build_needsAModelAndAKnownDefault() {
        assertThatThrownBy(() -> EnhancerRegistry.builder().build()).hasMessageContaining("at least one model");
        assertThatThrownBy(() -> EnhancerRegistry.builder().add("a", "d", new FakeEnhancer()).defaultModel("b")
                .build()).hasMessageContaining("'b' is not among [a]");
        EnhancerRegistry registry = EnhancerRegistry.builder().add("a", "d", new FakeEnhancer())
                .add("b", "d", new FakeEnhancer()).defaultModel("b").build();
        assertThat(registry.defaultName()).isEqualTo("b");
        assertThat(registry.names()).containsExactly("a", "b");
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void load_closesWhatItLoadedWhenALaterModelFails_andCloseClosesOnlyLoadedModels() {
        EnhancerRegistry.Builder builder = EnhancerRegistry.builder();
        EnhanceOptions cpu = EnhanceOptions.builder().device(io.github.enhance4j.Device.CPU).threads(1).build();
        builder.load("x2", "sr-x2", null, cpu);
        var loaded = builder.build().get("x2").enhancer();
        assertThatThrownBy(() -> builder.load("missing", "/nonexistent/model.onnx", null, cpu))
                .isInstanceOf(ModelLoadException.class);
        assertThatThrownBy(() -> loaded.enhance(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB)))
                .isInstanceOf(IllegalStateException.class);

        FakeEnhancer own = new FakeEnhancer();
        EnhancerRegistry registry = EnhancerRegistry.builder().add("own", "d", own).load("x2", "sr-x2", null, cpu)
                .build();
        var x2 = registry.get("x2");
        registry.close();
        registry.close();
        assertThat(x2.open()).isFalse();
        assertThat(registry.get("own").open()).isTrue();
    }
}
