package io.github.enhance4j.backend.onnx;

import io.github.enhance4j.ModelSource;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import io.github.enhance4j.spi.EnhancerProvider;
import io.github.enhance4j.contract.EnhancerProviderContract;

/** The api's provider contract, against ONNX Runtime with a generated x2 model. */
class OnnxProviderContractTest extends EnhancerProviderContract {

    @Override
    protected EnhancerProvider provider() {
        return new OnnxProvider();
    }

    @Override
    protected ModelSource validModel() {
        return ModelSource.of(ModelGenerators.nearestUpscale(3, 2), "nearest-x2.onnx");
    }
}
