/**
 * Imaging core shared by all backends: {@link io.github.enhance4j.image.FloatImage} and
 * {@link io.github.enhance4j.image.Tensor} buffers, exact conversions from and to {@link java.awt.image.BufferedImage}
 * ({@link io.github.enhance4j.image.Pixels}, {@link io.github.enhance4j.image.PixelFormat}), resampling, and file
 * reading and writing ({@link io.github.enhance4j.image.ImageFiles}). Public API.
 */
package io.github.enhance4j.image;
