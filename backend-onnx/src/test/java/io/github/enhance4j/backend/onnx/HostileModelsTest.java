package io.github.enhance4j.backend.onnx;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.ModelLoadException.Reason;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Broken and hostile model files beyond {@code OnnxProviderTest.load_badModels_giveSpecificExceptions}: each one
 * gives a {@link ModelLoadException} whose reason and message say what is wrong, with automatic selection and with
 * the ONNX backend named explicitly (which skips the sniffing that refuses most garbage early).
 */
class HostileModelsTest {

    private static final EnhanceOptions AUTO = EnhanceOptions.builder().device(Device.CPU).threads(1).build();
    private static final EnhanceOptions EXPLICIT = AUTO.toBuilder().backend("onnx").build();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void load_emptyFile_isRefusedNamingTheFile(boolean explicit) throws Exception {
        Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);

        assertThatThrownBy(() -> Enhancer.load(empty, explicit ? EXPLICIT : AUTO))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isIn(Reason.CORRUPT, Reason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("empty.onnx")
                .hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void load_randomBytes_isRefusedAsNotAModel(boolean explicit) {
        byte[] noise = new byte[4096];
        new Random(11).nextBytes(noise);

        assertThatThrownBy(() -> Enhancer.load(ModelSource.of(noise, "noise.onnx"), explicit ? EXPLICIT : AUTO))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isIn(Reason.CORRUPT, Reason.UNSUPPORTED_FORMAT))
                .hasMessageStartingWith("Cannot load model noise.onnx: ");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void load_truncatedAtManyLengths_isRefusedOrStillWorks(boolean explicit) {
        byte[] whole = ModelGenerators.boxBlur3x3(3, ModelGenerators.enhance4jMetadata(1, "rgb", "0:1"));
        BufferedImage probe = new BufferedImage(6, 5, BufferedImage.TYPE_INT_RGB);
        List<String> wrong = new ArrayList<>();
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        for (int keep = 0; keep < whole.length; keep += keep < 64 ? 1 : 13) {
            byte[] cut = ModelGenerators.truncated(whole, keep);
            try (Enhancer e = Enhancer.load(ModelSource.of(cut, "cut.onnx"), explicit ? EXPLICIT : AUTO)) {
                // a cut inside the trailing metadata leaves a smaller valid model: it must still work
                assertThat(e.enhance(probe).getWidth()).isEqualTo(6);
                outcomes.merge("loaded", 1, Integer::sum);
            } catch (ModelLoadException e) {
                outcomes.merge(e.reason().toString(), 1, Integer::sum);
                if (!e.getMessage().startsWith("Cannot load model cut.onnx: ")) {
                    wrong.add(keep + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                wrong.add(keep + ": " + e);
            }
        }
        System.out.printf("truncated model (%d bytes, explicit backend %s): %s%n", whole.length, explicit, outcomes);
        assertThat(wrong).isEmpty();
        assertThat(outcomes).containsKey(explicit ? "CORRUPT" : "UNSUPPORTED_FORMAT");
    }

    @Test
    void load_missingExternalDataFromBytes_saysToLoadFromTheFile() {
        assertThatThrownBy(() -> Enhancer.load(ModelSource.of(ModelGenerators.missingExternalData(), "ext.onnx"),
                AUTO))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
                .hasMessageContaining("external data");
    }

    @Test
    void load_absurdDimensionsAndUnknownOperator_areIncompatibleNamingTheProblem() {
        assertThatThrownBy(() -> Enhancer.load(ModelSource.of(ModelGenerators.absurdDimensions(), "huge.onnx"),
                EXPLICIT))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE))
                .hasMessageContaining("2000000000");
        assertThatThrownBy(() -> Enhancer.load(ModelSource.of(ModelGenerators.unknownOperator(), "op.onnx"),
                EXPLICIT))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE))
                .hasMessageContaining("NoSuchOp");
    }

    @Test
    void load_imageFileNamedOnnx_isNotAModel() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Path fake = dir.resolve("model.onnx");
        javax.imageio.ImageIO.write(image, "png", fake.toFile());

        assertThatThrownBy(() -> Enhancer.load(fake, AUTO))
                .isInstanceOf(EnhanceException.class)
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("model.onnx");
    }
}
