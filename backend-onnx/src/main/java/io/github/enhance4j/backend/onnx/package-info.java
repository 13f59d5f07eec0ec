/**
 * The ONNX Runtime backend (skeleton: the ONNX backend issue fills it).
 */
package io.github.enhance4j.backend.onnx;
