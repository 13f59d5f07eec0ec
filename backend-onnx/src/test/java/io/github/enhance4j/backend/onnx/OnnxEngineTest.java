package io.github.enhance4j.backend.onnx;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import io.github.enhance4j.image.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs into reused native buffers give exactly what plain runs give. */
class OnnxEngineTest {

    private static final EnhanceOptions CPU = EnhanceOptions.builder().device(Device.CPU).build();

    private static Tensor random(long seed, int... shape) {
        Tensor t = Tensor.zeros(shape);
        Random r = new Random(seed);
        for (int i = 0; i < t.data().length; i++) {
            t.data()[i] = r.nextFloat();
        }
        return t;
    }

    @Test
    void run_reusingBuffers_equalsAPlainRun_forEveryShapeAndBatch() {
        try (OnnxEngine engine = OnnxEngine.open(ModelSource.of(ModelGenerators.espcn(3, 7), "espcn.onnx"), CPU)) {
            for (int[] shape : new int[][] {{1, 3, 20, 30}, {1, 3, 20, 30}, {2, 3, 11, 9}, {1, 3, 20, 30}}) {
                Tensor in = random(shape[2] * 31L + shape[0], shape);

                Tensor reused = engine.run(in);
                Tensor plain = engine.runWithoutReuse(in);

                assertThat(reused.shape()).isEqualTo(plain.shape());
                assertThat(reused.data()).containsExactly(plain.data());
                engine.release(reused);
            }
            assertThat(engine.reusesBuffers()).isTrue();
            assertThat(engine.idleBuffers()).isBetween(1, 2);
        }
    }

    private static float[] readAll(Tensor t) {
        float[] values = new float[t.size()];
        t.read(0, values, 0, values.length);
        return values;
    }

    @Test
    void anOutput_staysLentUntilReleased_andKeepsItsValuesWhileOtherRunsOfItsShapeProceed() {
        try (OnnxEngine engine = OnnxEngine.open(ModelSource.of(ModelGenerators.nearestUpscale(3, 2), "x2.onnx"),
                CPU)) {
            Tensor first = engine.run(random(1, 1, 3, 8, 8));
            float[] expected = engine.runWithoutReuse(random(1, 1, 3, 8, 8)).data();
            assertThat(engine.lentOutputs()).isEqualTo(1);

            Tensor second = engine.run(random(2, 1, 3, 8, 8)); // the first's buffers are still lent: new ones

            assertThat(readAll(first)).containsExactly(expected);
            assertThat(readAll(second)).containsExactly(engine.runWithoutReuse(random(2, 1, 3, 8, 8)).data());
            engine.release(first);
            engine.release(second);
            assertThat(engine.lentOutputs()).isZero();
            assertThat(engine.idleBuffers()).isEqualTo(2);
            engine.release(first); // twice: nothing happens
            assertThat(engine.idleBuffers()).isEqualTo(2);
        }
    }

    @Test
    void outputsNobodyReleases_areCopiesPastALimit_soThatMemoryStaysBounded() {
        try (OnnxEngine engine = OnnxEngine.open(ModelSource.of(ModelGenerators.nearestUpscale(3, 2), "x2.onnx"),
                CPU)) {
            List<Tensor> kept = new ArrayList<>();
            for (int k = 0; k < OnnxEngine.MAX_LENT + 4; k++) {
                kept.add(engine.run(random(k, 1, 3, 8, 8)));
            }

            assertThat(engine.lentOutputs()).isEqualTo(OnnxEngine.MAX_LENT);
            for (int k = 0; k < kept.size(); k++) {
                assertThat(readAll(kept.get(k))).containsExactly(engine.runWithoutReuse(random(k, 1, 3, 8, 8)).data());
            }
        }
    }

    @Test
    void closingTheEngine_leavesOutputsStillOut_readable() {
        Tensor out;
        float[] expected;
        try (OnnxEngine engine = OnnxEngine.open(ModelSource.of(ModelGenerators.nearestUpscale(3, 2), "x2.onnx"),
                CPU)) {
            out = engine.run(random(3, 1, 3, 8, 8));
            expected = engine.runWithoutReuse(random(3, 1, 3, 8, 8)).data();
        }

        assertThat(readAll(out)).containsExactly(expected);
    }

    @Test
    void run_concurrently_eachCallGetsItsOwnBuffers() throws Exception {
        try (OnnxEngine engine = OnnxEngine.open(ModelSource.of(ModelGenerators.espcn(2, 3), "espcn.onnx"), CPU)) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Boolean>> same = new ArrayList<>();
                for (int k = 0; k < 60; k++) {
                    long seed = k;
                    same.add(pool.submit(() -> {
                        Tensor in = random(seed, 1, 3, 16, 16);
                        Tensor out = engine.run(in);
                        boolean equal = java.util.Arrays.equals(out.data(), engine.runWithoutReuse(in).data());
                        engine.release(out);
                        return equal;
                    }));
                }
                for (Future<Boolean> f : same) {
                    assertThat(f.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(engine.idleBuffers()).isLessThanOrEqualTo(2);
        }
    }
}
