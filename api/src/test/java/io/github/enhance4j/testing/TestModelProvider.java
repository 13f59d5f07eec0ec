package io.github.enhance4j.testing;

import io.github.enhance4j.ColorMode;
import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.spi.EnhancerProvider;
import io.github.enhance4j.spi.TiledEnhancer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A complete, pure-Java backend for {@link TestModels} files: what a real backend does, minus the network.
 * Registered nowhere by default; tests put it on a class loader of their own.
 */
public class TestModelProvider implements EnhancerProvider {

    @Override
    public String name() {
        return "java-test";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public String artifact() {
        return "io.github.enhance4j:enhance4j-api:test-jar";
    }

    @Override
    public boolean supports(ModelSource model) {
        try {
            byte[] head = model.header(TestModels.MAGIC.length());
            return new String(head, StandardCharsets.US_ASCII).equals(TestModels.MAGIC);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Enhancer open(ModelSource model, EnhanceOptions options) {
        String text = new String(model.readAllBytes(), StandardCharsets.UTF_8);
        if (!text.startsWith(TestModels.MAGIC + "\n")) {
            throw new ModelLoadException(model.name(), ModelLoadException.Reason.UNSUPPORTED_FORMAT,
                    "not a test model (no " + TestModels.MAGIC + " header)");
        }
        Map<String, String> p = new HashMap<>();
        for (String line : text.substring(TestModels.MAGIC.length() + 1).split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ModelLoadException(model.name(), ModelLoadException.Reason.CORRUPT,
                        "line without '=': '" + line + "'");
            }
            p.put(line.substring(0, eq), line.substring(eq + 1));
        }
        if (p.containsKey("failOnOpen")) {
            throw new EnhanceException(p.get("failOnOpen"));
        }
        ModelInfo.Builder info = ModelInfo.builder()
                .backend(name())
                .device("cpu")
                .architecture("kernel-test")
                .scale(Integer.parseInt(p.getOrDefault("scale", "1")))
                .colorMode("luma".equals(p.get("color")) ? ColorMode.LUMA : ColorMode.RGB)
                .maxBatch(Integer.parseInt(p.getOrDefault("maxBatch", "0")))
                .sizeMultiple(Integer.parseInt(p.getOrDefault("multiple", "1")));
        if (p.containsKey("fixed")) {
            String[] wh = p.get("fixed").split("x");
            info.fixedInputSize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        }
        if (p.containsKey("range")) {
            String[] r = p.get("range").split(":");
            info.valueRange(Float.parseFloat(r[0]), Float.parseFloat(r[1]));
        }
        return TiledEnhancer.create(new KernelEngine(info.build(), Integer.parseInt(p.getOrDefault("layers", "2"))),
                options);
    }
}
