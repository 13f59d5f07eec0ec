package io.github.enhance4j.video;

import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;

import java.awt.RenderingHints;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** An enhancer without a model, for tests: enlarges by a whole factor (bilinear), counting calls at once. */
final class ScaleEnhancer implements Enhancer {

    private final int scale;
    private final UnaryOperator<BufferedImage> before;
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();

    ScaleEnhancer(int scale) {
        this(scale, UnaryOperator.identity());
    }

    /** @param before runs on each input first (to fail or to slow down on purpose) */
    ScaleEnhancer(int scale, UnaryOperator<BufferedImage> before) {
        this.scale = scale;
        this.before = before;
    }

    @Override
    public BufferedImage enhance(BufferedImage image) {
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        calls.incrementAndGet();
        try {
            BufferedImage in = before.apply(image);
            BufferedImage out = new BufferedImage(in.getWidth() * scale, in.getHeight() * scale, in.getType());
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(in, 0, 0, out.getWidth(), out.getHeight(), null);
            g.dispose();
            return out;
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public void enhance(Path input, Path output) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ModelInfo info() {
        return ModelInfo.builder().backend("test").scale(scale).build();
    }

    @Override
    public void close() {
    }
}
