package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adadelta and Adam, applied in place to the graph's parameter arrays. Written here rather than taken from
 * SameDiff's updaters so that the whole state ({@link #state()}) is ours to checkpoint and restore exactly.
 */
final class Optimizer {

    /** Keras's epsilon, for both optimisers. */
    static final double EPSILON = 1e-7;
    static final double RHO = 0.95;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;

    private final TrainingConfig.Optimizer kind;
    private final double learningRate;
    /** Slots per parameter: Adadelta's squared-gradient and squared-update averages, or Adam's moments. */
    private final Map<String, INDArray> state = new LinkedHashMap<>();
    private long steps;

    Optimizer(TrainingConfig.Optimizer kind, double learningRate, Map<String, INDArray> params) {
        this.kind = kind;
        this.learningRate = learningRate;
        params.forEach((name, p) -> {
            state.put(name + "/a", Nd4j.zerosLike(p));
            state.put(name + "/b", Nd4j.zerosLike(p));
        });
    }

    /** One update; {@code factor} scales the learning rate (a schedule). */
    void step(Map<String, INDArray> params, Map<String, INDArray> gradients, double factor) {
        steps++;
        double learningRate = this.learningRate * factor;
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            INDArray p = e.getValue();
            INDArray g = gradients.get(e.getKey());
            INDArray a = state.get(e.getKey() + "/a");
            INDArray b = state.get(e.getKey() + "/b");
            // every temporary is closed at once: ND4J frees native memory only when Java collects an array's owner
            // otherwise, and a step's temporaries are a few times the model's size
            if (kind == TrainingConfig.Optimizer.ADADELTA) {
                // a: running mean of g^2, b: running mean of update^2 (Zeiler 2012, as Keras 2)
                try (INDArray g2 = g.mul(g)) {
                    a.muli(RHO).addi(g2.muli(1 - RHO));
                }
                try (INDArray update = Transforms.sqrt(b.add(EPSILON), false);
                        INDArray denominator = Transforms.sqrt(a.add(EPSILON), false)) {
                    update.divi(denominator).muli(g);
                    try (INDArray step = update.mul(learningRate)) {
                        p.subi(step);
                    }
                    b.muli(RHO).addi(update.muli(update).muli(1 - RHO));
                }
            } else {
                try (INDArray g1 = g.mul(1 - BETA1)) {
                    a.muli(BETA1).addi(g1);
                }
                try (INDArray g2 = g.mul(g)) {
                    b.muli(BETA2).addi(g2.muli(1 - BETA2));
                }
                double lr = learningRate * Math.sqrt(1 - Math.pow(BETA2, steps)) / (1 - Math.pow(BETA1, steps));
                try (INDArray root = Transforms.sqrt(b, true); INDArray step = a.mul(lr)) {
                    p.subi(step.divi(root.addi(EPSILON)));
                }
            }
        }
    }

    /** The optimiser's arrays by slot name ({@code <parameter>/a}, {@code <parameter>/b}); live, not copies. */
    Map<String, INDArray> state() {
        return state;
    }

    long steps() {
        return steps;
    }

    void restore(Map<String, float[]> saved, long savedSteps) {
        for (Map.Entry<String, INDArray> e : state.entrySet()) {
            float[] values = saved.get(e.getKey());
            if (values == null || values.length != e.getValue().length()) {
                throw new IllegalStateException("checkpoint lacks optimiser slot " + e.getKey()
                        + " or its size differs");
            }
            e.getValue().assign(Nd4j.create(values, e.getValue().shape(), 'c'));
        }
        this.steps = savedSteps;
    }
}
