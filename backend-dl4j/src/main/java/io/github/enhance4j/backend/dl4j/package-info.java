/**
 * The DeepLearning4j/ND4J backend: trains enhance4j's architectures ({@code seed-autoencoder}, {@code espcn}) as
 * ND4J SameDiff graphs on the oneDNN build of libnd4j, exports them to ONNX (opset 13) with ND4J's bundled ONNX
 * protobuf classes, and runs those ONNX files and its own checkpoints. Public types are only the two service
 * providers ({@link io.github.enhance4j.backend.dl4j.Dl4jTrainerProvider},
 * {@link io.github.enhance4j.backend.dl4j.Dl4jEnhancerProvider}); everything else is package-private.
 */
package io.github.enhance4j.backend.dl4j;
