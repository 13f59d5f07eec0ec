package io.github.enhance4j.backend.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Initial weights and copies of parameter sets. */
final class Parameters {

    private Parameters() {
    }

    /**
     * Keras's defaults, as the seed used them: Glorot-uniform kernels (limit sqrt(6 / (fan_in + fan_out)), fans
     * counting the kernel area) and zero biases. Drawn from a generator seeded by {@code seed} in the spec's order,
     * so a seed always gives the same network, whatever ND4J's own random state. {@code tools/seed_replay.py}
     * draws the same weights in PyTorch: change both together.
     */
    static Map<String, INDArray> initial(NetSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EEDL);
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (NetSpec.Conv c : spec.convs()) {
            int area = c.kernel() * c.kernel();
            double limit = Math.sqrt(6.0 / ((double) c.inChannels() * area + (double) c.outChannels() * area));
            float[] w = new float[c.outChannels() * c.inChannels() * area];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
            params.put(c.weight(), Nd4j.create(w, new long[] {c.outChannels(), c.inChannels(), c.kernel(),
                    c.kernel()}, 'c'));
            params.put(c.bias(), Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, c.outChannels()));
        }
        for (NetSpec.Conv c : spec.convs()) {
            if (c.out().endsWith(Architectures.RESIDUAL_END)) {
                params.get(c.weight()).assign(0); // a residual block starts as the identity
            }
        }
        String last = spec.convs().get(spec.convs().size() - 1).weight();
        if (predictsCorrection(spec)) {
            // a residual network starts as the identity (or the plain enlargement): its baseline, not below it
            params.get(last).assign(0);
        }
        return params;
    }

    /** Whether the output is a sum with the input itself or with its plain enlargement (a global residual). */
    static boolean predictsCorrection(NetSpec spec) {
        NetSpec.Layer last = spec.layers().get(spec.layers().size() - 1);
        if (!(last instanceof NetSpec.Add add) || !last.out().equals(spec.output())) {
            return false;
        }
        for (String operand : List.of(add.a(), add.b())) {
            if (operand.equals(NetSpec.INPUT)) {
                return true;
            }
            for (NetSpec.Layer l : spec.layers()) {
                if (l.out().equals(operand) && l instanceof NetSpec.Upsample u && u.in().equals(NetSpec.INPUT)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Map<String, INDArray> copy(Map<String, INDArray> params) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, v.dup('c')));
        return copy;
    }
}
