package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.ModelSource;
import io.github.enhance4j.contract.EnhancerProviderContract;
import io.github.enhance4j.spi.EnhancerProvider;

/** The api's provider contract, against a freshly initialised espcn x2 exported by this backend. */
class Dl4jProviderContractTest extends EnhancerProviderContract {

    private static final byte[] MODEL = TestModels.randomlyInitialised("espcn", 2, 11);

    @Override
    protected EnhancerProvider provider() {
        return new Dl4jEnhancerProvider();
    }

    @Override
    protected ModelSource validModel() {
        return ModelSource.of(MODEL, "espcn-x2.onnx");
    }
}
