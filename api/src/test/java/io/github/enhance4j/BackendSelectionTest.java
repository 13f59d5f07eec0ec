package io.github.enhance4j;

import io.github.enhance4j.spi.EnhancerProvider;
import io.github.enhance4j.testing.ServiceScenario;
import io.github.enhance4j.testing.TestModelProvider;
import io.github.enhance4j.testing.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The selection order documented on {@link Enhancer}, one class path per scenario, with the messages asserted.
 */
class BackendSelectionTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty("enhance4j.backend");
    }

    private ClassLoader providers(String... classNames) {
        return ServiceScenario.with(dir.resolve("cp"), EnhancerProvider.class, List.of(classNames));
    }

    private static Enhancer load(ClassLoader loader) {
        return load(loader, EnhanceOptions.defaults());
    }

    private static Enhancer load(ClassLoader loader, EnhanceOptions options) {
        return Enhancer.load(TestModels.model().source(), options, loader);
    }

    @Test
    void load_noProvider_throwsNoBackendNamingArtifactsAndFatJarHint() {
        ClassLoader loader = providers();

        assertThatThrownBy(() -> load(loader))
                .isInstanceOf(NoBackendException.class)
                .hasMessageStartingWith("enhance4j found no backend to run models.")
                .hasMessageContaining("io.github.enhance4j:enhance4j-backend-onnx")
                .hasMessageContaining("io.github.enhance4j:enhance4j-backend-dl4j")
                .hasMessageContaining("Providers found: none")
                .hasMessageContaining("Providers that failed to load: none")
                .hasMessageContaining("ServicesResourceTransformer");
    }

    @Test
    void load_oneProvider_usesIt() {
        try (Enhancer e = load(providers(TestModelProvider.class.getName()))) {
            assertThat(e.info().backend()).isEqualTo("java-test");
        }
    }

    @Test
    void load_twoAcceptingProviders_highestPriorityWins() {
        ClassLoader loader = providers(TestModelProvider.class.getName(), HighPriorityProvider.class.getName());

        try (Enhancer e = load(loader)) {
            assertThat(e.info().backend()).isEqualTo("java-test-high");
        }
    }

    @Test
    void load_higherPriorityProviderRejectsModel_acceptingProviderWins() {
        ClassLoader loader = providers(RejectingProvider.class.getName(), TestModelProvider.class.getName());

        try (Enhancer e = load(loader)) {
            assertThat(e.info().backend()).isEqualTo("java-test");
        }
    }

    @Test
    void load_brokenProviderBesideGoodOne_skipsBrokenAndUsesGood() {
        ClassLoader loader = providers(BrokenProvider.class.getName(), "com.example.MissingProvider",
                TestModelProvider.class.getName());

        try (Enhancer e = load(loader)) {
            assertThat(e.info().backend()).isEqualTo("java-test");
        }
    }

    @Test
    void load_onlyBrokenProviders_reportsEachFailureAndWhy() {
        ClassLoader loader = providers(BrokenProvider.class.getName(), "com.example.MissingProvider");

        assertThatThrownBy(() -> load(loader))
                .isInstanceOfSatisfying(NoBackendException.class, e -> assertThat(e.failures()).hasSize(2))
                .hasMessageContaining("Providers that failed to load:")
                .hasMessageContaining(BrokenProvider.class.getName())
                .hasMessageContaining("native library libfake.so not found")
                .hasMessageContaining("com.example.MissingProvider not found");
    }

    @Test
    void load_explicitUnknownName_listsAvailableBackends() {
        ClassLoader loader = providers(TestModelProvider.class.getName(), HighPriorityProvider.class.getName());
        EnhanceOptions options = EnhanceOptions.builder().backend("tensorflow").build();

        assertThatThrownBy(() -> load(loader, options))
                .isInstanceOfSatisfying(UnknownBackendException.class, e -> {
                    assertThat(e.requested()).isEqualTo("tensorflow");
                    assertThat(e.available()).containsExactly("java-test-high", "java-test");
                })
                .hasMessage("No enhance4j backend named 'tensorflow'. Available: java-test-high (priority 20),"
                        + " java-test (priority 10). Fix the backend name (EnhanceOptions/TrainingConfig backend,"
                        + " or -Denhance4j.backend), or add the backend's jar.");
    }

    @Test
    void load_explicitNameInOptions_beatsPriority() {
        ClassLoader loader = providers(TestModelProvider.class.getName(), HighPriorityProvider.class.getName());

        try (Enhancer e = load(loader, EnhanceOptions.builder().backend("JAVA-TEST").build())) {
            assertThat(e.info().backend()).isEqualTo("java-test");
        }
    }

    @Test
    void load_systemProperty_beatsPriority_butOptionsBeatProperty() {
        ClassLoader loader = providers(TestModelProvider.class.getName(), HighPriorityProvider.class.getName());
        System.setProperty("enhance4j.backend", "java-test");

        try (Enhancer e = load(loader)) {
            assertThat(e.info().backend()).isEqualTo("java-test");
        }
        try (Enhancer e = load(loader, EnhanceOptions.builder().backend("java-test-high").build())) {
            assertThat(e.info().backend()).isEqualTo("java-test-high");
        }
    }

    @Test
    void load_noProviderAcceptsModel_throwsUnsupportedFormatNamingBackends() {
        ClassLoader loader = providers(RejectingProvider.class.getName());

        assertThatThrownBy(() -> Enhancer.load(ModelSource.of(new byte[] {1, 2, 3}, "weird.bin"),
                EnhanceOptions.defaults(), loader))
                .isInstanceOfSatisfying(ModelLoadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ModelLoadException.Reason.UNSUPPORTED_FORMAT);
                    assertThat(e.model()).isEqualTo("weird.bin");
                })
                .hasMessageContaining("none of the installed backends [rejecting] recognises its format")
                .hasMessageContaining("first bytes: 010203");
    }

    @Test
    void load_preferredBackendFailsToStart_fallsBackToNextAcceptingOne() {
        ClassLoader loader = providers(TestModelProvider.class.getName(), UnstartableProvider.class.getName());

        try (Enhancer e = load(loader)) {
            assertThat(e.info().backend()).isEqualTo("java-test");
        }
    }

    @Test
    void load_missingFile_throwsNotFoundBeforeLookingForBackends() {
        Path missing = dir.resolve("nope.onnx");

        assertThatThrownBy(() -> Enhancer.load(missing))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isEqualTo(ModelLoadException.Reason.NOT_FOUND))
                .hasMessageStartingWith("Cannot load model " + missing + ": no such file");
    }

    @Test
    void load_folder_throwsUnreadable() {
        assertThatThrownBy(() -> Enhancer.load(dir))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isEqualTo(ModelLoadException.Reason.UNREADABLE))
                .hasMessageContaining("it is a folder");
    }

    @Test
    void load_emptyFile_throwsCorrupt() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.onnx"));

        assertThatThrownBy(() -> Enhancer.load(empty))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isEqualTo(ModelLoadException.Reason.CORRUPT))
                .hasMessageContaining("the model is empty (0 bytes)");
    }

    @Test
    void load_resourceFromClassPath_works() {
        ClassLoader loader = providers(TestModelProvider.class.getName());
        ModelSource model = ModelSource.fromResource("models/sharpen-x2.e4jt", getClass().getClassLoader());

        try (Enhancer e = Enhancer.load(model, EnhanceOptions.defaults(), loader)) {
            assertThat(e.info().scale()).isEqualTo(2);
        }
    }

    @Test
    void fromResource_missing_throwsNotFound() {
        assertThatThrownBy(() -> ModelSource.fromResource("models/absent.onnx", getClass().getClassLoader()))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isEqualTo(ModelLoadException.Reason.NOT_FOUND))
                .hasMessageContaining("classpath:models/absent.onnx");
    }

    /** Same backend, higher priority. */
    public static class HighPriorityProvider extends TestModelProvider {
        @Override
        public String name() {
            return "java-test-high";
        }

        @Override
        public int priority() {
            return 20;
        }

        @Override
        public Enhancer open(ModelSource model, EnhanceOptions options) {
            Enhancer inner = super.open(model, options);
            inner.close();
            return io.github.enhance4j.spi.TiledEnhancer.create(new io.github.enhance4j.testing.KernelEngine(
                    inner.info().toBuilder().backend(name()).build(), 1), options);
        }
    }

    /** Accepts nothing, with the highest priority. */
    public static class RejectingProvider extends TestModelProvider {
        @Override
        public String name() {
            return "rejecting";
        }

        @Override
        public int priority() {
            return 100;
        }

        @Override
        public boolean supports(ModelSource model) {
            return false;
        }
    }

    /** Cannot even be constructed, like a provider whose native library is missing. */
    public static class BrokenProvider extends TestModelProvider {
        public BrokenProvider() {
            throw new IllegalStateException("native library libfake.so not found");
        }
    }

    /** Accepts the model with a high priority, but its runtime cannot start. */
    public static class UnstartableProvider extends TestModelProvider {
        @Override
        public String name() {
            return "unstartable";
        }

        @Override
        public int priority() {
            return 50;
        }

        @Override
        public Enhancer open(ModelSource model, EnhanceOptions options) {
            throw new UnsatisfiedLinkError("no fake-runtime in java.library.path");
        }
    }
}
