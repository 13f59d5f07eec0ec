package io.github.enhance4j.contract;

import io.github.enhance4j.ModelSource;
import io.github.enhance4j.testing.TestModelProvider;
import io.github.enhance4j.spi.EnhancerProvider;
import io.github.enhance4j.testing.TestModels;

/** The contract test checked against the pure-Java test backend, which also proves the contract test works. */
class TestModelProviderContractTest extends EnhancerProviderContract {

    @Override
    protected EnhancerProvider provider() {
        return new TestModelProvider();
    }

    @Override
    protected ModelSource validModel() {
        return TestModels.model().scale(2).source();
    }
}
