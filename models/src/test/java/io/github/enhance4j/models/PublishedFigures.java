package io.github.enhance4j.models;

import java.util.Map;

/**
 * The mean Y-PSNR figures MODELS.md publishes for the bundled super-resolution models, measured through
 * {@code Enhancer} with mirrored image edges (since 2026-12-01; with zero-padded edges they were 35.0647, 31.4413,
 * 29.7171, 26.8723).
 */
final class PublishedFigures {

    private static final Map<String, Double> FIGURES = Map.of(
            "SR_X2/Set5", 35.0851,
            "SR_X2/Set14", 31.4306,
            "SR_X4/Set5", 29.7186,
            "SR_X4/Set14", 26.8591);

    private PublishedFigures() {
    }

    static double set(BundledModel model, String set) {
        return FIGURES.get(model.name() + "/" + set);
    }
}
