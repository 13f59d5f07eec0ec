package io.github.enhance4j.spring.boot;

import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.models.BundledModel;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a model that cannot be loaded at start-up, and what to put in {@code enhance4j.model} instead. */
class ModelLoadFailureAnalyzer extends AbstractFailureAnalyzer<ModelLoadException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ModelLoadException cause) {
        return new FailureAnalysis("An enhance4j model could not be loaded (" + cause.reason() + "): "
                + cause.getMessage(),
                "Check enhance4j.model and enhance4j.models.*.model: each is a bundled model's name ("
                        + BundledModel.ids() + "), classpath:path/in/a/jar.onnx, or the path of a model file.",
                cause);
    }
}
