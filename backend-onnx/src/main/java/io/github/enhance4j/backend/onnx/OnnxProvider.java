package io.github.enhance4j.backend.onnx;

import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.spi.EnhancerProvider;
import io.github.enhance4j.spi.TiledEnhancer;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ONNX Runtime backend: runs any NCHW float image-to-image ONNX model on CPU or CUDA. Cheap to create: ONNX
 * Runtime's native library is loaded only when a model is opened.
 *
 * <p>Backend options ({@link EnhanceOptions.Builder#backendOption(String, String)}):
 * <ul>
 *   <li>{@code optimization}: {@code none}, {@code basic}, {@code extended} or {@code all} (default) graph
 *       optimisations;</li>
 *   <li>{@code interOpThreads}: threads running independent nodes in parallel (default 1).</li>
 * </ul>
 */
public final class OnnxProvider implements EnhancerProvider {

    /** Maven coordinates of the CPU runtime, for messages. */
    static final String CPU_ARTIFACT = "com.microsoft.onnxruntime:onnxruntime";
    /** Maven coordinates of the CUDA runtime, for messages. */
    static final String GPU_ARTIFACT = "com.microsoft.onnxruntime:onnxruntime_gpu";

    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String artifact() {
        return "io.github.enhance4j:enhance4j-backend-onnx";
    }

    @Override
    public boolean supports(ModelSource model) {
        try {
            return OnnxFormat.looksLikeOnnx(model.header(OnnxFormat.HEADER_BYTES), model.size());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Enhancer open(ModelSource model, EnhanceOptions options) {
        checkRuntimeOnClassPath(OnnxProvider.class.getClassLoader());
        OnnxEngine engine;
        try {
            engine = OnnxEngine.open(model, options);
        } catch (EnhanceException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // a damaged model that ONNX Runtime still accepts can have a graph the description code does not
            // expect (fuzzing found one without outputs): the caller gets the model's name, not a bare exception
            throw new ModelLoadException(model.name(), ModelLoadException.Reason.INCOMPATIBLE, "ONNX Runtime loaded"
                    + " it, but its inputs and outputs are not those of an image model (" + e + ")", e);
        }
        return TiledEnhancer.create(engine, options);
    }

    /** Both runtimes on one class path load one native library over the other's classes: refuse clearly. */
    static void checkRuntimeOnClassPath(ClassLoader loader) {
        List<URL> copies;
        try {
            copies = Collections.list(loader.getResources("ai/onnxruntime/OrtEnvironment.class"));
        } catch (IOException e) {
            copies = new ArrayList<>();
        }
        if (copies.isEmpty()) {
            throw new EnhanceException("ONNX Runtime is not on the class path. Add " + CPU_ARTIFACT + ":"
                    + OnnxRuntimeInfo.expectedVersion() + " (CPU) or " + GPU_ARTIFACT + " (CUDA), exactly one.");
        }
        if (copies.size() > 1) {
            StringBuilder msg = new StringBuilder("Several ONNX Runtime jars are on the class path; keep exactly one ("
                    + CPU_ARTIFACT + " for CPU or " + GPU_ARTIFACT + " for CUDA, which also runs on CPU). Found:");
            for (URL u : copies) {
                msg.append("\n  ").append(u);
            }
            msg.append("\nWith Maven, exclude ").append(CPU_ARTIFACT)
                    .append(" from enhance4j-backend-onnx when you add onnxruntime_gpu.");
            throw new EnhanceException(msg.toString());
        }
    }
}
