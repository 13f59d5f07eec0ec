package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.ColorMode;
import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.image.Tensor;
import io.github.enhance4j.spi.InferenceEngine;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an ONNX model written by enhance4j's exporter (or a dl4j checkpoint's model) as a SameDiff graph on the CPU.
 * Input sides that are not a multiple of the network's pooling factor are padded by repeating the edge pixels and
 * the result is cropped back, so any size works.
 */
final class Dl4jEngine implements InferenceEngine {

    private final SameDiff graph;
    private final String output;
    private final NetSpec spec;
    private final ModelInfo info;
    private final String modelName;

    private Dl4jEngine(SameDiff graph, NetSpec spec, ModelInfo info, String modelName) {
        this.graph = graph;
        this.output = SameDiffNet.inferenceOutput(spec);
        this.spec = spec;
        this.info = info;
        this.modelName = modelName;
    }

    static Dl4jEngine open(ModelSource model, EnhanceOptions options) {
        if (options.device().kind() == Device.Kind.CUDA) {
            throw new EnhanceException("The dl4j backend runs on the CPU only (nd4j-native); " + options.device()
                    + " was asked for. Use the onnx backend with onnxruntime_gpu for CUDA.");
        }
        model.checkReadable();
        byte[] header = model.header(64);
        byte[] onnx;
        if (Checkpoint.looksLikeCheckpoint(header)) {
            try (InputStream in = model.openStream()) {
                onnx = Checkpoint.model(in, model.name());
            } catch (IOException e) {
                throw new ModelLoadException(model.name(), ModelLoadException.Reason.CORRUPT,
                        "the dl4j checkpoint cannot be read: " + e.getMessage(), e);
            }
        } else {
            onnx = model.readAllBytes();
            if (!OnnxSniffer.looksLikeOnnx(onnx)) {
                throw new ModelLoadException(model.name(), ModelLoadException.Reason.UNSUPPORTED_FORMAT,
                        "it is neither an ONNX model nor a dl4j checkpoint");
            }
        }
        OnnxImporter.Imported imported = OnnxImporter.read(onnx, model.name());
        Nd4jRuntime.start();
        NetSpec spec = imported.spec();
        Map<String, INDArray> params = new LinkedHashMap<>();
        spec.parameterShapes().forEach((name, shape) -> {
            float[] values = imported.params().get(name);
            long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            if (values.length != size) {
                throw new ModelLoadException(model.name(), ModelLoadException.Reason.CORRUPT, "tensor for " + name
                        + " has " + values.length + " values, its shape " + Arrays.toString(shape) + " needs " + size);
            }
            params.put(name, Nd4j.create(values, shape, 'c'));
        });
        ModelInfo.Builder info = ModelInfo.builder().backend("dl4j").device("cpu").scale(spec.scale())
                .colorMode(spec.inputChannels() == 1 ? ColorMode.LUMA : ColorMode.RGB)
                .architecture(spec.architecture());
        imported.metadata().forEach(info::metadata);
        return new Dl4jEngine(SameDiffNet.inference(spec, params), spec, info.build(), model.name());
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Tensor run(Tensor input) {
        int[] s = input.shape();
        int n = s[0];
        int c = s[1];
        int h = s[2];
        int w = s[3];
        int m = spec.sizeMultiple();
        int ph = (h + m - 1) / m * m;
        int pw = (w + m - 1) / m * m;
        float[] data = ph == h && pw == w ? input.data() : padEdges(input.data(), n, c, h, w, ph, pw);
        INDArray result;
        try {
            result = graph.outputSingle(Map.of(NetSpec.INPUT, Nd4j.create(data, new long[] {n, c, ph, pw}, 'c')),
                    output);
        } catch (RuntimeException e) {
            throw new EnhanceException("ND4J failed to run " + modelName + " on input " + Arrays.toString(s) + ": "
                    + e.getMessage(), e);
        }
        int scale = spec.scale();
        int oh = h * scale;
        int ow = w * scale;
        float[] out = result.dup('c').data().asFloat();
        if (ph != h || pw != w) {
            out = crop(out, n, c, ph * scale, pw * scale, oh, ow);
        }
        return new Tensor(new int[] {n, c, oh, ow}, out);
    }

    private static float[] padEdges(float[] src, int n, int c, int h, int w, int ph, int pw) {
        float[] dst = new float[n * c * ph * pw];
        for (int p = 0; p < n * c; p++) {
            for (int y = 0; y < ph; y++) {
                int sy = Math.min(y, h - 1);
                for (int x = 0; x < pw; x++) {
                    dst[(p * ph + y) * pw + x] = src[(p * h + sy) * w + Math.min(x, w - 1)];
                }
            }
        }
        return dst;
    }

    private static float[] crop(float[] src, int n, int c, int h, int w, int oh, int ow) {
        float[] dst = new float[n * c * oh * ow];
        for (int p = 0; p < n * c; p++) {
            for (int y = 0; y < oh; y++) {
                System.arraycopy(src, (p * h + y) * w, dst, (p * oh + y) * ow, ow);
            }
        }
        return dst;
    }

    @Override
    public void close() {
        // SameDiff 1.0.0-M2.1 has no close(); its off-heap arrays are released with the graph by the GC
    }
}
