package io.github.enhance4j.models;

import java.util.Map;

/** The mean Y-PSNR figures MODELS.md publishes for the bundled super-resolution models. */
final class PublishedFigures {

    private static final Map<String, Double> FIGURES = Map.of(
            "SR_X2/Set5", 35.0647,
            "SR_X2/Set14", 31.4413,
            "SR_X4/Set5", 29.7171,
            "SR_X4/Set14", 26.8723);

    private PublishedFigures() {
    }

    static double set(BundledModel model, String set) {
        return FIGURES.get(model.name() + "/" + set);
    }
}
