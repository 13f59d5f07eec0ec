package io.github.enhance4j.testing;

import io.github.enhance4j.ModelSource;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds tiny model files in a made-up text format that {@link TestModelProvider} opens, so that the API can be
 * tested end to end without a real backend. Nothing is downloaded.
 */
public final class TestModels {

    public static final String MAGIC = "E4J-TEST-MODEL";

    private final Map<String, String> properties = new LinkedHashMap<>();

    private TestModels() {
        properties.put("scale", "1");
        properties.put("color", "rgb");
        properties.put("layers", "2");
    }

    public static TestModels model() {
        return new TestModels();
    }

    public TestModels scale(int scale) {
        properties.put("scale", Integer.toString(scale));
        return this;
    }

    public TestModels luma() {
        properties.put("color", "luma");
        return this;
    }

    public TestModels layers(int layers) {
        properties.put("layers", Integer.toString(layers));
        return this;
    }

    public TestModels fixedSize(int width, int height) {
        properties.put("fixed", width + "x" + height);
        return this;
    }

    /** The network takes only sizes that are multiples of {@code multiple}. */
    public TestModels sizeMultiple(int multiple) {
        properties.put("multiple", Integer.toString(multiple));
        return this;
    }

    public TestModels maxBatch(int maxBatch) {
        properties.put("maxBatch", Integer.toString(maxBatch));
        return this;
    }

    /** Value range at the network's input, e.g. 0..255. */
    public TestModels range(float min, float max) {
        properties.put("range", min + ":" + max);
        return this;
    }

    /** The provider throws this message from {@code open} (a backend that cannot start). */
    public TestModels failOnOpen(String message) {
        properties.put("failOnOpen", message);
        return this;
    }

    public byte[] bytes() {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        properties.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public ModelSource source() {
        return ModelSource.of(bytes(), "test-model.e4jt");
    }
}
