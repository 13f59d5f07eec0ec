package io.github.enhance4j.samples.cli;

import io.github.enhance4j.ModelSource;

/**
 * The model bundled in the jar, used when no {@code --model} is given. For now a placeholder (see
 * {@code NOTICE.md} next to it) until the training issue ships enhance4j's own model.
 */
final class DefaultModel {

    static final String RESOURCE = "io/github/enhance4j/samples/default-model.onnx";
    static final String DESCRIPTION = "built-in default (placeholder: PyTorch-tutorial x3 luma network, MIT)";

    private DefaultModel() {
    }

    static ModelSource source() {
        return ModelSource.fromResource(RESOURCE, DefaultModel.class.getClassLoader());
    }
}
