package io.github.enhance4j.testing;

import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.image.Tensor;
import io.github.enhance4j.spi.InferenceEngine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pure-Java stand-in for a network: {@code layers} depthwise 3x3 "sharpen" convolutions with zero padding (as a
 * real {@code same} convolution), then nearest-neighbour enlargement by the scale. Its receptive-field radius is
 * {@code layers} input pixels, which is what the tiling exactness promise is tested against.
 */
public final class KernelEngine implements InferenceEngine {

    private static final float CENTER = 1.8f;
    private static final float SIDE = -0.1f;

    private final ModelInfo info;
    private final int layers;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private volatile boolean closed;

    public KernelEngine(ModelInfo info, int layers) {
        this.info = info;
        this.layers = layers;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Tensor run(Tensor input) {
        if (closed) {
            throw new IllegalStateException("engine used after close: the enhancer must prevent this");
        }
        runs.incrementAndGet();
        int n = input.dim(0);
        int c = input.dim(1);
        int h = input.dim(2);
        int w = input.dim(3);
        if (c != info.channels()) {
            throw new IllegalArgumentException("expected " + info.channels() + " channels, got " + c);
        }
        if (info.fixedInputWidth() > 0 && (w != info.fixedInputWidth() || h != info.fixedInputHeight())) {
            throw new IllegalArgumentException("fixed input " + info.fixedInputWidth() + "x"
                    + info.fixedInputHeight() + " required, got " + w + "x" + h);
        }
        if (h % info.sizeMultiple() != 0 || w % info.sizeMultiple() != 0) {
            throw new IllegalArgumentException(w + "x" + h + " is not a multiple of " + info.sizeMultiple());
        }
        if (info.maxBatch() > 0 && n > info.maxBatch()) {
            throw new IllegalArgumentException("batch " + n + " > max " + info.maxBatch());
        }
        float[] data = input.data().clone();
        float[] tmp = new float[data.length];
        for (int l = 0; l < layers; l++) {
            convolve(data, tmp, n * c, h, w);
            float[] t = data;
            data = tmp;
            tmp = t;
        }
        int s = info.scale();
        if (s == 1) {
            return new Tensor(new int[] {n, c, h, w}, data);
        }
        float[] out = new float[data.length * s * s];
        int ow = w * s;
        for (int p = 0; p < n * c; p++) {
            for (int y = 0; y < h * s; y++) {
                for (int x = 0; x < ow; x++) {
                    out[(p * h * s + y) * ow + x] = data[(p * h + y / s) * w + x / s];
                }
            }
        }
        return new Tensor(new int[] {n, c, h * s, w * s}, out);
    }

    private static void convolve(float[] src, float[] dst, int planes, int h, int w) {
        for (int p = 0; p < planes; p++) {
            int o = p * h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float sum = CENTER * src[o + y * w + x];
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int yy = y + dy;
                            int xx = x + dx;
                            if ((dx != 0 || dy != 0) && yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                sum += SIDE * src[o + yy * w + xx];
                            }
                        }
                    }
                    dst[o + y * w + x] = sum;
                }
            }
        }
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        closed = true;
    }

    public int runs() {
        return runs.get();
    }

    public int closes() {
        return closes.get();
    }
}
