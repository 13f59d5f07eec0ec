package io.github.enhance4j.spring.boot;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import java.util.Map;
import java.util.Objects;
import java.util.Collections;
import java.util.LinkedHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code enhance4j.*} properties: which model the shared {@link io.github.enhance4j.Enhancer} loads and how it
 * runs, and further models by name. Immutable; every value is checked when the properties are bound, so a wrong one
 * stops the application at start-up with the property's name.
 *
 * <p>The parameters below are also the descriptions that IDEs show (configuration metadata), hence plain text.
 *
 * @param enabled     Whether to create the enhancer beans at all.
 * @param model       The default model: a bundled model's name (sr-x2, sr-x4, seed-autoencoder, restore, restore-x2,
 *                    restore-x4), classpath:path/in/the/jar.onnx, or the path of a model file.
 * @param name        The default model's name in the registry. By default the bundled model's name, or "default"
 *                    for a resource or a file.
 * @param description One line saying what the default model is for, shown in listings. Bundled models have one.
 * @param device      Where models run: auto (CUDA when it can be initialised, else the CPU), cpu, or cuda:N.
 * @param backend     The backend to use by name (onnx, dl4j). Empty chooses automatically.
 * @param tile        Tile edge in input pixels: images of any size are enhanced tile by tile.
 * @param tileOverlap Overlap between neighbouring tiles in input pixels, less than half the tile.
 * @param threads     Threads one inference call may use; 0 for the backend's default (all cores).
 * @param maxPixels   Largest image, in pixels, that an enhancer decodes from a file; larger ones are refused from
 *                    their header, before decoding.
 * @param models      Further models by name, each with its own model and, where set, its own device, tile and
 *                    threads (the others are taken from the top-level properties).
 */
@ConfigurationProperties(prefix = "enhance4j")
public record Enhance4jProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("sr-x2") String model,
        String name,
        String description,
        @DefaultValue("auto") String device,
        String backend,
        @DefaultValue("512") int tile,
        @DefaultValue("16") int tileOverlap,
        @DefaultValue("0") int threads,
        @DefaultValue("178956970") long maxPixels,
        Map<String, NamedModel> models) {

    /**
     * Checks every value, so that a wrong one fails at binding time with a message naming it.
     *
     * @param enabled     see the record's description
     * @param model       see the record's description
     * @param name        see the record's description
     * @param description see the record's description
     * @param device      see the record's description
     * @param backend     see the record's description
     * @param tile        see the record's description
     * @param tileOverlap see the record's description
     * @param threads     see the record's description
     * @param maxPixels   see the record's description
     * @param models      see the record's description
     */
    public Enhance4jProperties {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("enhance4j.model must name a model: a bundled one (sr-x2, sr-x4, "
                    + "seed-autoencoder), classpath:... or a file");
        }
        model = model.strip();
        Device.parse(device);
        if (maxPixels < 1) {
            throw new IllegalArgumentException("enhance4j.max-pixels must be positive, got " + maxPixels);
        }
        models = models == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(models));
        name = name == null || name.isBlank() ? null : name.strip();
        String defaultName = name == null ? ModelSources.defaultName(model) : name;
        for (Map.Entry<String, NamedModel> e : models.entrySet()) {
            if (e.getKey().equals(defaultName)) {
                throw new IllegalArgumentException("enhance4j.models." + e.getKey() + " has the default model's name '"
                        + defaultName + "'; give it another name or set enhance4j.name");
            }
            Objects.requireNonNull(e.getValue(), "enhance4j.models." + e.getKey());
        }
        options(device, backend, tile, tileOverlap, threads, maxPixels); // fails early on inconsistent tiles
    }

    /**
     * {@return the default model's name in the registry} {@link #name()} when set, otherwise the bundled model's
     * name, or {@code default} for a resource or a file.
     */
    public String defaultModelName() {
        return name == null ? ModelSources.defaultName(model) : name;
    }

    /** {@return the options the default model is loaded with} */
    public EnhanceOptions options() {
        return options(device, backend, tile, tileOverlap, threads, maxPixels);
    }

    /**
     * The options a named model is loaded with: its own settings where it has them, the top-level ones otherwise.
     *
     * @param named one of {@link #models()}
     * @return the options to load it with
     */
    public EnhanceOptions options(NamedModel named) {
        return options(named.device() == null ? device : named.device(), backend,
                named.tile() == null ? tile : named.tile(), tileOverlap,
                named.threads() == null ? threads : named.threads(), maxPixels);
    }

    private static EnhanceOptions options(String device, String backend, int tile, int tileOverlap, int threads,
            long maxPixels) {
        return EnhanceOptions.builder()
                .device(Device.parse(device))
                .backend(backend)
                .tileSize(tile)
                .tileOverlap(tileOverlap)
                .threads(threads)
                .maxPixels(maxPixels)
                .build();
    }

    /**
     * A further model, {@code enhance4j.models.NAME.*}; unset values are taken from the top-level properties.
     *
     * @param model       A bundled model's name (sr-x2, sr-x4, seed-autoencoder, restore, restore-x2, restore-x4),
     *                    classpath:..., or a file path.
     * @param description One line saying what the model is for, shown in listings. Bundled models have one.
     * @param device      Where it runs (auto, cpu, cuda:N); empty for enhance4j.device.
     * @param tile        Its tile edge in input pixels; empty for enhance4j.tile.
     * @param threads     Its threads per inference call; empty for enhance4j.threads.
     */
    public record NamedModel(String model, String description, String device, Integer tile, Integer threads) {

        /**
         * Checks the model and the device.
         *
         * @param model       see the record's description
         * @param description see the record's description
         * @param device      see the record's description
         * @param tile        see the record's description
         * @param threads     see the record's description
         */
        public NamedModel {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("a model under enhance4j.models needs .model: a bundled model's "
                        + "name, classpath:... or a file");
            }
            model = model.strip();
            if (device != null) {
                Device.parse(device);
            }
        }
    }
}
