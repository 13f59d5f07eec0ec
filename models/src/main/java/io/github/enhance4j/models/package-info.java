/**
 * The models enhance4j ships, as class-path resources: {@link io.github.enhance4j.models.BundledModel}.
 *
 * <pre>{@code
 * try (Enhancer e = Enhancer.load(BundledModel.SR_X2.source())) {
 *     BufferedImage twiceAsLarge = e.enhance(photo);
 * }
 * }</pre>
 *
 * <p>How each was trained and how well it does (Set5/Set14, LFW validation) is in MODELS.md at the root of the
 * repository. Its model cards (training data and their terms, intended use, limits) are also in this jar, as
 * {@code META-INF/MODELS.md}: read them before shipping a model in a product.
 */
package io.github.enhance4j.models;
