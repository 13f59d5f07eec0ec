package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.TrainingConfig;

/** Exported models for tests, made with the real exporter from freshly initialised trainers. */
final class TestModels {

    private TestModels() {
    }

    static byte[] randomlyInitialised(String architecture, int scale, long seed) {
        try (Dl4jTrainer trainer = Dl4jTrainer.create(TrainingConfig.builder().architecture(architecture)
                .scale(scale).degradation(scale == 1 ? "pixelate:0.5" : "bicubic:" + scale).seed(seed).build())) {
            return trainer.onnx();
        }
    }
}
