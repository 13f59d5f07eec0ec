/**
 * For backend authors: implement {@link io.github.enhance4j.spi.EnhancerProvider} (and, for training,
 * {@link io.github.enhance4j.spi.TrainerProvider}), register it in {@code META-INF/services} and in
 * {@code module-info.java}, and usually build the enhancer with
 * {@link io.github.enhance4j.spi.TiledEnhancer#create} around an {@link io.github.enhance4j.spi.InferenceEngine},
 * which gets tiling, colour handling and the closing contract right once for every backend. Extend
 * {@code io.github.enhance4j.contract.EnhancerProviderContract} from the {@code enhance4j-api} test-jar to check a
 * provider.
 */
package io.github.enhance4j.spi;
