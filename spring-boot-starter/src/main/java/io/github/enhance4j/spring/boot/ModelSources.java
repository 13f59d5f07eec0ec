package io.github.enhance4j.spring.boot;

import io.github.enhance4j.ModelSource;
import io.github.enhance4j.models.BundledModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Turns a model property (a bundled model's name, {@code classpath:...}, {@code file:...} or a path) into a source. */
final class ModelSources {

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    private ModelSources() {
    }

    static ModelSource resolve(String model, ClassLoader loader) {
        Optional<BundledModel> bundled = bundled(model);
        if (bundled.isPresent()) {
            return bundled.get().source();
        }
        if (model.startsWith(CLASSPATH)) {
            return ModelSource.fromResource(model.substring(CLASSPATH.length()), loader);
        }
        return ModelSource.of(Path.of(model.startsWith(FILE) ? model.substring(FILE.length()) : model));
    }

    static Optional<BundledModel> bundled(String model) {
        String wanted = model.strip().toLowerCase(Locale.ROOT);
        for (BundledModel m : BundledModel.values()) {
            if (m.id().equals(wanted)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The registry name of a model when none is configured: the bundled model's id, else {@code default}. */
    static String defaultName(String model) {
        return bundled(model).map(BundledModel::id).orElse("default");
    }

    /** One line for listings: the configured description, the bundled model's, or what the model says of itself. */
    static String describe(String model, String configured, io.github.enhance4j.ModelInfo info) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return bundled(model).map(BundledModel::description)
                .orElse("x" + info.scale() + " " + info.architecture() + " model");
    }
}
