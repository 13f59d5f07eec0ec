package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.TrainingConfig;

/** Exported models for tests, made with the real exporter from freshly initialised trainers. */
final class TestModels {

    private TestModels() {
    }

    static byte[] randomlyInitialised(String architecture, int scale, long seed) {
        try (Dl4jTrainer trainer = Dl4jTrainer.create(TrainingConfig.builder().architecture(architecture)
                .scale(scale).degradation(scale == 1 ? "pixelate:0.5" : "bicubic:" + scale).seed(seed).build())) {
            // residual networks start with a zero last kernel (an identity); give it weights so tests see them
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            for (org.nd4j.linalg.api.ndarray.INDArray p : trainer.parameters().values()) {
                if (p.rank() == 4 && p.amaxNumber().doubleValue() == 0) {
                    float[] values = new float[(int) p.length()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) ((random.nextDouble() * 2 - 1) * 0.05);
                    }
                    p.assign(org.nd4j.linalg.factory.Nd4j.create(values, p.shape(), 'c'));
                }
            }
            return trainer.onnx();
        }
    }
}
