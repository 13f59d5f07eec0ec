package io.github.enhance4j.samples.cli;

import io.github.enhance4j.ModelSource;
import io.github.enhance4j.models.BundledModel;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which model {@code --model} means: a file, else one of the models bundled in enhance4j-models by id
 * ({@code sr-x2}, {@code sr-x4}, {@code seed-autoencoder}, {@code restore}); without {@code --model}, the bundled {@code sr-x2}.
 */
final class DefaultModel {

    static final BundledModel DEFAULT = BundledModel.SR_X2;
    /** The model {@code --demo} shows without {@code --model}. */
    static final BundledModel DEMO = BundledModel.RESTORE;

    /** A resolved model and how to name it to the user. */
    record Choice(ModelSource source, String description) {
    }

    private DefaultModel() {
    }

    static Choice resolve(String model) {
        if (model == null) {
            return bundled(DEFAULT, "built-in default ");
        }
        Path file = Path.of(model);
        if (Files.exists(file)) {
            return new Choice(ModelSource.of(file), file.toString());
        }
        try {
            return bundled(BundledModel.byId(model), "built-in ");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no model file '" + model + "', and no bundled model has that name;"
                    + " give an ONNX file or one of: " + BundledModel.ids(), e);
        }
    }

    static ModelSource source() {
        return DEFAULT.source();
    }

    private static Choice bundled(BundledModel m, String prefix) {
        return new Choice(m.source(), prefix + m.id() + ": " + m.description());
    }
}
