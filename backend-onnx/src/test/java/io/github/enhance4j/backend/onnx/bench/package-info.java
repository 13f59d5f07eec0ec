/**
 * JMH benchmarks of the ONNX backend; they are not tests and never run during the build. See
 * {@code backend-onnx/BENCHMARKS.md} for how to run them and for measured figures.
 */
package io.github.enhance4j.backend.onnx.bench;
