package io.github.enhance4j.spring.boot;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's enhancers by name: the default one (the {@link Enhancer} bean) and the further models of
 * {@code enhance4j.models.NAME}, plus any that {@link EnhancerRegistryCustomizer} beans add. Names are looked up
 * exactly as configured, so a name coming from a request can only ever select a configured model, never a file.
 *
 * <p>Thread-safe and immutable once built. {@link #close()} closes the enhancers the registry loaded itself; the
 * default {@code Enhancer} bean is closed by the application context, and enhancers added with
 * {@link Builder#add(String, String, Enhancer)} by whoever created them.
 */
public final class EnhancerRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnhancerRegistry.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String defaultName;
    private final Map<String, Model> models;
    private final List<Enhancer> owned;

    private EnhancerRegistry(Builder b) {
        this.defaultName = b.defaultName;
        this.models = Collections.unmodifiableMap(new LinkedHashMap<>(b.models));
        this.owned = List.copyOf(b.owned);
    }

    /**
     * A new builder; the first model added is the default unless {@link Builder#defaultModel(String)} says otherwise.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the default model's name} */
    public String defaultName() {
        return defaultName;
    }

    /** {@return the default model} */
    public Model defaultModel() {
        return models.get(defaultName);
    }

    /** {@return every model, the default first, then in the order they were added} */
    public List<Model> models() {
        return List.copyOf(models.values());
    }

    /** {@return the names of all models, the default first} */
    public List<String> names() {
        return List.copyOf(models.keySet());
    }

    /**
     * The model with this name, if there is one.
     *
     * @param name a model's name, compared exactly
     * @return the model, or empty
     */
    public Optional<Model> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(models.get(name));
    }

    /**
     * The model with this name.
     *
     * @param name a model's name, compared exactly
     * @return the model
     * @throws IllegalArgumentException naming the models there are, if none has this name
     */
    public Model get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No model is called '" + name
                + "'; there are " + String.join(", ", models.keySet())));
    }

    /** Closes the enhancers this registry loaded; idempotent, and safe while calls run (see {@link Enhancer}). */
    @Override
    public void close() {
        for (Enhancer e : owned) {
            try {
                e.close();
            } catch (RuntimeException ex) {
                LOG.warn("Closing {} failed", e, ex);
            }
        }
    }

    @Override
    public String toString() {
        return "EnhancerRegistry" + models.keySet();
    }

    /**
     * A named model.
     *
     * @param name        its name in the registry
     * @param description one line saying what it is for
     * @param enhancer    the loaded model; thread-safe and shared
     */
    public record Model(String name, String description, Enhancer enhancer) {

        /**
         * Checks that nothing is missing.
         *
         * @param name        see the record's description
         * @param description see the record's description
         * @param enhancer    see the record's description
         */
        public Model {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(enhancer, "enhancer");
        }

        /** {@return what the model does and where it runs} */
        public ModelInfo info() {
            return enhancer.info();
        }

        /** {@return whether the model is still open; false once the application has closed it} */
        public boolean open() {
            return !(enhancer instanceof MeteredEnhancer m) || !m.isClosed();
        }
    }

    /** Loads a model as an enhancer that reports to {@code metrics}, and logs what was loaded. */
    static MeteredEnhancer loadMetered(String name, String model, EnhanceOptions options, EnhancerMetrics metrics,
            ClassLoader loader) {
        Enhancer loaded = Enhancer.load(ModelSources.resolve(model, loader), options, loader);
        LOG.info("enhance4j model '{}': {} ({}, x{}, {} on {})", name, model, loaded.info().architecture(),
                loaded.info().scale(), loaded.info().backend(), loaded.info().device());
        return new MeteredEnhancer(name, loaded, metrics);
    }

    /** Builds an {@link EnhancerRegistry}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Model> models = new LinkedHashMap<>();
        private final List<Enhancer> owned = new ArrayList<>();
        private EnhancerMetrics metrics = EnhancerMetrics.NONE;
        private ClassLoader loader = EnhancerRegistry.class.getClassLoader();
        private String defaultName;

        private Builder() {
        }

        /**
         * Sets where the models loaded by {@link #load} report their calls.
         *
         * @param metrics the metrics; {@link EnhancerMetrics#NONE} by default
         * @return this builder
         */
        public Builder metrics(EnhancerMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /**
         * Sets the class loader that finds {@code classpath:} models and backends.
         *
         * @param loader the class loader; this class's by default
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.loader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Loads a model and adds it under a name; the registry closes it.
         *
         * @param name        the name, 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}, not yet used
         * @param model       a bundled model's name, {@code classpath:...}, or a file path
         * @param description one line saying what it is for, or {@code null} for the bundled model's or one made
         *                    from the model's metadata
         * @param options     how to load and run it
         * @return this builder
         * @throws io.github.enhance4j.ModelLoadException if the model cannot be loaded; models loaded before are
         *                                                closed
         */
        public Builder load(String name, String model, String description, EnhanceOptions options) {
            checkName(name);
            Enhancer loaded;
            try {
                loaded = loadMetered(name, model, options, metrics, loader);
            } catch (RuntimeException e) {
                closeLoaded();
                throw e;
            }
            owned.add(loaded);
            models.put(name, new Model(name, ModelSources.describe(model, description, loaded.info()), loaded));
            return this;
        }

        /**
         * Adds an enhancer created elsewhere under a name; the registry does not close it.
         *
         * @param name        the name, 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}, not yet used
         * @param description one line saying what it is for
         * @param enhancer    the enhancer
         * @return this builder
         */
        public Builder add(String name, String description, Enhancer enhancer) {
            checkName(name);
            models.put(name, new Model(name, description, enhancer));
            return this;
        }

        /**
         * Chooses the default model; the first one added otherwise.
         *
         * @param name a name added before {@link #build()}
         * @return this builder
         */
        public Builder defaultModel(String name) {
            this.defaultName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** {@return the names added so far} */
        public List<String> names() {
            return List.copyOf(models.keySet());
        }

        /**
         * Builds the registry.
         *
         * @return the registry
         * @throws IllegalStateException if no model was added, or the default names none of them
         */
        public EnhancerRegistry build() {
            if (models.isEmpty()) {
                throw new IllegalStateException("An EnhancerRegistry needs at least one model");
            }
            if (defaultName == null) {
                defaultName = models.keySet().iterator().next();
            } else if (!models.containsKey(defaultName)) {
                throw new IllegalStateException("The default model '" + defaultName + "' is not among "
                        + models.keySet());
            }
            return new EnhancerRegistry(this);
        }

        /** Closes what {@link #load} loaded, when building fails. */
        void closeLoaded() {
            owned.forEach(Enhancer::close);
        }

        private void checkName(String name) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("A model's name is 1 to 64 letters, digits, '.', '_' or '-', "
                        + "starting with a letter or digit; got '" + name + "'");
            }
            if (models.containsKey(name)) {
                throw new IllegalArgumentException("Two models are called '" + name + "'");
            }
        }
    }
}
