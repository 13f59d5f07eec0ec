package io.github.enhance4j.backend.onnx;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import io.github.enhance4j.testing.Guard;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes model loading with mutated generated ONNX models (bit flips, overwritten bytes and varints, cuts,
 * inserted bytes) and random bytes: {@link OnnxProvider#supports} answers without throwing, and
 * {@link Enhancer#load} gives an {@link Enhancer} that enhances a small image (or refuses it with an
 * {@link EnhanceException}), or a {@link ModelLoadException}. Anything else, a crash of the JVM included, fails.
 *
 * <p>{@code mvn verify} runs 200 cases (set in {@code junit-platform.properties}); a longer run:
 * <pre>{@code mvn -pl backend-onnx test -Dtest=ModelBytesFuzzTest -Djqwik.tries.default=20000}</pre>
 */
class ModelBytesFuzzTest {

    private static final EnhanceOptions CPU = EnhanceOptions.builder().device(Device.CPU).threads(1).build();
    private static final List<byte[]> VALID = List.of(
            ModelGenerators.identity(3),
            ModelGenerators.boxBlur3x3(3, ModelGenerators.enhance4jMetadata(1, "rgb", "0:1")),
            ModelGenerators.nearestUpscale(3, 2),
            ModelGenerators.lumaNearestX3(),
            ModelGenerators.identityFixedSize(3, 8, 8));
    // generous: one case of 4,000 once ran past 30 s on a machine at load 7 and took 0.5 s when rerun alone
    private static final Guard GUARD = new Guard(120);
    private static final BufferedImage PROBE = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);

    @AfterContainer
    static void stopGuard() {
        GUARD.close();
    }

    @Property
    void load_mutatedOrRandomModelBytes_giveAnEnhancerOrModelLoadException(@ForAll("hostileModels") byte[] bytes)
            throws Exception {
        String outcome = GUARD.call(() -> {
            ModelSource source = ModelSource.of(bytes, "fuzz.onnx");
            boolean recognised = new OnnxProvider().supports(source);
            try (Enhancer enhancer = Enhancer.load(source, CPU)) {
                try {
                    BufferedImage out = enhancer.enhance(PROBE);
                    assertThat(out.getWidth()).isPositive();
                    return "loaded and enhanced";
                } catch (EnhanceException e) {
                    return "loaded, enhance refused: " + e.getClass().getSimpleName();
                }
            } catch (ModelLoadException e) {
                assertThat(e.getMessage()).startsWith("Cannot load model fuzz.onnx: ");
                return (recognised ? "sniffed as ONNX, " : "") + e.reason();
            }
        }, bytes.length + " bytes");
        Statistics.collect(outcome);
    }

    @Provide
    Arbitrary<byte[]> hostileModels() {
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.integers().between(0, VALID.size() - 1),
                Arbitraries.longs(), Arbitraries.integers().between(1, 4))
                .as((model, seed, mutations) -> mutate(VALID.get(model), seed, mutations));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(1024);
        return Arbitraries.frequencyOf(Tuple.of(9, mutated), Tuple.of(1, random));
    }

    static byte[] mutate(byte[] valid, long seed, int mutations) {
        Random random = new Random(seed);
        byte[] bytes = valid.clone();
        for (int i = 0; i < mutations && bytes.length > 0; i++) {
            int position = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0:
                    bytes[position] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1:
                    bytes[position] = (byte) random.nextInt(256);
                    break;
                case 2:
                    // a long varint: lengths, dimensions and counts that claim far more than is there
                    byte[] varint = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
                    System.arraycopy(varint, 0, bytes, position, Math.min(varint.length, bytes.length - position));
                    break;
                case 3:
                    bytes = Arrays.copyOf(bytes, position);
                    break;
                default:
                    byte[] inserted = new byte[1 + random.nextInt(8)];
                    random.nextBytes(inserted);
                    byte[] longer = new byte[bytes.length + inserted.length];
                    System.arraycopy(bytes, 0, longer, 0, position);
                    System.arraycopy(inserted, 0, longer, position, inserted.length);
                    System.arraycopy(bytes, position, longer, position + inserted.length, bytes.length - position);
                    bytes = longer;
                    break;
            }
        }
        return bytes;
    }
}
