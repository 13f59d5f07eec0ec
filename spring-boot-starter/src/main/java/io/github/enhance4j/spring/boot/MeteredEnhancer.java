package io.github.enhance4j.spring.boot;

import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ImageReadException;
import io.github.enhance4j.ImageWriteException;
import io.github.enhance4j.ModelInfo;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/** An enhancer that reports each call to {@link EnhancerMetrics} and knows whether it was closed (for health). */
final class MeteredEnhancer implements Enhancer {

    private final String name;
    private final Enhancer delegate;
    private final EnhancerMetrics metrics;
    private final AtomicBoolean closed = new AtomicBoolean();

    MeteredEnhancer(String name, Enhancer delegate, EnhancerMetrics metrics) {
        this.name = name;
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public BufferedImage enhance(BufferedImage image) {
        long start = System.nanoTime();
        BufferedImage out;
        try {
            out = delegate.enhance(image);
        } catch (RuntimeException | Error e) {
            metrics.failed(name, reason(e));
            throw e;
        }
        metrics.enhanced(name, Duration.ofNanos(System.nanoTime() - start), (long) out.getWidth() * out.getHeight());
        return out;
    }

    @Override
    public void enhance(Path input, Path output) {
        long start = System.nanoTime();
        try {
            delegate.enhance(input, output);
        } catch (RuntimeException | Error e) {
            metrics.failed(name, reason(e));
            throw e;
        }
        // the file variant does not hand the image back, so its pixels are not counted
        metrics.enhanced(name, Duration.ofNanos(System.nanoTime() - start), 0);
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    @Override
    public void close() {
        closed.set(true);
        delegate.close();
    }

    boolean isClosed() {
        return closed.get();
    }

    static String reason(Throwable e) {
        if (e instanceof ImageReadException read) {
            return read.reason().name().toLowerCase(Locale.ROOT);
        }
        if (e instanceof ImageWriteException) {
            return "write";
        }
        if (e instanceof IllegalStateException) {
            return "closed";
        }
        if (e instanceof OutOfMemoryError) {
            return "out_of_memory";
        }
        if (e instanceof IllegalArgumentException) {
            return "invalid_argument";
        }
        return "error";
    }

    @Override
    public String toString() {
        return "Enhancer[" + name + ", " + delegate.info() + "]";
    }
}
