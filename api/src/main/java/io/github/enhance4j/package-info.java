/**
 * The enhance4j API for applications: load a model with {@link io.github.enhance4j.Enhancer#load(String)} and
 * enhance images; train models with {@link io.github.enhance4j.Trainer}.
 *
 * <h2>Exceptions</h2>
 * Every exception enhance4j throws on purpose is <b>unchecked</b> and extends
 * {@link io.github.enhance4j.EnhanceException}. The failures it reports (a model that is missing or damaged, no
 * backend on the class path, an image that cannot be decoded) are configuration or input errors that a caller can
 * rarely repair at the call site, and checked exceptions would force every lambda and stream over images to wrap
 * them. The specific subclasses ({@link io.github.enhance4j.ModelLoadException},
 * {@link io.github.enhance4j.NoBackendException}, {@link io.github.enhance4j.UnknownBackendException},
 * {@link io.github.enhance4j.ImageReadException}, {@link io.github.enhance4j.ImageWriteException}) carry a reason
 * and the offending path, so applications that do want to react (a batch tool that skips one bad file) can. Misuse
 * of the API gets the standard unchecked exceptions: {@code NullPointerException} for null arguments,
 * {@code IllegalArgumentException} for bad values, {@code IllegalStateException} for use after {@code close()}.
 *
 * <p>Options and model descriptions ({@link io.github.enhance4j.EnhanceOptions},
 * {@link io.github.enhance4j.TrainingConfig}, {@link io.github.enhance4j.ModelInfo}) are immutable.
 */
package io.github.enhance4j;
