package io.github.enhance4j.backend.dl4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A network as a list of layers in execution order: the one description that the SameDiff builder, the ONNX
 * exporter and the ONNX importer all translate, so the three cannot drift apart. Immutable.
 *
 * <p>Every layer reads named values and writes one; {@code "input"} is the image, {@link #output()} the result.
 * Convolution weights have the ONNX layout {@code [out, in, k, k]}.
 */
record NetSpec(String architecture, int scale, int inputChannels, List<Layer> layers, String output,
        int sizeMultiple) {

    static final String INPUT = "input";

    NetSpec {
        Objects.requireNonNull(architecture, "architecture");
        layers = List.copyOf(layers);
    }

    /** A layer; {@code out} names its result. */
    sealed interface Layer {
        String out();
    }

    /** 2-D convolution, stride 1, "same" padding for odd kernels; bias always present. */
    record Conv(String out, String in, int inChannels, int outChannels, int kernel) implements Layer {
        String weight() {
            return out + ".weight";
        }

        String bias() {
            return out + ".bias";
        }
    }

    record Relu(String out, String in) implements Layer {
    }

    /** Max pooling 2x2, stride 2. */
    record MaxPool(String out, String in) implements Layer {
    }

    /** Dropout during training only; identity at inference and absent from exported models. */
    record Dropout(String out, String in, int channels, double rate) implements Layer {
    }

    /** Nearest-neighbour upsampling by an integer factor. */
    record Upsample(String out, String in, int factor) implements Layer {
    }

    record Add(String out, String a, String b) implements Layer {
    }

    /** Depth-to-space (pixel shuffle) in ONNX's DCR order, the order of ND4J's and TensorFlow's op. */
    record DepthToSpace(String out, String in, int block) implements Layer {
    }

    /** Space-to-depth (pixel unshuffle), the inverse of {@link DepthToSpace}: channel order as ONNX's SpaceToDepth. */
    record SpaceToDepth(String out, String in, int block) implements Layer {
    }

    /** The convolution layers, in order. */
    List<Conv> convs() {
        List<Conv> result = new ArrayList<>();
        for (Layer l : layers) {
            if (l instanceof Conv c) {
                result.add(c);
            }
        }
        return result;
    }

    /** Parameter name to shape, in layer order. */
    Map<String, long[]> parameterShapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Conv c : convs()) {
            shapes.put(c.weight(), new long[] {c.outChannels(), c.inChannels(), c.kernel(), c.kernel()});
            shapes.put(c.bias(), new long[] {c.outChannels()});
        }
        return Collections.unmodifiableMap(shapes);
    }

    long parameterCount() {
        long n = 0;
        for (long[] shape : parameterShapes().values()) {
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            n += size;
        }
        return n;
    }

    /**
     * Floating-point operations (a multiply-add counts 2) of the convolutions per output pixel: each convolution
     * runs at its own resolution, relative to the output's. Additions, activations and pooling are left out; they
     * are well under 1% for these networks.
     */
    double flopsPerOutputPixel() {
        Map<String, double[]> shapes = shapes();
        double flops = 0;
        for (Conv c : convs()) {
            flops += shapes.get(c.in())[1] * 2.0 * c.kernel() * c.kernel() * c.inChannels() * c.outChannels();
        }
        return flops / ((double) scale * scale);
    }

    /**
     * Values held per input pixel by one forward pass (every layer's output, channels times its area relative to
     * the input): the measure of how many images a training step can take at once.
     */
    double activationsPerInputPixel() {
        Map<String, double[]> shapes = shapes();
        double total = 0;
        for (Layer l : layers) {
            double[] s = shapes.get(l.out());
            total += s[0] * s[1];
        }
        return total;
    }

    /** Each value's channels and its pixels per input pixel, by name, the input included. */
    private Map<String, double[]> shapes() {
        Map<String, double[]> shape = new LinkedHashMap<>();
        shape.put(INPUT, new double[] {inputChannels, 1.0});
        for (Layer l : layers) {
            double[] s;
            if (l instanceof Conv c) {
                s = new double[] {c.outChannels(), shape.get(c.in())[1]};
            } else if (l instanceof Relu r) {
                s = shape.get(r.in());
            } else if (l instanceof MaxPool p) {
                s = new double[] {shape.get(p.in())[0], shape.get(p.in())[1] / 4};
            } else if (l instanceof Dropout d) {
                s = shape.get(d.in());
            } else if (l instanceof Upsample u) {
                s = new double[] {shape.get(u.in())[0], shape.get(u.in())[1] * u.factor() * u.factor()};
            } else if (l instanceof Add a) {
                s = shape.get(a.a());
            } else if (l instanceof SpaceToDepth d) {
                double[] in = shape.get(d.in());
                s = new double[] {in[0] * d.block() * d.block(), in[1] / (d.block() * d.block())};
            } else {
                DepthToSpace d = (DepthToSpace) l;
                double[] in = shape.get(d.in());
                s = new double[] {in[0] / (d.block() * d.block()), in[1] * d.block() * d.block()};
            }
            shape.put(l.out(), s);
        }
        return shape;
    }

    /** Names of the activations the seed's L1 activity regulariser applies to (every convolution's ReLU). */
    List<String> regularisedActivations() {
        List<String> names = new ArrayList<>();
        for (Layer l : layers) {
            if (l instanceof Relu r) {
                names.add(r.out());
            }
        }
        return names;
    }
}
