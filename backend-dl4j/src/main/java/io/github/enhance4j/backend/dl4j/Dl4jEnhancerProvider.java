package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.spi.EnhancerProvider;
import io.github.enhance4j.spi.TiledEnhancer;

/**
 * Runs, with ND4J on the CPU, the ONNX models enhance4j's exporter writes and the dl4j backend's own checkpoints.
 * Priority 50, below the ONNX Runtime backend, so it is used when it is the only backend or when asked for by
 * name ({@code dl4j}). Foreign ONNX models with other operators are refused with the list of those operators.
 * Cheap to create: ND4J starts when a model is opened.
 */
public final class Dl4jEnhancerProvider implements EnhancerProvider {

    @Override
    public String name() {
        return "dl4j";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public boolean supports(ModelSource model) {
        try {
            byte[] header = model.header(OnnxSniffer.HEADER_BYTES);
            return OnnxSniffer.looksLikeOnnx(header) || Checkpoint.looksLikeCheckpoint(header);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Enhancer open(ModelSource model, EnhanceOptions options) {
        return TiledEnhancer.create(Dl4jEngine.open(model, options), options);
    }
}
