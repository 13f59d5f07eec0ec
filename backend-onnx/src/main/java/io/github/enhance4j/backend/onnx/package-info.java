/**
 * The ONNX Runtime backend. {@link io.github.enhance4j.backend.onnx.OnnxProvider} is registered for
 * {@link java.util.ServiceLoader}; applications never use this package directly, they call
 * {@link io.github.enhance4j.Enhancer#load(String)} with this jar on the class path.
 *
 * <p>Models: any ONNX model with one float32 NCHW image input and output, 3 channels (RGB) or 1 (luma), values in
 * 0..1 unless metadata says otherwise, batch 1 or dynamic, fixed or dynamic height and width. The scale comes from
 * the {@code enhance4j.*} metadata our exporter writes, else from static shapes, else from a probe run.
 */
package io.github.enhance4j.backend.onnx;
