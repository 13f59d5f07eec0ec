/**
 * Imaging utilities shared by every backend: the planar {@link io.github.enhance4j.image.FloatImage} and
 * {@link io.github.enhance4j.image.Tensor}, resampling ({@link io.github.enhance4j.image.Resampler}), colour
 * conversion ({@link io.github.enhance4j.image.YCbCr}), quality metrics
 * ({@link io.github.enhance4j.image.ImageMetrics}, {@link io.github.enhance4j.image.SrEvaluation}) and synthetic
 * damage for training pairs ({@link io.github.enhance4j.image.Degradation}).
 */
package io.github.enhance4j.image;
