package io.github.enhance4j.spi;

import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.image.Tensor;

/**
 * The one thing a backend must really do: run a batch of image tiles through a network. Everything around it
 * (tiling, blending, colour conversion, alpha, 16-bit, value ranges, closing safely) is done once for all backends
 * by {@link TiledEnhancer}.
 */
public interface InferenceEngine extends AutoCloseable {

    /**
     * {@return the model's properties; {@code scale}, {@code colorMode}, value range and fixed sizes drive the
     * tiling}
     */
    ModelInfo info();

    /**
     * Runs the network. Must be thread-safe.
     *
     * @param input {@code [N, C, H, W]} with C = {@code info().channels()}, values in the model's value range,
     *              H and W equal to the fixed input size where the model has one; read only (the caller may share
     *              its data with other buffers)
     * @return {@code [N, C, H * scale, W * scale]} in the model's value range (the caller clamps)
     */
    Tensor run(Tensor input);

    /**
     * Tells the engine that the caller is done with an output of {@link #run(Tensor)} and will not touch its data
     * again, so that the engine may reuse that storage for a later output. Optional on both sides: the default does
     * nothing, and an engine must work without it. May be called from any thread, also while other runs proceed.
     *
     * @param output a tensor this engine's {@code run} returned
     */
    default void release(Tensor output) {
    }

    /** Releases native resources. Called once, after the last {@link #run(Tensor)} has returned. */
    @Override
    void close();
}
