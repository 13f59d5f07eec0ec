package io.github.enhance4j.internal;

import io.github.enhance4j.ColorMode;
import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.image.PixelFormat;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.Resampler;
import io.github.enhance4j.image.Tensor;
import io.github.enhance4j.spi.InferenceEngine;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The standard enhancer: tiles, converts colour, runs the engine in batches and blends the tiles back (see
 * {@link TileGrid} for the geometry). Thread-safe; see {@link Enhancer} for the {@code close()} contract, which a
 * read-write lock implements: each engine call holds the read lock, {@code close()} takes the write lock once.
 */
public final class TilingEnhancer implements Enhancer {

    /** Runs the look-ahead batch of every enhancement; daemon threads, created on demand, idle ones retire. */
    private static final ExecutorService LOOK_AHEAD = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "enhance4j-tile-lookahead");
        t.setDaemon(true);
        return t;
    });

    /** Blends parts of a tile's rows beside the calling thread; daemon threads, created on demand. */
    private static final ExecutorService BLEND = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "enhance4j-blend");
        t.setDaemon(true);
        return t;
    });

    /** Rows blended and written together, so that they are written while still in cache. */
    private static final int BAND_ROWS = 16;
    /** Fewer rows than this per thread are not worth handing to another thread. */
    private static final int MIN_ROWS_PER_WORKER = 64;

    private final InferenceEngine engine;
    private final EnhanceOptions options;
    private final ModelInfo info;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicBoolean closed = new AtomicBoolean();

    public TilingEnhancer(InferenceEngine engine, EnhanceOptions options) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.options = Objects.requireNonNull(options, "options");
        this.info = Objects.requireNonNull(engine.info(), "engine.info()");
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public BufferedImage enhance(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        ensureOpen();
        int scale = info.scale();
        BufferedImage source = image;
        Double outscale = options.outscale().orElse(null);
        if (outscale != null && scale == 1) {
            // restoration models work at the final size, as the seed recipe does: enlarge conventionally first
            source = resize(image, outscale, Resampler.BICUBIC);
        }
        long outPixels = (long) source.getWidth() * scale * source.getHeight() * scale;
        if (outPixels > Integer.MAX_VALUE / 4) {
            throw new EnhanceException("The result would have " + outPixels + " pixels (" + source.getWidth() + "x"
                    + source.getHeight() + " times " + scale + "), more than a Java image can hold; enhance a smaller"
                    + " image or crop it into parts");
        }
        PixelFormat format = PixelFormat.of(source);
        BufferedImage out = format.createImage(source.getWidth() * scale, source.getHeight() * scale);
        new Pass(source, format, out).run();
        if (outscale != null && scale != 1) {
            out = resize(out, outscale / scale, Resampler.LANCZOS3);
        }
        return out;
    }

    @Override
    public void enhance(Path input, Path output) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        ensureOpen();
        if (sameFile(input, output)) {
            throw new IllegalArgumentException("Refusing to overwrite the input " + input
                    + " with its enhanced version; choose another output path");
        }
        BufferedImage image = ImageFiles.read(input, options.maxPixels());
        ImageFiles.write(enhance(image), output);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to comparing the names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static BufferedImage resize(BufferedImage image, double factor, Resampler resampler) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        if (w == image.getWidth() && h == image.getHeight()) {
            return image;
        }
        return Pixels.toBufferedImage(resampler.resize(Pixels.read(image), w, h), PixelFormat.of(image));
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        lock.writeLock().lock();
        try {
            engine.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("This Enhancer is closed; load the model again to use it");
        }
    }

    private Tensor runEngine(Tensor input) {
        lock.readLock().lock();
        try {
            ensureOpen();
            return engine.run(input);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "Enhancer[" + info + (closed.get() ? ", closed" : "") + "]";
    }

    /**
     * One enhancement of one image: the tile loop and its blending buffers.
     *
     * <p>The tiles cover the image widened on every side by at least {@link #pad} pixels of its own reflection (as
     * {@code numpy.pad(mode="symmetric")}), and only the image's own part of the result is kept: the network sees
     * picture content beyond the edges instead of its convolutions' zero padding, so that a flat image comes back
     * flat to its edges. The margin is a quarter of the overlap, as much as each tile keeps from its edge at a seam
     * (rounded up to the tiles' {@link #alignment}): a network whose receptive field is no wider gives at the edges
     * exactly what it gives on the reflected image. For a network whose tiles are aligned, the left and top margins
     * are widened further (by up to 7 pixels) so that the blocks of a picture JPEG-compressed before it was cropped
     * ({@link JpegGrid}) lie on the 8-pixel grid the network saw in training, as a file's own blocks do.
     */
    private final class Pass {
        private final BufferedImage source;
        private final BufferedImage out;
        private final int channels;
        private final boolean alpha;
        private final int scale;
        /** Reflected margin around the image, input pixels per side; more on the left and top (below). */
        private final int pad;
        /** Reflected margin left of the image and above it: {@link #pad} plus the shift to the JPEG grid. */
        private final int padX;
        private final int padY;
        /** Tiling of the widened image: coordinates below are in it, output ones include {@code padX * scale}. */
        private final TileGrid xs;
        private final TileGrid ys;
        /** Width of the widened image's output, the row length of the carries. */
        private final int outWidth;
        private final int modelWidth;
        private final int modelHeight;
        /** Threads that blend the last batch: as many as inference may use. */
        private final int workers;
        /** Per plane (colour..., alpha): partial sums in the blend zone to the right of the current tile. */
        private float[][] colCarry;
        /** Per plane: partial sums in the blend zone below the current tile row, full output width. */
        private float[][] rowCarry;
        private float[][] nextRowCarry;

        Pass(BufferedImage source, PixelFormat format, BufferedImage out) {
            this.source = source;
            this.out = out;
            this.channels = format.colorChannels();
            this.alpha = format.hasAlpha();
            this.scale = info.scale();
            int align = alignment(info);
            this.pad = options.tileOverlap() / 4 == 0 ? 0 : TileGrid.roundUp(options.tileOverlap() / 4, align);
            // no margin at all where the overlap is 0, as EnhanceOptions documents
            int[] blocks = align > 1 && pad > 0 ? JpegGrid.phase(source) : new int[] {0, 0};
            this.padX = pad + (8 - blocks[0]) % 8;
            this.padY = pad + (8 - blocks[1]) % 8;
            // the margin does not count against the tile size: an image of one tile stays one tile
            int tileW = info.fixedInputWidth() > 0 ? info.fixedInputWidth() : options.tileSize() + padX + pad;
            int tileH = info.fixedInputHeight() > 0 ? info.fixedInputHeight() : options.tileSize() + padY + pad;
            this.xs = new TileGrid(source.getWidth() + padX + pad, tileW, overlapFor(tileW), scale,
                    info.fixedInputWidth() > 0, align);
            this.ys = new TileGrid(source.getHeight() + padY + pad, tileH, overlapFor(tileH), scale,
                    info.fixedInputHeight() > 0, align);
            this.outWidth = xs.length * scale;
            // tiles are padded (edge pixels repeated) up to what the network accepts, and the result cropped
            this.modelWidth = info.fixedInputWidth() > 0 ? info.fixedInputWidth()
                    : TileGrid.roundUp(xs.tile, info.sizeMultiple());
            this.modelHeight = info.fixedInputHeight() > 0 ? info.fixedInputHeight()
                    : TileGrid.roundUp(ys.tile, info.sizeMultiple());
            this.workers = options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        }

        private int overlapFor(int tile) {
            return Math.min(options.tileOverlap(), (tile - 1) / 2);
        }

        void run() {
            int planes = channels + (alpha ? 1 : 0);
            int batchLimit = info.maxBatch() > 0 ? Math.min(info.maxBatch(), options.tilesPerBatch())
                    : options.tilesPerBatch();
            rowCarry = new float[planes][ys.zoneWidth() * outWidth];
            nextRowCarry = new float[planes][ys.zoneWidth() * outWidth];
            List<int[]> batches = new ArrayList<>();
            for (int j = 0; j < ys.count; j++) {
                for (int i0 = 0; i0 < xs.count; i0 += batchLimit) {
                    batches.add(new int[] {i0, j, Math.min(batchLimit, xs.count - i0)});
                }
            }
            // One batch of look-ahead: the next batch is read and run by the engine while this thread blends and
            // writes the current one, so the Java work overlaps inference instead of adding to it.
            LookAhead next = null;
            try {
                for (int b = 0; b < batches.size(); b++) {
                    int[] batch = batches.get(b);
                    Enhanced enhanced = b == 0 ? enhanceTiles(batch[0], batch[1], batch[2]) : await(next.future);
                    TileOutput[] tiles = enhanced.tiles();
                    next = null;
                    if (b + 1 < batches.size()) {
                        int[] following = batches.get(b + 1);
                        next = new LookAhead(following);
                    }
                    int i0 = batch[0];
                    int j = batch[1];
                    if (i0 == 0) {
                        colCarry = new float[planes][xs.zoneWidth() * (ys.hi(j) - ys.lo(j))];
                    }
                    try {
                        for (int k = 0; k < batch[2]; k++) {
                            blend(i0 + k, j, tiles[k], next == null);
                        }
                    } finally {
                        // also when blending fails: an engine may hold the output's storage until it is released
                        engine.release(enhanced.output());
                    }
                    if (i0 + batch[2] == xs.count) {
                        float[][] t = rowCarry;
                        rowCarry = nextRowCarry;
                        nextRowCarry = t;
                    }
                }
            } finally {
                if (next != null) {
                    next.abandon();
                }
            }
        }

        /**
         * The next batch, read and run on another thread. When the enhancement fails before using it, its output is
         * still released (an engine may hold the output's storage until then): by the look-ahead itself if it is
         * still running, else here.
         */
        private final class LookAhead {
            final Future<Enhanced> future;
            /** Guarded by this: nobody will use the result. */
            private boolean abandoned;
            /** Guarded by this: the result the look-ahead returned (or is returning). */
            private Enhanced handedOver;

            LookAhead(int[] batch) {
                this.future = LOOK_AHEAD.submit(() -> {
                    Enhanced result = enhanceTiles(batch[0], batch[1], batch[2]);
                    synchronized (this) {
                        if (!abandoned) {
                            handedOver = result;
                            return result;
                        }
                    }
                    engine.release(result.output());
                    return null;
                });
            }

            void abandon() {
                Enhanced unused;
                synchronized (this) {
                    abandoned = true;
                    unused = handedOver;
                }
                if (unused != null) {
                    engine.release(unused.output());
                } else {
                    future.cancel(false); // not started: nothing to release; running: it releases its own output
                }
            }
        }

        private <T> T await(Future<T> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new EnhanceException("Interrupted while enhancing", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new EnhanceException(String.valueOf(cause), cause);
            }
        }

        /** Enhanced tiles, and the engine output they came from (which they may read from). */
        private record Enhanced(TileOutput[] tiles, Tensor output) {
        }

        /** Enhances tiles (i0..i0+n-1, j): output planes of {@code tile * scale}, colour and alpha, 0..1. */
        private Enhanced enhanceTiles(int i0, int j, int n) {
            int tw = xs.tile;
            int th = ys.tile;
            FloatImage[] regions = new FloatImage[n];
            int mc = info.channels();
            int plane = modelWidth * modelHeight;
            boolean unitRange = info.inputMin() == 0f && info.inputMax() == 1f;
            float[] batch = null;
            for (int k = 0; k < n; k++) {
                regions[k] = readReflected(xs.start(i0 + k) - padX, ys.start(j) - padY, tw, th);
                FloatImage modelInput = toModelInput(regions[k]);
                float[] padded = padTo(modelInput, modelWidth, modelHeight);
                if (n == 1 && unitRange) {
                    // the engine only reads its input, and no range conversion writes into it: no copy needed
                    batch = padded;
                } else {
                    if (batch == null) {
                        batch = new float[n * mc * plane];
                    }
                    System.arraycopy(padded, 0, batch, k * mc * plane, padded.length);
                }
            }
            toModelRange(batch);
            Tensor result = runEngine(new Tensor(new int[] {n, mc, modelHeight, modelWidth}, batch));
            int[] expected = {n, mc, modelHeight * scale, modelWidth * scale};
            if (!Arrays.equals(result.shape(), expected)) {
                engine.release(result);
                throw new EnhanceException("Backend '" + info.backend() + "' returned a tensor of shape "
                        + Arrays.toString(result.shape()) + " for input " + Arrays.toString(new int[] {n, mc,
                                modelHeight, modelWidth}) + ", expected " + Arrays.toString(expected)
                        + " (scale " + scale + "). Is the model's scale or channel count declared correctly?");
            }
            int outPlane = plane * scale * scale;
            TileOutput[] tiles = new TileOutput[n];
            if (info.colorMode() == ColorMode.RGB && unitRange && channels == 3) {
                // the common case: the tiles' colour is the engine's output as it is, read from it row by row (an
                // engine may return it over its native buffer, which is then never copied as a whole)
                for (int k = 0; k < n; k++) {
                    tiles[k] = new TileOutput(tw * scale, 3, result, k * mc * outPlane, modelWidth * scale, outPlane,
                            alphaOf(regions[k], tw * scale, th * scale));
                }
                return new Enhanced(tiles, result);
            }
            float[] data = result.data();
            fromModelRange(data);
            for (int k = 0; k < n; k++) {
                float[] net = crop(data, k * mc * outPlane, mc, modelWidth * scale, modelHeight * scale,
                        tw * scale, th * scale);
                FloatImage tile = fromModelOutput(regions[k], net, tw * scale, th * scale);
                Tensor color = new Tensor(new int[] {tile.colorData().length}, tile.colorData());
                tiles[k] = new TileOutput(tile.width(), tile.channels(), color, 0, tile.width(),
                        tile.width() * tile.height(), tile.alphaData());
            }
            return new Enhanced(tiles, result);
        }

        /**
         * The source region at {@code (x, y)}, which may reach up to {@link #pad} pixels past the image's edges;
         * what lies outside is the image mirrored about its edges (see {@link TilingEnhancer#reflect}).
         */
        private FloatImage readReflected(int x, int y, int w, int h) {
            int sw = source.getWidth();
            int sh = source.getHeight();
            if (x >= 0 && y >= 0 && x + w <= sw && y + h <= sh) {
                return Pixels.read(source, x, y, w, h);
            }
            // the part on the image, read once; then each margin pixel copied from its mirror image inside
            int ix0 = Math.max(0, -x);
            int iy0 = Math.max(0, -y);
            int ix1 = Math.min(w, sw - x);
            int iy1 = Math.min(h, sh - y);
            int[] mx = new int[w];
            int[] my = new int[h];
            for (int i = 0; i < w; i++) {
                mx[i] = reflect(x + i, sw) - x;
                if (mx[i] < ix0 || mx[i] >= ix1) {
                    return readGathered(x, y, w, h);
                }
            }
            for (int i = 0; i < h; i++) {
                my[i] = reflect(y + i, sh) - y;
                if (my[i] < iy0 || my[i] >= iy1) {
                    return readGathered(x, y, w, h);
                }
            }
            FloatImage inside = Pixels.read(source, x + ix0, y + iy0, ix1 - ix0, iy1 - iy0);
            FloatImage result = new FloatImage(w, h, inside.channels(), inside.hasAlpha());
            int iw = inside.width();
            int iPlane = iw * inside.height();
            int rPlane = w * h;
            int planes = inside.channels() + (inside.hasAlpha() ? 1 : 0);
            for (int c = 0; c < planes; c++) {
                float[] src = c < inside.channels() ? inside.colorData() : inside.alphaData();
                float[] dst = c < inside.channels() ? result.colorData() : result.alphaData();
                int so = c < inside.channels() ? c * iPlane : 0;
                int d = c < inside.channels() ? c * rPlane : 0;
                for (int row = iy0; row < iy1; row++) {
                    int r = d + row * w;
                    System.arraycopy(src, so + (row - iy0) * iw, dst, r + ix0, iw);
                    for (int col = 0; col < ix0; col++) {
                        dst[r + col] = dst[r + mx[col]];
                    }
                    for (int col = ix1; col < w; col++) {
                        dst[r + col] = dst[r + mx[col]];
                    }
                }
                for (int row = 0; row < h; row++) {
                    if (row < iy0 || row >= iy1) {
                        System.arraycopy(dst, d + my[row] * w, dst, d + row * w, w);
                    }
                }
            }
            return result;
        }

        /** As {@link #readReflected}, pixel by pixel: for images smaller than the margin, mirrored more than once. */
        private FloatImage readGathered(int x, int y, int w, int h) {
            int sw = source.getWidth();
            int sh = source.getHeight();
            int[] mx = new int[w];
            int[] my = new int[h];
            int x0 = Integer.MAX_VALUE;
            int x1 = 0;
            int y0 = Integer.MAX_VALUE;
            int y1 = 0;
            for (int i = 0; i < w; i++) {
                mx[i] = reflect(x + i, sw);
                x0 = Math.min(x0, mx[i]);
                x1 = Math.max(x1, mx[i]);
            }
            for (int i = 0; i < h; i++) {
                my[i] = reflect(y + i, sh);
                y0 = Math.min(y0, my[i]);
                y1 = Math.max(y1, my[i]);
            }
            FloatImage inside = Pixels.read(source, x0, y0, x1 - x0 + 1, y1 - y0 + 1);
            FloatImage result = new FloatImage(w, h, inside.channels(), inside.hasAlpha());
            int iw = inside.width();
            int iPlane = iw * inside.height();
            int rPlane = w * h;
            int planes = inside.channels() + (inside.hasAlpha() ? 1 : 0);
            for (int c = 0; c < planes; c++) {
                float[] src = c < inside.channels() ? inside.colorData() : inside.alphaData();
                float[] dst = c < inside.channels() ? result.colorData() : result.alphaData();
                int so = c < inside.channels() ? c * iPlane : 0;
                int d = c < inside.channels() ? c * rPlane : 0;
                for (int yy = 0; yy < h; yy++) {
                    int row = so + (my[yy] - y0) * iw - x0;
                    for (int xx = 0; xx < w; xx++) {
                        dst[d++] = src[row + mx[xx]];
                    }
                }
            }
            return result;
        }

        private FloatImage toModelInput(FloatImage region) {
            if (info.colorMode() == ColorMode.RGB) {
                if (region.channels() == 3) {
                    return region;
                }
                int p = region.width() * region.height();
                float[] rgb = new float[3 * p];
                float[] g = region.colorData();
                System.arraycopy(g, 0, rgb, 0, p);
                System.arraycopy(g, 0, rgb, p, p);
                System.arraycopy(g, 0, rgb, 2 * p, p);
                return new FloatImage(region.width(), region.height(), 3, rgb, null);
            }
            if (region.channels() == 1) {
                return region;
            }
            FloatImage ycc = io.github.enhance4j.image.YCbCr.fromRgb(region.withoutAlpha());
            int p = region.width() * region.height();
            return new FloatImage(region.width(), region.height(), 1, Arrays.copyOf(ycc.colorData(), p), null);
        }

        private FloatImage fromModelOutput(FloatImage region, float[] net, int w, int h) {
            int p = w * h;
            float[] color;
            if (info.colorMode() == ColorMode.RGB) {
                color = region.channels() == 3 ? net : luma(net, p);
            } else if (region.channels() == 1) {
                color = net;
            } else {
                // enhanced Y with conventionally enlarged chroma
                FloatImage ycc = io.github.enhance4j.image.YCbCr.fromRgb(region.withoutAlpha());
                FloatImage big = scale == 1 ? ycc : Resampler.BICUBIC.resize(ycc, w, h);
                float[] merged = big.colorData();
                System.arraycopy(net, 0, merged, 0, p);
                color = io.github.enhance4j.image.YCbCr.toRgb(new FloatImage(w, h, 3, merged, null)).colorData();
            }
            // not clamped here: blend clamps each value as it reads it, which saves a pass over the output
            return new FloatImage(w, h, region.channels(), color, alphaOf(region, w, h));
        }

        /** The region's alpha enlarged to {@code w x h} (bicubic), or null: networks never see alpha. */
        private float[] alphaOf(FloatImage region, int w, int h) {
            if (!region.hasAlpha()) {
                return null;
            }
            FloatImage alphaOnly = new FloatImage(region.width(), region.height(), 1, region.alphaData(), null);
            return scale == 1 ? region.alphaData().clone() : Resampler.BICUBIC.resize(alphaOnly, w, h).colorData();
        }

        /**
         * Accumulates one tile's weighted output, its values clamped to 0..1, and writes the pixels it completes.
         * The rows are independent (each reads and writes only its own carries), so with {@code parallel} they are
         * split among {@link #workers} threads: used for the last batch, when no look-ahead inference is running
         * and the engine's cores would otherwise wait.
         */
        private void blend(int i, int j, TileOutput tile, boolean parallel) {
            int loY = ys.lo(j);
            int hiY = ys.hi(j);
            int planes = channels + (alpha ? 1 : 0);
            float[][] newColCarry = new float[planes][xs.zoneWidth() * (hiY - loY)];
            int rows = hiY - loY;
            int parts = parallel ? Math.min(workers, rows / MIN_ROWS_PER_WORKER) : 1;
            if (parts <= 1) {
                blendRows(i, j, tile, newColCarry, loY, hiY);
            } else {
                List<Future<?>> others = new ArrayList<>();
                try {
                    for (int p = 1; p < parts; p++) {
                        int from = loY + (int) ((long) rows * p / parts);
                        int to = loY + (int) ((long) rows * (p + 1) / parts);
                        others.add(BLEND.submit(() -> blendRows(i, j, tile, newColCarry, from, to)));
                    }
                    blendRows(i, j, tile, newColCarry, loY, loY + rows / parts);
                    for (Future<?> f : others) {
                        await(f);
                    }
                } finally {
                    for (Future<?> f : others) {
                        f.cancel(false);
                    }
                }
            }
            colCarry = newColCarry;
        }

        /**
         * Blends output rows {@code [y0, y1)} of tile {@code (i, j)} and writes the finished ones, a band of
         * {@link #BAND_ROWS} rows at a time so that values are written while still in cache.
         *
         * <p>Most of a tile meets no blend zone and no carry: there the result is the tile's own value, which the
         * writer clamps as the blend would, so that rectangle is written straight from the tile. Only the blend
         * zones and carries go through the band buffer.
         */
        private void blendRows(int i, int j, TileOutput tile, float[][] newColCarry, int y0, int y1) {
            int loX = xs.lo(i);
            int hiX = xs.hi(i);
            int loY = ys.lo(j);
            int finalX = i < xs.count - 1 ? xs.zoneStart(i) : hiX;
            int finalY = j < ys.count - 1 ? ys.zoneStart(j) : ys.hi(j);
            int tileX0 = xs.start(i) * scale;
            int tileY0 = ys.start(j) * scale;
            int tw = tile.width();
            int zw = xs.zoneWidth();
            int leftZoneStart = i > 0 ? xs.zoneStart(i - 1) : 0;
            int leftZoneEnd = i > 0 ? xs.zoneEnd(i - 1) : 0;
            int topZoneStart = j > 0 ? ys.zoneStart(j - 1) : 0;
            int topZoneEnd = j > 0 ? ys.zoneEnd(j - 1) : 0;
            int zoneStartRight = i < xs.count - 1 ? xs.zoneStart(i) : hiX;
            int zoneStartBottom = j < ys.count - 1 ? ys.zoneStart(j) : ys.hi(j);
            // finished pixels in the reflected margin are not kept: only those on the image are written
            int marginX = padX * scale;
            int marginY = padY * scale;
            int keepX0 = Math.max(loX, marginX);
            int keepX1 = Math.max(keepX0, Math.min(finalX, marginX + out.getWidth()));
            int keepY1 = Math.min(finalY, marginY + out.getHeight());
            int fw = keepX1 - keepX0;
            int planes = channels + (alpha ? 1 : 0);
            // the tile's rows of one band at a time, copied out of the engine's output while they are blended
            FloatImage rows = new FloatImage(tw, BAND_ROWS, channels, alpha);
            int tilePlane = tw * BAND_ROWS;
            float[] wx = new float[hiX - loX];
            for (int x = loX; x < hiX; x++) {
                wx[x - loX] = xs.weight(i, x);
            }
            // columns with weight one and no carry, and of them those that are kept
            int plainFrom = Math.max(loX, leftZoneEnd);
            int plainTo = Math.max(plainFrom, Math.min(hiX, zoneStartRight));
            int keepFrom = Math.min(keepX1, Math.max(plainFrom, keepX0));
            int keepTo = Math.max(keepFrom, Math.min(plainTo, keepX1));
            FloatImage buffer = null;
            for (int band = y0; band < y1; band += BAND_ROWS) {
                int bandEnd = Math.min(y1, band + BAND_ROWS);
                tile.readRows(band - tileY0, bandEnd - band, rows);
                int keepY0 = Math.max(band, marginY);
                int fh = Math.max(0, Math.min(bandEnd, keepY1) - keepY0);
                if (fw > 0 && fh > 0 && (buffer == null || buffer.height() != fh)) {
                    buffer = new FloatImage(fw, fh, channels, alpha);
                }
                // kept rows outside the top blend zone: plain between keepFrom and keepTo
                int plainY1 = keepY0 + fh;
                int plainY0 = Math.min(plainY1, Math.max(keepY0, topZoneEnd));
                for (int c = 0; c < planes; c++) {
                    float[] src = c < channels ? rows.colorData() : rows.alphaData();
                    int srcOffset = c < channels ? c * tilePlane : 0;
                    float[] carryIn = colCarry[c];
                    float[] carryOut = newColCarry[c];
                    float[] rowIn = rowCarry[c];
                    float[] rowOut = nextRowCarry[c];
                    float[] dst = buffer == null ? null : c < channels ? buffer.colorData() : buffer.alphaData();
                    int dstOffset = c < channels ? c * fw * fh : 0;
                    for (int y = band; y < bandEnd; y++) {
                        float wy = ys.weight(j, y);
                        boolean top = y < topZoneEnd;
                        boolean bottom = y >= zoneStartBottom;
                        boolean keepRow = y >= keepY0 && y < keepY0 + fh;
                        int trow = srcOffset + (y - band) * tw - tileX0;
                        int carryRow = (y - loY) * zw;
                        int d = dstOffset + (y - keepY0) * fw - keepX0;
                        for (int x = loX; x < hiX; x++) {
                            if (x == plainFrom && !top && !bottom) {
                                // written from the tile below, or not kept
                                x = plainTo - 1;
                                continue;
                            }
                            float v = wy * wx[x - loX] * clamp(src[trow + x]);
                            if (x < leftZoneEnd) {
                                v += carryIn[carryRow + x - leftZoneStart];
                            }
                            if (x >= zoneStartRight) {
                                carryOut[carryRow + x - zoneStartRight] = v;
                            } else {
                                if (top) {
                                    v += rowIn[(y - topZoneStart) * outWidth + x];
                                }
                                if (bottom) {
                                    rowOut[(y - zoneStartBottom) * outWidth + x] = v;
                                } else if (keepRow && x >= keepX0 && x < keepX1) {
                                    dst[d + x] = v;
                                }
                            }
                        }
                    }
                }
                if (fh == 0 || fw == 0) {
                    continue;
                }
                int bx = keepX0 - marginX;
                int by = keepY0 - marginY;
                int topRows = plainY0 - keepY0;
                if (topRows > 0) {
                    Pixels.write(buffer, 0, 0, fw, topRows, out, bx, by);
                }
                int plainRows = plainY1 - plainY0;
                if (plainRows > 0) {
                    int py = plainY0 - keepY0;
                    if (keepFrom > keepX0) {
                        Pixels.write(buffer, 0, py, keepFrom - keepX0, plainRows, out, bx, by + py);
                    }
                    if (keepTo > keepFrom) {
                        Pixels.write(rows, keepFrom - tileX0, plainY0 - band, keepTo - keepFrom, plainRows, out,
                                keepFrom - marginX, plainY0 - marginY);
                    }
                    if (keepX1 > keepTo) {
                        Pixels.write(buffer, keepTo - keepX0, py, keepX1 - keepTo, plainRows, out, keepTo - marginX,
                                plainY0 - marginY);
                    }
                }
            }
        }
    }

    /**
     * One tile of the engine's output, as the blend reads it: {@code channels} colour planes, rows of {@code width}
     * values, inside {@code source} (the engine's tensor, possibly over its native buffer, or the tile's own
     * values) from {@code offset} with the given row and plane strides, and the alpha plane apart.
     */
    private record TileOutput(int width, int channels, Tensor source, int offset, int rowStride, int planeStride,
            float[] alpha) {

        /** Copies tile rows {@code [y, y + count)} of every plane into the first rows of {@code rows}. */
        void readRows(int y, int count, FloatImage rows) {
            float[] color = rows.colorData();
            int rowsPlane = rows.width() * rows.height();
            for (int c = 0; c < channels; c++) {
                for (int r = 0; r < count; r++) {
                    source.read(offset + c * planeStride + (y + r) * rowStride, color, c * rowsPlane + r * width, width);
                }
            }
            if (alpha != null && rows.hasAlpha()) {
                System.arraycopy(alpha, y * width, rows.alphaData(), 0, count * width);
            }
        }
    }

    private void toModelRange(float[] data) {
        float min = info.inputMin();
        float span = info.inputMax() - min;
        if (min == 0f && span == 1f) {
            return;
        }
        for (int i = 0; i < data.length; i++) {
            data[i] = data[i] * span + min;
        }
    }

    private void fromModelRange(float[] data) {
        float min = info.inputMin();
        float span = info.inputMax() - min;
        if (min == 0f && span == 1f) {
            return;
        }
        for (int i = 0; i < data.length; i++) {
            data[i] = (data[i] - min) / span;
        }
    }

    /** As {@link FloatImage#clamp()}: into 0..1, NaN to 0 (NaN fails both comparisons). */
    private static float clamp(float v) {
        return v >= 0f ? (v <= 1f ? v : 1f) : 0f;
    }

    /**
     * Where tiles may start, in input pixels from the image's corner: anywhere for a network without strides
     * (every pixel is treated alike) or with a fixed input size (its tiles are that size), otherwise at multiples
     * of both its size multiple and 8. A network that pools by its size multiple treats a pixel by its place in that
     * grid, and one trained on JPEG damage has learnt where the 8x8 blocks of a file lie. Shown them 4 pixels off
     * their place, the bundled {@code restore} gains -0.02 dB instead of +0.97 at JPEG quality 20 (Set5 + Set14 and
     * four other photos), and tiles cut from anywhere cost large photos half of its JPEG gain (CHANGELOG).
     */
    static int alignment(ModelInfo info) {
        int multiple = info.sizeMultiple();
        if (multiple == 1 || info.fixedInputWidth() > 0 || info.fixedInputHeight() > 0) {
            return 1;
        }
        int lcm = multiple;
        while (lcm % 8 != 0) {
            lcm += multiple;
        }
        return lcm;
    }

    /**
     * Index {@code i} mirrored into {@code 0..n-1} about the image's outer edge, so that the edge pixel is repeated
     * ({@code numpy.pad(mode="symmetric")}, OpenCV's {@code BORDER_REFLECT}), as often as needed. Of the usual
     * choices this one keeps a dark frame line (as in Set14's foreman and pepper) a line rather than turning it into
     * a one-pixel stroke the network sharpens: measured on Set5/Set14 it gives the bundled models their best scores.
     */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /** BT.601 luma of {@code p} pixels of planar RGB. */
    static float[] luma(float[] rgb, int p) {
        float[] y = new float[p];
        for (int i = 0; i < p; i++) {
            y[i] = 0.299f * rgb[i] + 0.587f * rgb[p + i] + 0.114f * rgb[2 * p + i];
        }
        return y;
    }

    /** CHW data of {@code image} padded to {@code w x h} by repeating the last row and column. */
    private static float[] padTo(FloatImage image, int w, int h) {
        if (image.width() == w && image.height() == h) {
            return image.colorData();
        }
        int c = image.channels();
        int iw = image.width();
        int ih = image.height();
        float[] src = image.colorData();
        float[] dst = new float[c * w * h];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                int sy = Math.min(y, ih - 1);
                for (int x = 0; x < w; x++) {
                    dst[(ch * h + y) * w + x] = src[(ch * ih + sy) * iw + Math.min(x, iw - 1)];
                }
            }
        }
        return dst;
    }

    /** The top-left {@code w x h} of each of {@code c} planes of size {@code pw x ph} starting at {@code offset}. */
    private static float[] crop(float[] data, int offset, int c, int pw, int ph, int w, int h) {
        if (pw == w && ph == h) {
            // nothing to cut off: the planes are contiguous, and with a batch of one they are all of data
            int length = c * w * h;
            return offset == 0 && length == data.length ? data : Arrays.copyOfRange(data, offset, offset + length);
        }
        float[] dst = new float[c * w * h];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(data, offset + (ch * ph + y) * pw, dst, (ch * h + y) * w, w);
            }
        }
        return dst;
    }
}
