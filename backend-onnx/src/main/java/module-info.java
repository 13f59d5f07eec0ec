/**
 * The ONNX Runtime backend for enhance4j. Provides {@link io.github.enhance4j.spi.EnhancerProvider} under the name
 * {@code onnx}; exports nothing, since applications use the {@code io.github.enhance4j} API only.
 */
module io.github.enhance4j.backend.onnx {
    requires io.github.enhance4j;
    requires com.microsoft.onnxruntime;
    requires org.slf4j;

    provides io.github.enhance4j.spi.EnhancerProvider with io.github.enhance4j.backend.onnx.OnnxProvider;
}
