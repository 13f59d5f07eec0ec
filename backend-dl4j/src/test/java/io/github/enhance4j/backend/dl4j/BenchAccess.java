package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.spi.InferenceEngine;

/** Package-private pieces the benchmarks in {@code bench} use. */
public final class BenchAccess {

    private BenchAccess() {
    }

    public static byte[] randomSeedModel() {
        return TestModels.randomlyInitialised("seed-autoencoder", 1, 1);
    }

    public static InferenceEngine engine(ModelSource model, EnhanceOptions options) {
        return Dl4jEngine.open(model, options);
    }
}
