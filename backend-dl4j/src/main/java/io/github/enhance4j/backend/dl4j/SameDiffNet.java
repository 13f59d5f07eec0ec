package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.backend.dl4j.NetSpec.Add;
import io.github.enhance4j.backend.dl4j.NetSpec.Conv;
import io.github.enhance4j.backend.dl4j.NetSpec.DepthToSpace;
import io.github.enhance4j.backend.dl4j.NetSpec.Dropout;
import io.github.enhance4j.backend.dl4j.NetSpec.Layer;
import io.github.enhance4j.backend.dl4j.NetSpec.MaxPool;
import io.github.enhance4j.backend.dl4j.NetSpec.Relu;
import io.github.enhance4j.backend.dl4j.NetSpec.SpaceToDepth;
import io.github.enhance4j.backend.dl4j.NetSpec.Upsample;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.DataFormat;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link NetSpec} as a SameDiff graph. ND4J's libnd4j ops (conv2d, pooling) run on oneDNN with the
 * {@code -onednn} natives, which is why training goes through SameDiff rather than DL4J's layer API.
 *
 * <p>The training graph has placeholders {@code input}, {@code target}, one dropout mask per dropout layer
 * ({@code <layer>.mask}, already scaled by {@code 1/(1-rate)}) and, with an activity penalty, {@code activityScale}
 * (the L1 activity regularisation weight divided by the batch size); it outputs {@code loss} (the data loss,
 * reported) and minimises {@code objective} (loss plus the activity penalty, if any). The inference graph has only {@code input}.
 * Parameters are given in ONNX layout; the graph holds kernels in its own layout (see {@link #toSameDiffLayout}),
 * and the optimiser updates the graph's arrays in place.
 */
final class SameDiffNet {

    static final String TARGET = "target";
    static final String LOSS = "loss";
    static final String OBJECTIVE = "objective";
    static final String ACTIVITY_SCALE = "activityScale";

    /**
     * Whether the layers run channels-last. The graph's inputs and outputs are NCHW either way; inside, NHWC lets
     * oneDNN run convolutions without reordering every activation to and from its blocked layout.
     */
    static final boolean NHWC = !Boolean.getBoolean("enhance4j.dl4j.nchw");

    private SameDiffNet() {
    }

    /** The shape of a dropout mask placeholder for an NCHW activation of this shape. */
    static long[] maskShape(long n, long c, long h, long w) {
        return NHWC ? new long[] {n, h, w, c} : new long[] {n, c, h, w};
    }

    static SameDiff inference(NetSpec spec, Map<String, INDArray> params) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> values = layers(sd, spec, params, false);
        values.get(spec.output()).rename(spec.output() + ".result");
        return sd;
    }

    static String inferenceOutput(NetSpec spec) {
        return spec.output() + ".result";
    }

    static SameDiff training(NetSpec spec, Map<String, INDArray> params, TrainingConfig.Loss loss,
            boolean activityPenalty) {
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> values = layers(sd, spec, params, true);
        SDVariable out = values.get(spec.output());
        SDVariable target = sd.placeHolder(TARGET, precision(params), -1, spec.inputChannels(), -1, -1);
        SDVariable diff = out.sub(target);
        SDVariable data = loss == TrainingConfig.Loss.L1 ? sd.math().abs(diff).mean(LOSS)
                : sd.math().square(diff).mean(LOSS);
        SDVariable objective;
        if (activityPenalty) {
            SDVariable scale = sd.placeHolder(ACTIVITY_SCALE, precision(params));
            List<SDVariable> penalties = new ArrayList<>();
            for (String name : spec.regularisedActivations()) {
                // the activations are ReLU outputs, so their L1 norm is their plain sum (and so is its gradient)
                penalties.add(values.get(name).sum());
            }
            SDVariable penalty = penalties.get(0);
            for (int i = 1; i < penalties.size(); i++) {
                penalty = penalty.add(penalties.get(i));
            }
            objective = data.add(OBJECTIVE, penalty.mul(scale));
        } else {
            objective = sd.identity(OBJECTIVE, data);
        }
        sd.setLossVariables(OBJECTIVE);
        createGradientsQuietly(sd);
        return sd;
    }

    /** What ND4J 1.0.0-M2.1 prints to {@code System.out}, once per op, while it differentiates a graph. */
    static final String SAMEDIFF_CHATTER = "Added differentiated op ";

    /**
     * Builds the gradient graph now rather than at the first step, with ND4J's per-op {@code System.out} lines
     * (dozens, unconditional, not routed through any logger) filtered out; anything else printed meanwhile passes.
     */
    private static void createGradientsQuietly(SameDiff sd) {
        PrintStream out = System.out;
        LineFilter filter = new LineFilter(out, SAMEDIFF_CHATTER);
        System.setOut(new PrintStream(filter, true, Charset.defaultCharset()));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(out);
            filter.flushPartialLine();
        }
    }

    /** Forwards whole lines to a stream, except those that start with a given prefix. */
    static final class LineFilter extends OutputStream {
        private final PrintStream target;
        private final byte[] prefix;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineFilter(PrintStream target, String prefix) {
            this.target = target;
            this.prefix = prefix.getBytes(Charset.defaultCharset());
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flushPartialLine();
            }
        }

        synchronized void flushPartialLine() {
            byte[] bytes = line.toByteArray();
            line.reset();
            boolean chatter = bytes.length >= prefix.length
                    && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
            if (bytes.length > 0 && !chatter) {
                target.write(bytes, 0, bytes.length);
                target.flush();
            }
        }
    }

    static String maskName(Dropout d) {
        return d.out() + ".mask";
    }

    private static Map<String, SDVariable> layers(SameDiff sd, NetSpec spec, Map<String, INDArray> params,
            boolean training) {
        Map<String, SDVariable> v = new HashMap<>();
        SDVariable input = sd.placeHolder(NetSpec.INPUT, precision(params), -1, spec.inputChannels(), -1, -1);
        v.put(NetSpec.INPUT, NHWC ? sd.permute(input, 0, 2, 3, 1) : input);
        String format = NHWC ? "NHWC" : "NCHW";
        for (Layer layer : spec.layers()) {
            SDVariable result;
            if (layer instanceof Conv c) {
                SDVariable w = sd.var(c.weight(), toSameDiffLayout(params.get(c.weight())));
                SDVariable b = sd.var(c.bias(), params.get(c.bias()));
                result = sd.cnn().conv2d(c.out(), v.get(c.in()), w, b, Conv2DConfig.builder()
                        .kH(c.kernel()).kW(c.kernel()).sH(1).sW(1).dH(1).dW(1)
                        .paddingMode(PaddingMode.SAME).dataFormat(format).weightsFormat(WeightsFormat.YXIO).build());
            } else if (layer instanceof Relu r) {
                result = sd.nn().relu(r.out(), v.get(r.in()), 0);
            } else if (layer instanceof MaxPool p) {
                result = sd.cnn().maxPooling2d(p.out(), v.get(p.in()), Pooling2DConfig.builder()
                        .kH(2).kW(2).sH(2).sW(2).dH(1).dW(1).paddingMode(PaddingMode.VALID)
                        .type(Pooling2D.Pooling2DType.MAX).isNHWC(NHWC).build());
            } else if (layer instanceof Dropout d) {
                if (training) {
                    SDVariable mask = sd.placeHolder(maskName(d), precision(params), maskShape(-1, d.channels(), -1,
                            -1));
                    result = v.get(d.in()).mul(d.out(), mask);
                } else {
                    result = sd.identity(d.out(), v.get(d.in()));
                }
            } else if (layer instanceof Upsample u) {
                if (NHWC && training) {
                    // ND4J 1.0.0-M2.1's upsampling2d backprop is wrong for channels-last input (it does not sum each
                    // block's gradients; cf. deeplearning4j issue 8857), so training graphs upsample in NCHW (the
                    // forward pass is right either way); SameDiffNetTest checks the gradients
                    SDVariable channelsFirst = sd.permute(v.get(u.in()), 0, 3, 1, 2);
                    result = sd.permute(u.out(), sd.cnn().upsampling2d(channelsFirst, u.factor(), u.factor(), true),
                            0, 2, 3, 1);
                } else {
                    result = sd.cnn().upsampling2d(u.out(), v.get(u.in()), u.factor(), u.factor(), !NHWC);
                }
            } else if (layer instanceof Add a) {
                result = v.get(a.a()).add(a.out(), v.get(a.b()));
            } else if (layer instanceof SpaceToDepth d) {
                result = sd.cnn().spaceToDepth(d.out(), v.get(d.in()), d.block(), NHWC ? DataFormat.NHWC : DataFormat.NCHW);
            } else {
                DepthToSpace d = (DepthToSpace) layer;
                result = sd.cnn().depthToSpace(d.out(), v.get(d.in()), d.block(), NHWC ? DataFormat.NHWC : DataFormat.NCHW);
            }
            v.put(layer.out(), result);
        }
        if (NHWC) {
            v.put(spec.output(), sd.permute(v.get(spec.output()), 0, 3, 1, 2));
        }
        return v;
    }

    /**
     * Kernels as SameDiff holds them, {@code [k, k, in, out]}: conv2d_bp of ND4J 1.0.0-M2.1 ignores the weights
     * format argument and insists on this layout, so training cannot use ONNX's {@code [out, in, k, k]}.
     */
    /** The graph computes in its parameters' type: float for training and inference, double for gradient checks. */
    private static DataType precision(Map<String, INDArray> params) {
        return params.values().iterator().next().dataType();
    }

    static INDArray toSameDiffLayout(INDArray onnxKernel) {
        return onnxKernel.permute(2, 3, 1, 0).dup('c');
    }

    /** The inverse of {@link #toSameDiffLayout}. */
    static INDArray toOnnxLayout(INDArray sameDiffKernel) {
        return sameDiffKernel.permute(3, 2, 0, 1).dup('c');
    }

    /** The arrays SameDiff holds for the parameters, in the spec's order (updated in place by the optimiser). */
    static Map<String, INDArray> parameterArrays(SameDiff sd, NetSpec spec) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (String name : spec.parameterShapes().keySet()) {
            arrays.put(name, sd.getVariable(name).getArr());
        }
        return arrays;
    }
}
