/**
 * The imaging core shared by every backend, public for applications too: the planar
 * {@link io.github.enhance4j.image.FloatImage} and {@link io.github.enhance4j.image.Tensor} buffers; exact conversions
 * between them and {@link java.awt.image.BufferedImage} ({@link io.github.enhance4j.image.Pixels},
 * {@link io.github.enhance4j.image.PixelFormat}); file reading and writing with EXIF orientation, ICC profiles, pixel
 * limits and atomic writes ({@link io.github.enhance4j.image.ImageFiles}); resampling
 * ({@link io.github.enhance4j.image.Resampler}); colour conversion ({@link io.github.enhance4j.image.YCbCr}); quality
 * metrics and the standard super-resolution evaluation protocol ({@link io.github.enhance4j.image.ImageMetrics},
 * {@link io.github.enhance4j.image.SrEvaluation}); and synthetic damage for training pairs
 * ({@link io.github.enhance4j.image.Degradation}, with the random "realistic" damage configured by
 * {@link io.github.enhance4j.image.RealisticDamage}).
 */
package io.github.enhance4j.image;
