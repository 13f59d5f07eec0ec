package io.github.enhance4j.backend.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.github.enhance4j.ColorMode;
import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.image.Tensor;
import io.github.enhance4j.spi.InferenceEngine;
import io.github.enhance4j.spi.ModelMetadataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One ONNX Runtime session around an image model. {@link OrtSession#run} is thread-safe, so concurrent
 * {@code enhance} calls share the session; the enhancer closes it after the last call.
 *
 * <p>Runs reuse their native memory: the input is copied into a direct buffer that an {@link OnnxTensor} wraps, and
 * ONNX Runtime writes the output into another one (a pinned output), both kept for the next run of the same shape
 * (as many sets as runs overlap, at most {@link #MAX_IDLE} idle). The output is returned as a tensor
 * {@linkplain Tensor#over over that buffer}, not copied: the enhancer reads the rows it blends straight from it, and
 * {@linkplain #release releases} it when done, which returns the buffers for the next run. Outputs nobody releases
 * are bounded: past {@link #MAX_LENT} of them, runs return a copy and keep their buffers. Without this every run
 * allocated and zeroed a direct input buffer, a native output and a Java array of the output's size, and copied the
 * output (50 MB for a 512-pixel tile of a x4 model) before the enhancer read it once more.
 */
final class OnnxEngine implements InferenceEngine {

    /** Largest fixed input edge accepted; bigger declared sizes are absurd for an image model. */
    static final int MAX_FIXED_EDGE = 16384;
    /** Edge of the input used to measure the scale of models that declare none. */
    private static final int PROBE_EDGE = 24;

    private static final Logger LOG = LoggerFactory.getLogger(OnnxEngine.class);

    /** Idle buffer sets kept for the next runs. */
    private static final int MAX_IDLE = 2;
    /** Outputs handed out over their buffers and not yet released; past this many, runs return copies. */
    static final int MAX_LENT = 8;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final String outputName;
    private final Set<String> outputs;
    private final String modelName;
    private final ModelInfo info;
    /** Whether runs write into reused buffers; off for the probe that measures the scale, and after a failure. */
    private volatile boolean reuse;
    private final ConcurrentLinkedQueue<RunBuffers> idle = new ConcurrentLinkedQueue<>();
    /** Buffer sets whose output tensor is out with the caller, keyed by that tensor (by identity). */
    private final Map<Tensor, RunBuffers> lent = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private OnnxEngine(OrtEnvironment env, OrtSession session, String inputName, String outputName,
            String modelName, ModelInfo info, boolean reuse) {
        this.env = env;
        this.session = session;
        this.inputName = inputName;
        this.outputName = outputName;
        this.outputs = Collections.singleton(outputName);
        this.modelName = modelName;
        this.info = info;
        this.reuse = reuse;
    }

    static OnnxEngine open(ModelSource model, EnhanceOptions options) {
        OnnxSessions.Opened opened = OnnxSessions.open(model, options);
        OrtSession session = opened.session();
        try {
            return describe(model, opened, session);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private static OnnxEngine describe(ModelSource model, OnnxSessions.Opened opened, OrtSession session) {
        String name = model.name();
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            if (inputs.size() != 1) {
                throw incompatible(name, "enhance4j feeds one image tensor, but the model has " + inputs.size()
                        + " inputs " + inputs.keySet());
            }
            NodeInfo input = inputs.values().iterator().next();
            if (outputs.size() != 1) {
                throw incompatible(name, "enhance4j reads one image tensor, but the model has " + outputs.size()
                        + " outputs " + outputs.keySet());
            }
            NodeInfo output = outputs.values().iterator().next();
            long[] in = imageShape(name, "input", input);
            long[] out = imageShape(name, "output", output);
            Map<String, String> meta = session.getMetadata().getCustomMetadata();

            ModelInfo.Builder info = ModelInfo.builder()
                    .backend("onnx")
                    .device(opened.device())
                    .architecture(meta.getOrDefault(ModelMetadataKeys.ARCHITECTURE, "unknown"));
            meta.forEach(info::metadata);
            String producer = session.getMetadata().getProducerName();
            if (producer != null && !producer.isEmpty()) {
                info.metadata("onnx.producer", producer);
            }
            info.colorMode(colorMode(name, meta, in[1]));
            if (meta.containsKey(ModelMetadataKeys.RANGE)) {
                float[] range = parseRange(name, meta.get(ModelMetadataKeys.RANGE));
                info.valueRange(range[0], range[1]);
            }
            if (meta.containsKey(ModelMetadataKeys.SIZE_MULTIPLE)) {
                try {
                    info.sizeMultiple(Integer.parseInt(meta.get(ModelMetadataKeys.SIZE_MULTIPLE).trim()));
                } catch (IllegalArgumentException e) {
                    throw incompatible(name, "metadata " + ModelMetadataKeys.SIZE_MULTIPLE + "='"
                            + meta.get(ModelMetadataKeys.SIZE_MULTIPLE) + "' is not an integer 1..1024");
                }
            }
            if (in[0] > 1) {
                throw incompatible(name, "its input has a fixed batch of " + in[0] + "; enhance4j needs batch 1 or a"
                        + " dynamic batch");
            }
            if (in[0] == 1) {
                info.maxBatch(1);
            }
            int fixedH = fixedEdge(name, in[2], "height");
            int fixedW = fixedEdge(name, in[3], "width");
            info.fixedInputSize(fixedW, fixedH);

            // an engine that does not know its scale yet can still run the probe that measures it
            OnnxEngine unscaled = new OnnxEngine(opened.environment(), session, input.getName(), output.getName(),
                    name, info.build(), false);
            int scale = scale(name, meta, in, out, unscaled);
            return new OnnxEngine(opened.environment(), session, input.getName(), output.getName(), name,
                    info.scale(scale).build(), true);
        } catch (OrtException e) {
            throw new ModelLoadException(name, ModelLoadException.Reason.INCOMPATIBLE,
                    "ONNX Runtime could not describe its inputs and outputs: " + e.getMessage(), e);
        }
    }

    private static long[] imageShape(String model, String role, NodeInfo node) {
        if (!(node.getInfo() instanceof TensorInfo)) {
            throw incompatible(model, "its " + role + " '" + node.getName() + "' is " + node.getInfo()
                    + ", not a tensor");
        }
        TensorInfo t = (TensorInfo) node.getInfo();
        if (t.type != OnnxJavaType.FLOAT) {
            throw incompatible(model, "its " + role + " '" + node.getName() + "' holds " + t.type
                    + "; enhance4j exchanges float32 NCHW images");
        }
        long[] shape = t.getShape();
        if (shape.length != 4) {
            throw incompatible(model, "its " + role + " '" + node.getName() + "' has rank " + shape.length + " "
                    + describeShape(shape) + "; expected an NCHW image tensor [N, C, H, W]");
        }
        return shape;
    }

    private static ColorMode colorMode(String model, Map<String, String> meta, long channels) {
        String declared = meta.get(ModelMetadataKeys.COLOR);
        if (declared != null) {
            switch (declared.toLowerCase(Locale.ROOT)) {
                case "rgb":
                    return ColorMode.RGB;
                case "luma":
                case "y":
                    return ColorMode.LUMA;
                default:
                    throw incompatible(model, "metadata " + ModelMetadataKeys.COLOR + "='" + declared
                            + "' is neither 'rgb' nor 'luma'");
            }
        }
        if (channels == 1) {
            return ColorMode.LUMA;
        }
        if (channels == 3 || channels < 0) {
            return ColorMode.RGB;
        }
        throw incompatible(model, "its input has " + channels + " channels; enhance4j feeds 3 (RGB) or 1 (luma)");
    }

    private static float[] parseRange(String model, String text) {
        String[] parts = text.split(":");
        try {
            if (parts.length == 2) {
                float min = Float.parseFloat(parts[0].trim());
                float max = Float.parseFloat(parts[1].trim());
                if (max > min) {
                    return new float[] {min, max};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw incompatible(model, "metadata " + ModelMetadataKeys.RANGE + "='" + text + "' is not 'min:max'");
    }

    private static int fixedEdge(String model, long declared, String what) {
        if (declared <= 0) {
            return 0;
        }
        if (declared > MAX_FIXED_EDGE) {
            throw incompatible(model, "its input declares a fixed " + what + " of " + declared
                    + " pixels, above the " + MAX_FIXED_EDGE + " enhance4j accepts");
        }
        return (int) declared;
    }

    /** From metadata, else from static shapes, else by running a small probe. */
    private static int scale(String model, Map<String, String> meta, long[] in, long[] out, OnnxEngine engine) {
        String declared = meta.get(ModelMetadataKeys.SCALE);
        if (declared != null) {
            try {
                return Integer.parseInt(declared.trim());
            } catch (NumberFormatException e) {
                throw incompatible(model, "metadata " + ModelMetadataKeys.SCALE + "='" + declared
                        + "' is not an integer");
            }
        }
        if (in[2] > 0 && out[2] > 0 && in[3] > 0 && out[3] > 0) {
            return ratio(model, out[2], in[2], out[3], in[3]);
        }
        ModelInfo probeInfo = engine.info();
        int h = probeInfo.fixedInputHeight() > 0 ? probeInfo.fixedInputHeight() : PROBE_EDGE;
        int w = probeInfo.fixedInputWidth() > 0 ? probeInfo.fixedInputWidth() : PROBE_EDGE;
        Tensor result;
        try {
            result = engine.run(Tensor.zeros(1, probeInfo.channels(), h, w));
        } catch (EnhanceException e) {
            throw new ModelLoadException(model, ModelLoadException.Reason.INCOMPATIBLE,
                    "a probe run on a " + w + "x" + h + " image failed, so its scale is unknown: " + e.getMessage(),
                    e);
        }
        if (result.rank() != 4 || result.dim(1) != probeInfo.channels()) {
            throw incompatible(model, "for a [1, " + probeInfo.channels() + ", " + h + ", " + w + "] input it returns "
                    + Arrays.toString(result.shape()) + "; an image model returns as many channels as it takes");
        }
        int scale = ratio(model, result.dim(2), h, result.dim(3), w);
        LOG.debug("{}: no scale metadata; a probe run measured x{}", model, scale);
        return scale;
    }

    private static int ratio(String model, long outH, long inH, long outW, long inW) {
        if (outH % inH != 0 || outW % inW != 0 || outH / inH != outW / inW || outH < inH) {
            throw incompatible(model, "its output is " + outW + "x" + outH + " for a " + inW + "x" + inH
                    + " input: not an integer scale factor the same for width and height");
        }
        long s = outH / inH;
        if (s > 16) {
            throw incompatible(model, "its scale factor " + s + " is above 16");
        }
        return (int) s;
    }

    private static ModelLoadException incompatible(String model, String message) {
        return new ModelLoadException(model, ModelLoadException.Reason.INCOMPATIBLE, message);
    }

    private static String describeShape(long[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "?" : Long.toString(shape[i]));
        }
        return sb.append(']').toString();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Tensor run(Tensor input) {
        if (reuse && input.rank() == 4) {
            try {
                return runReusing(input);
            } catch (OrtException e) {
                // e.g. an output whose shape is not [N, C, H * scale, W * scale]: the plain run below says what
                // the model returns, and the enhancer explains it
                reuse = false;
                LOG.debug("{}: runs no longer reuse buffers after {}", modelName, e.getMessage());
            }
        }
        return runPlain(input);
    }

    /**
     * A run into reused native buffers: the output's shape must be {@code [N, C, H * scale, W * scale]}. The result
     * is a tensor over the output buffer, which stays lent until {@link #release}.
     */
    private Tensor runReusing(Tensor input) throws OrtException {
        int[] shape = input.shape();
        int[] outShape = {shape[0], shape[1], Math.multiplyExact(shape[2], info.scale()),
                Math.multiplyExact(shape[3], info.scale())};
        RunBuffers buffers = take(shape, outShape);
        try {
            buffers.input.clear();
            buffers.input.put(input.data());
            buffers.input.rewind();
            // the values land in buffers.output; closing the result leaves the pinned tensor open
            session.run(Collections.singletonMap(inputName, buffers.inputTensor),
                    Collections.singletonMap(outputName, buffers.outputTensor)).close();
            buffers.output.rewind();
            if (lent.size() >= MAX_LENT) {
                // the caller does not release its outputs: copy, so that the buffers go back and memory stays bounded
                float[] data = new float[buffers.outputSize];
                buffers.output.get(data);
                return new Tensor(outShape, data);
            }
            Tensor result = Tensor.over(outShape, buffers.output);
            lent.put(result, buffers);
            buffers = null;
            if (closed) {
                // closed during the run: nothing will come back through release
                RunBuffers back = lent.remove(result);
                if (back != null) {
                    back.close();
                }
            }
            return result;
        } catch (OrtException | RuntimeException e) {
            if (buffers != null) {
                buffers.close();
                buffers = null;
            }
            throw e;
        } finally {
            if (buffers != null) {
                giveBack(buffers);
            }
        }
    }

    private RunBuffers take(int[] shape, int[] outShape) throws OrtException {
        RunBuffers b;
        while ((b = idle.poll()) != null) {
            if (Arrays.equals(b.shape, shape)) {
                return b;
            }
            b.close(); // another tile size: images of other sizes have come
        }
        long outputSize = (long) outShape[0] * outShape[1] * outShape[2] * outShape[3];
        if (outputSize > Integer.MAX_VALUE - 8) {
            throw new EnhanceException("Model " + modelName + " would return " + Arrays.toString(outShape)
                    + ", too large for one tile; use a smaller tile size");
        }
        return new RunBuffers(env, shape, outShape);
    }

    private void giveBack(RunBuffers buffers) {
        boolean kept;
        // the size check and the add as one step: runs that end together must not keep more than MAX_IDLE sets
        synchronized (idle) {
            kept = !closed && idle.size() < MAX_IDLE && idle.add(buffers);
        }
        if (!kept) {
            buffers.close();
            return;
        }
        if (closed) {
            closeIdle();
        }
    }

    /** Whether runs still reuse their buffers; for tests. */
    boolean reusesBuffers() {
        return reuse;
    }

    /** Idle buffer sets kept; for tests. */
    int idleBuffers() {
        return idle.size();
    }

    /** The plain run, without reused buffers; for tests, which compare the two. */
    Tensor runWithoutReuse(Tensor input) {
        return runPlain(input);
    }

    /** Outputs lent over their buffers and not yet released; for tests. */
    int lentOutputs() {
        return lent.size();
    }

    @Override
    public void release(Tensor output) {
        RunBuffers buffers = lent.remove(output);
        if (buffers != null) {
            giveBack(buffers);
        }
    }

    private Tensor runPlain(Tensor input) {
        int[] shape = input.shape();
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input.data()), dims);
                OrtSession.Result result = session.run(Collections.singletonMap(inputName, tensor), outputs)) {
            OnnxValue value = result.get(0);
            if (!(value instanceof OnnxTensor)) {
                throw new EnhanceException("Model " + modelName + " returned " + value.getInfo() + " from '"
                        + outputName + "', not a tensor");
            }
            OnnxTensor out = (OnnxTensor) value;
            long[] outShape = out.getInfo().getShape();
            int[] intShape = new int[outShape.length];
            long size = 1;
            for (int i = 0; i < outShape.length; i++) {
                intShape[i] = Math.toIntExact(outShape[i]);
                size *= outShape[i];
            }
            if (size > Integer.MAX_VALUE - 8) {
                throw new EnhanceException("Model " + modelName + " returned " + Arrays.toString(outShape)
                        + ", too large for one tile; use a smaller tile size");
            }
            return new Tensor(intShape, toArray(out.getFloatBuffer()));
        } catch (OrtException e) {
            throw new EnhanceException("ONNX Runtime failed to run " + modelName + " on input "
                    + Arrays.toString(dims) + ": " + e.getMessage(), e);
        }
    }

    /** Direct input and output buffers of one shape, and the tensors over them. */
    private static final class RunBuffers {
        final int[] shape;
        final FloatBuffer input;
        final OnnxTensor inputTensor;
        final int outputSize;
        final FloatBuffer output;
        final OnnxTensor outputTensor;

        RunBuffers(OrtEnvironment env, int[] shape, int[] outShape) throws OrtException {
            this.shape = shape.clone();
            this.input = direct((long) shape[0] * shape[1] * shape[2] * shape[3]);
            this.outputSize = outShape[0] * outShape[1] * outShape[2] * outShape[3];
            this.output = direct(outputSize);
            this.inputTensor = OnnxTensor.createTensor(env, input, longs(shape));
            try {
                this.outputTensor = OnnxTensor.createTensor(env, output, longs(outShape));
            } catch (OrtException | RuntimeException e) {
                inputTensor.close();
                throw e;
            }
        }

        private static FloatBuffer direct(long values) {
            return ByteBuffer.allocateDirect(Math.toIntExact(values * Float.BYTES)).order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
        }

        private static long[] longs(int[] shape) {
            long[] dims = new long[shape.length];
            for (int i = 0; i < shape.length; i++) {
                dims[i] = shape[i];
            }
            return dims;
        }

        void close() {
            inputTensor.close();
            outputTensor.close();
        }
    }

    /**
     * The values of {@code buffer}. {@link OnnxTensor#getFloatBuffer()} already copies the native output into a new
     * array-backed buffer, so its array is used as it is rather than copied once more (a x4 image of 2048x2048 is
     * 50 MB per copy).
     */
    private static float[] toArray(FloatBuffer buffer) {
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        float[] data = new float[buffer.remaining()];
        buffer.get(data);
        return data;
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
        // a tensor still out keeps its values: the buffer is Java's; only ONNX Runtime's views of it are closed
        for (Tensor t : lent.keySet()) {
            RunBuffers b = lent.remove(t);
            if (b != null) {
                b.close();
            }
        }
        closeQuietly(session);
    }

    private void closeIdle() {
        RunBuffers b;
        while ((b = idle.poll()) != null) {
            b.close();
        }
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.warn("Closing an ONNX Runtime session failed: {}", e.getMessage());
        }
    }
}
