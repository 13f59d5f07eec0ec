package io.github.enhance4j.spi;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.internal.TilingEnhancer;

import java.util.Objects;

/**
 * Builds the standard {@link Enhancer} around an {@link InferenceEngine}: images of any size are cut into
 * overlapping tiles ({@link EnhanceOptions#tileSize()}, {@link EnhanceOptions#tileOverlap()}), run in batches, and
 * blended back with weights that sum to one, so no seams show; working memory is bounded by the tile size and the
 * image width, not by the image area.
 */
public final class TiledEnhancer {

    private TiledEnhancer() {
    }

    /**
     * Wraps an engine in the standard enhancer. The engine is owned by the returned enhancer and closed by it.
     *
     * @param engine  runs the network on one batch of tiles
     * @param options tile size, overlap, batch and output scale
     * @return the enhancer
     */
    public static Enhancer create(InferenceEngine engine, EnhanceOptions options) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(options, "options");
        return new TilingEnhancer(engine, options);
    }
}
