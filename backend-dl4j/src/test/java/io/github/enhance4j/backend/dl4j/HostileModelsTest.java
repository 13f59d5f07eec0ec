package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Broken and foreign models given explicitly to the DL4J backend: a specific ModelLoadException every time. */
class HostileModelsTest {

    private static final EnhanceOptions DL4J = EnhanceOptions.builder().backend("dl4j").build();

    @TempDir
    Path dir;

    @Test
    void load_brokenOrForeignModels_throwModelLoadExceptionNamingTheModel() throws Exception {
        byte[] random = new byte[3000];
        new Random(3).nextBytes(random);
        byte[] good = ModelGenerators.boxBlur3x3(3);
        Map<String, byte[]> models = Map.of(
                "random.onnx", random,
                "truncated.onnx", ModelGenerators.truncated(good, good.length / 2),
                "two-inputs.onnx", ModelGenerators.twoInputs(),
                "integer-input.onnx", ModelGenerators.integerInput(),
                "rank3.onnx", ModelGenerators.rank3Input(),
                "unknown-op.onnx", ModelGenerators.unknownOperator(),
                "absurd.onnx", ModelGenerators.absurdDimensions(),
                "external.onnx", ModelGenerators.missingExternalData());
        for (Map.Entry<String, byte[]> m : models.entrySet()) {
            Path file = Files.write(dir.resolve(m.getKey()), m.getValue());
            Throwable thrown = null;
            try (Enhancer e = Enhancer.load(ModelSource.of(file), DL4J)) {
                e.info();
            } catch (Throwable t) {
                thrown = t;
            }
            assertThat(thrown).as("%s on the DL4J backend", m.getKey()).isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining(m.getKey());
        }
        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        assertThatThrownBy(() -> Enhancer.load(ModelSource.of(empty), DL4J))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("empty");
    }
}
