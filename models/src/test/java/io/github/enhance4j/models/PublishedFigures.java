package io.github.enhance4j.models;

import java.util.Map;

/** The mean Y-PSNR figures MODELS.md publishes for the bundled super-resolution models. */
final class PublishedFigures {

    private static final Map<String, Double> FIGURES = Map.of(
            "SR_X2/Set5", 34.8610,
            "SR_X2/Set14", 31.3085,
            "SR_X4/Set5", 29.3955,
            "SR_X4/Set14", 26.6818);

    private PublishedFigures() {
    }

    static double set(BundledModel model, String set) {
        return FIGURES.get(model.name() + "/" + set);
    }
}
