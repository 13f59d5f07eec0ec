/**
 * ONNX models built in code for the backend's tests: a minimal protobuf encoder ({@code ProtoWriter}), a fluent
 * {@link io.github.enhance4j.backend.onnx.testing.OnnxGraphBuilder} for {@code ModelProto}s, and
 * {@link io.github.enhance4j.backend.onnx.testing.ModelGenerators} with the models the tests use.
 */
package io.github.enhance4j.backend.onnx.testing;
