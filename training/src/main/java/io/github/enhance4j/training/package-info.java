/**
 * The {@code enhance4j-train} command line ({@link io.github.enhance4j.training.TrainApp}): {@code train} makes
 * models through the public {@link io.github.enhance4j.Trainer} API, {@code evaluate} scores any ONNX model with the
 * standard super-resolution protocol or the seed recipe's. Uses only what a host application could use.
 */
package io.github.enhance4j.training;
