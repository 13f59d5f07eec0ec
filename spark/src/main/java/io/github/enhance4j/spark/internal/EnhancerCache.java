package io.github.enhance4j.spark.internal;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded models of one JVM (an executor, or the driver in local mode), shared by all the tasks running there:
 * a model's bytes are fetched once per location, and one {@link Enhancer} is loaded per model content (SHA-256) and
 * options, whatever name led to it. {@code Enhancer.enhance} is thread-safe, so tasks use it concurrently. A JVM
 * shutdown hook closes them all when the executor stops. Thread-safe.
 */
public final class EnhancerCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnhancerCache.class);
    private static final EnhancerCache SHARED = new EnhancerCache();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SHARED::close, "enhance4j-spark-close-models"));
    }

    private final Map<String, Once<ModelBytes>> models = new ConcurrentHashMap<>();
    private final Map<String, Once<Enhancer>> enhancers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A cache of its own, for tests; tasks use {@link #shared()}. */
    public EnhancerCache() {
    }

    /** {@return this JVM's cache, closed at shutdown} */
    public static EnhancerCache shared() {
        return SHARED;
    }

    /**
     * The enhancer for a model and options, loading it on first use; concurrent first uses wait for one load.
     *
     * @param model   where the driver found the model (see {@link ModelLocator})
     * @param conf    gives the Hadoop configuration, asked for only when the model is fetched from Hadoop
     * @param options how to load and run it
     * @return the shared enhancer; not to be closed by the caller
     * @throws io.github.enhance4j.EnhanceException if the model cannot be found or loaded; a later call tries again
     * @throws IllegalStateException                 once the cache is closed
     */
    public Enhancer enhancer(ModelLocator.Location model, Supplier<Configuration> conf, EnhanceOptions options) {
        ModelBytes bytes = models.computeIfAbsent(model.kind() + " " + model.location(), m -> new Once<>()).get(this,
                () -> ModelLocator.fetch(model, model.kind().needsHadoop() ? conf.get() : null));
        // EnhanceOptions has no equals; its toString lists every setting, in a fixed order
        String key = bytes.sha256() + " " + options;
        return enhancers.computeIfAbsent(key, k -> new Once<>()).get(this, () -> {
            long start = System.nanoTime();
            Enhancer enhancer = Enhancer.load(bytes.source(), options);
            LOG.info("Loaded model {} in {} ms: {}, {}", bytes, (System.nanoTime() - start) / 1_000_000,
                    enhancer.info(), options);
            return enhancer;
        });
    }

    /** {@return how many enhancers are loaded} */
    public int loadedCount() {
        return (int) enhancers.values().stream().filter(Once::isDone).count();
    }

    /** {@return whether {@link #close()} was called (the JVM is shutting down, for the shared cache)} */
    public boolean isClosed() {
        return closed;
    }

    /** Closes every loaded enhancer; idempotent. Calls running on them finish or fail as {@link Enhancer} says. */
    @Override
    public void close() {
        closed = true;
        for (Once<Enhancer> once : enhancers.values()) {
            once.close();
        }
    }

    /** A value computed by the first caller; a failure is not kept, so that the next caller tries again. */
    private static final class Once<T> {
        private T value;

        synchronized T get(EnhancerCache cache, Supplier<T> compute) {
            if (cache.closed) {
                throw new IllegalStateException("the enhance4j model cache is closed: this JVM is shutting down");
            }
            if (value == null) {
                value = compute.get();
            }
            return value;
        }

        synchronized boolean isDone() {
            return value != null;
        }

        synchronized void close() {
            if (value instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("Closing {} failed: {}", value, e.toString());
                }
            }
        }
    }
}
