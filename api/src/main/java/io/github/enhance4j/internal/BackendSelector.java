package io.github.enhance4j.internal;

import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.NoBackendException;
import io.github.enhance4j.Trainer;
import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.UnknownBackendException;
import io.github.enhance4j.spi.EnhancerProvider;
import io.github.enhance4j.spi.TrainerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one implementation of the backend selection order documented on {@link Enhancer} and {@link Trainer}.
 */
public final class BackendSelector {

    /** System property that names a backend when the options do not. */
    public static final String BACKEND_PROPERTY = "enhance4j.backend";

    static final String INFERENCE_ARTIFACTS = "  io.github.enhance4j:enhance4j-backend-onnx  (ONNX Runtime: CPU, or CUDA"
            + " with com.microsoft.onnxruntime:onnxruntime_gpu)\n"
            + "  io.github.enhance4j:enhance4j-backend-dl4j  (DeepLearning4j)\n";
    static final String TRAINING_ARTIFACTS = "  io.github.enhance4j:enhance4j-backend-dl4j  (DeepLearning4j)\n";
    static final String FAT_JAR_HINT = "If this is a fat jar, its META-INF/services files were probably overwritten"
            + " while merging: with the Maven Shade plugin add"
            + " <transformer implementation=\"org.apache.maven.plugins.shade.resource.ServicesResourceTransformer\"/>.";

    private static final Logger LOG = LoggerFactory.getLogger(BackendSelector.class);

    private BackendSelector() {
    }

    public static Enhancer openEnhancer(ModelSource model, EnhanceOptions options, ClassLoader loader) {
        model.checkReadable();
        if (model.size() == 0) {
            throw new ModelLoadException(model.name(), ModelLoadException.Reason.CORRUPT, "the model is empty (0 bytes)");
        }
        ProviderDiscovery<EnhancerProvider> discovery = ProviderDiscovery.discover(EnhancerProvider.class, loader);
        List<EnhancerProvider> providers = byPriority(discovery.providers(), EnhancerProvider::priority,
                EnhancerProvider::name);
        if (providers.isEmpty()) {
            throw noBackend("enhance4j found no backend to run models.", INFERENCE_ARTIFACTS, discovery.failures());
        }
        Optional<String> explicit = explicitChoice(options.backend().orElse(null));
        if (explicit.isPresent()) {
            EnhancerProvider chosen = byName(providers, explicit.get(), EnhancerProvider::name,
                    EnhancerProvider::priority, discovery.failures());
            LOG.debug("Backend '{}' chosen explicitly for {}", chosen.name(), model.name());
            return chosen.open(model, options);
        }
        List<EnhancerProvider> accepting = new ArrayList<>();
        for (EnhancerProvider p : providers) {
            if (accepts(p, model)) {
                accepting.add(p);
            }
        }
        if (accepting.isEmpty()) {
            throw new ModelLoadException(model.name(), ModelLoadException.Reason.UNSUPPORTED_FORMAT,
                    "none of the installed backends " + names(providers, EnhancerProvider::name)
                            + " recognises its format (first bytes: " + hex(model.header(8)) + "). enhance4j runs"
                            + " ONNX models; convert other formats to ONNX first.");
        }
        List<String> startFailures = new ArrayList<>();
        RuntimeException first = null;
        for (EnhancerProvider p : accepting) {
            try {
                Enhancer enhancer = p.open(model, options);
                LOG.debug("Backend '{}' (priority {}) chosen for {} among {}", p.name(), p.priority(), model.name(),
                        names(accepting, EnhancerProvider::name));
                return enhancer;
            } catch (ModelLoadException | IllegalArgumentException e) {
                throw e; // the model or the options are at fault, not the backend: another will not do better
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Backend '{}' failed to open {}, trying the next one: {}", p.name(), model.name(),
                        e.toString());
                startFailures.add(p.name() + ": " + e);
                if (first == null) {
                    first = e instanceof RuntimeException ? (RuntimeException) e : new EnhanceException(e.toString(), e);
                }
            }
        }
        if (startFailures.size() == 1) {
            throw first; // one candidate: its own message says best what to do
        }
        throw new EnhanceException("Every backend that accepts " + model.name() + " failed to start:\n  "
                + String.join("\n  ", startFailures), first);
    }

    public static Trainer createTrainer(TrainingConfig config, ClassLoader loader) {
        ProviderDiscovery<TrainerProvider> discovery = ProviderDiscovery.discover(TrainerProvider.class, loader);
        List<TrainerProvider> providers = byPriority(discovery.providers(), TrainerProvider::priority,
                TrainerProvider::name);
        if (providers.isEmpty()) {
            throw noBackend("enhance4j found no backend that can train models.", TRAINING_ARTIFACTS,
                    discovery.failures());
        }
        Optional<String> explicit = explicitChoice(config.backend().orElse(null));
        if (explicit.isPresent()) {
            return byName(providers, explicit.get(), TrainerProvider::name, TrainerProvider::priority,
                    discovery.failures()).create(config);
        }
        for (TrainerProvider p : providers) {
            if (p.supports(config)) {
                LOG.debug("Training backend '{}' chosen for architecture {}", p.name(), config.architecture());
                return p.create(config);
            }
        }
        throw new EnhanceException("No installed training backend supports architecture '" + config.architecture()
                + "'. Installed: " + providers.stream().map(p -> p.name() + " " + p.architectures())
                        .collect(Collectors.joining(", ")));
    }

    public static Trainer resumeTrainer(Path checkpoint, ClassLoader loader) {
        return resumeTrainer(checkpoint, 0, loader);
    }

    /** @param epochs a new total number of epochs, or 0 to keep the checkpoint's */
    public static Trainer resumeTrainer(Path checkpoint, int epochs, ClassLoader loader) {
        ProviderDiscovery<TrainerProvider> discovery = ProviderDiscovery.discover(TrainerProvider.class, loader);
        List<TrainerProvider> providers = byPriority(discovery.providers(), TrainerProvider::priority,
                TrainerProvider::name);
        if (providers.isEmpty()) {
            throw noBackend("enhance4j found no backend that can train models.", TRAINING_ARTIFACTS,
                    discovery.failures());
        }
        for (TrainerProvider p : providers) {
            if (p.canResume(checkpoint)) {
                return epochs > 0 ? p.resume(checkpoint, epochs) : p.resume(checkpoint);
            }
        }
        throw new EnhanceException("No installed training backend " + names(providers, TrainerProvider::name)
                + " recognises the checkpoint " + checkpoint);
    }

    private static Optional<String> explicitChoice(String fromOptions) {
        if (fromOptions != null && !fromOptions.isBlank()) {
            return Optional.of(fromOptions.trim().toLowerCase(Locale.ROOT));
        }
        String prop = System.getProperty(BACKEND_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Optional.of(prop.trim().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static boolean accepts(EnhancerProvider p, ModelSource model) {
        try {
            return p.supports(model);
        } catch (ModelLoadException e) {
            throw e; // unreadable model: say so rather than "unsupported"
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Backend '{}' failed while sniffing {} (treated as 'not supported'): {}", p.name(), model.name(),
                    e.toString());
            return false;
        }
    }

    private static <P> List<P> byPriority(List<P> providers, Function<P, Integer> priority, Function<P, String> name) {
        List<P> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparing(priority).reversed().thenComparing(name));
        return sorted;
    }

    private static <P> P byName(List<P> providers, String requested, Function<P, String> name,
            Function<P, Integer> priority, List<String> failures) {
        for (P p : providers) {
            if (name.apply(p).equalsIgnoreCase(requested)) {
                return p;
            }
        }
        List<String> available = providers.stream().map(name).collect(Collectors.toList());
        StringBuilder msg = new StringBuilder("No enhance4j backend named '").append(requested)
                .append("'. Available: ").append(providers.stream()
                        .map(p -> name.apply(p) + " (priority " + priority.apply(p) + ")")
                        .collect(Collectors.joining(", ")))
                .append(". Fix the backend name (EnhanceOptions/TrainingConfig backend, or -D").append(BACKEND_PROPERTY)
                .append("), or add the backend's jar.");
        if (!failures.isEmpty()) {
            msg.append(" Providers that failed to load:\n  ").append(String.join("\n  ", failures));
        }
        return throwUnknown(requested, available, msg.toString());
    }

    private static <P> P throwUnknown(String requested, List<String> available, String message) {
        throw new UnknownBackendException(requested, available, message);
    }

    private static NoBackendException noBackend(String headline, String artifacts, List<String> failures) {
        StringBuilder msg = new StringBuilder(headline).append('\n')
                .append("Add one of these dependencies:\n").append(artifacts)
                .append("Providers found: none\n");
        if (failures.isEmpty()) {
            msg.append("Providers that failed to load: none\n");
        } else {
            msg.append("Providers that failed to load:\n");
            for (String f : failures) {
                msg.append("  - ").append(f).append('\n');
            }
        }
        msg.append(FAT_JAR_HINT);
        return new NoBackendException(msg.toString(), failures);
    }

    private static <P> String names(List<P> providers, Function<P, String> name) {
        return providers.stream().map(name).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return bytes.length == 0 ? "none, the model is empty" : sb.toString();
    }
}
