package io.github.enhance4j.internal;

import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.Tensor;
import io.github.enhance4j.spi.InferenceEngine;
import io.github.enhance4j.spi.TiledEnhancer;
import io.github.enhance4j.testing.TestModelProvider;
import io.github.enhance4j.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TilingEnhancerTest {

    private static final float ONE_LEVEL = 1f / 255f + 1e-6f;

    private static final EnhanceOptions WHOLE = EnhanceOptions.builder().tileSize(4096).build();
    private static final EnhanceOptions TILED = EnhanceOptions.builder().tileSize(64).tileOverlap(16).build();

    private static BufferedImage photoLike(int type, int w, int h, long seed) {
        // smooth gradients plus noise: seams would show in both
        BufferedImage img = new BufferedImage(w, h, type);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int red = clamp(128 + 100 * Math.sin(x / 17.0) + r.nextGaussian() * 20);
                int green = clamp(128 + 100 * Math.cos(y / 11.0) + r.nextGaussian() * 20);
                int blue = clamp((x + y) % 256 + r.nextGaussian() * 10);
                int alpha = clamp(255 * (0.5 + 0.5 * Math.sin((x + 2 * y) / 23.0)));
                img.setRGB(x, y, alpha << 24 | red << 16 | green << 8 | blue);
            }
        }
        return img;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static Enhancer open(TestModels model, EnhanceOptions options) {
        return new TestModelProvider().open(model.source(), options);
    }

    private static BufferedImage enhance(TestModels model, EnhanceOptions options, BufferedImage in) {
        try (Enhancer e = open(model, options)) {
            return e.enhance(in);
        }
    }

    private static float maxDifference(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        FloatImage fa = Pixels.read(a);
        FloatImage fb = Pixels.read(b);
        float max = 0;
        for (int i = 0; i < fa.colorData().length; i++) {
            max = Math.max(max, Math.abs(fa.colorData()[i] - fb.colorData()[i]));
        }
        if (fa.hasAlpha()) {
            for (int i = 0; i < fa.alphaData().length; i++) {
                max = Math.max(max, Math.abs(fa.alphaData()[i] - fb.alphaData()[i]));
            }
        }
        return max;
    }

    @Test
    void enhance_tiledVsWhole_rgbScale1_samePixels() {
        BufferedImage in = photoLike(BufferedImage.TYPE_INT_RGB, 300, 200, 1);
        TestModels model = TestModels.model().layers(2);

        BufferedImage whole = enhance(model, WHOLE, in);
        BufferedImage tiled = enhance(model, TILED, in);

        assertThat(maxDifference(whole, tiled)).isLessThanOrEqualTo(ONE_LEVEL);
    }

    @Test
    void enhance_tiledVsWhole_scale2WithAlpha_samePixels() {
        BufferedImage in = photoLike(BufferedImage.TYPE_INT_ARGB, 161, 97, 2);
        TestModels model = TestModels.model().scale(2).layers(4);

        BufferedImage whole = enhance(model, WHOLE, in);
        BufferedImage tiled = enhance(model, TILED, in);

        assertThat(tiled.getWidth()).isEqualTo(322);
        assertThat(tiled.getHeight()).isEqualTo(194);
        assertThat(maxDifference(whole, tiled)).isLessThanOrEqualTo(ONE_LEVEL);
    }

    @Test
    void enhance_tiledVsWhole_lumaModelScale3_samePixels() {
        BufferedImage in = photoLike(BufferedImage.TYPE_3BYTE_BGR, 130, 90, 3);
        TestModels model = TestModels.model().luma().scale(3).layers(1);

        assertThat(maxDifference(enhance(model, WHOLE, in), enhance(model, TILED, in)))
                .isLessThanOrEqualTo(ONE_LEVEL);
    }

    @Test
    void enhance_receptiveFieldLargerThanOverlap_differsOnlyNearSeams() {
        // beyond the exactness promise the tiles disagree, but only within reach of a tile edge
        BufferedImage in = photoLike(BufferedImage.TYPE_INT_RGB, 200, 150, 4);
        TestModels model = TestModels.model().layers(24);

        float[] diff = differences(enhance(model, WHOLE, in), enhance(model, TILED, in));
        float max = 0;
        double mean = 0;
        for (float d : diff) {
            max = Math.max(max, d);
            mean += d / diff.length;
        }

        assertThat(max).isGreaterThan(ONE_LEVEL);
        assertThat(mean).isLessThan(ONE_LEVEL);
    }

    private static float[] differences(BufferedImage a, BufferedImage b) {
        float[] fa = Pixels.read(a).colorData();
        float[] fb = Pixels.read(b).colorData();
        float[] d = new float[fa.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(fa[i] - fb[i]);
        }
        return d;
    }

    @Test
    void enhance_flatImage_comesBackFlatToItsEdges() {
        // the kernel sharpens with zero padding, as a real "same" convolution does: unpadded, the edges darken
        BufferedImage flat = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 200; x++) {
                flat.setRGB(x, y, 0x808080);
            }
        }
        for (EnhanceOptions options : List.of(WHOLE, TILED)) {
            BufferedImage out = enhance(TestModels.model().scale(2).layers(4), options, flat);

            assertThat(maxDifference(flat, out.getSubimage(0, 0, 200, 150))).isZero();
            for (int y = 0; y < 300; y++) {
                for (int x = 0; x < 400; x++) {
                    assertThat(out.getRGB(x, y) & 0xFFFFFF).as("(%d, %d)", x, y).isEqualTo(0x808080);
                }
            }
        }
    }

    @Test
    void enhance_edges_areTheModelsResultOnTheImageMirroredAtItsEdges() {
        BufferedImage in = photoLike(BufferedImage.TYPE_INT_ARGB, 90, 70, 12);
        int margin = 4; // a quarter of the overlap: the kernel's reach
        BufferedImage mirrored = new BufferedImage(90 + 2 * margin, 70 + 2 * margin, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < mirrored.getHeight(); y++) {
            for (int x = 0; x < mirrored.getWidth(); x++) {
                mirrored.setRGB(x, y, in.getRGB(TilingEnhancer.reflect(x - margin, 90),
                        TilingEnhancer.reflect(y - margin, 70)));
            }
        }
        TestModels model = TestModels.model().scale(2).layers(4);
        EnhanceOptions noMargin = WHOLE.toBuilder().tileOverlap(0).build();

        BufferedImage expected = enhance(model, noMargin, mirrored).getSubimage(2 * margin, 2 * margin, 180, 140);

        assertThat(maxDifference(expected, enhance(model, WHOLE, in))).isLessThanOrEqualTo(ONE_LEVEL);
        assertThat(maxDifference(expected, enhance(model, TILED, in))).isLessThanOrEqualTo(ONE_LEVEL);
    }

    @Test
    void reflect_mirrorsAboutTheOuterEdge_asOftenAsNeeded() {
        int[] expected = {1, 0, 0, 1, 2, 3, 3, 2, 1, 0, 0};
        for (int i = -2; i < 9; i++) {
            assertThat(TilingEnhancer.reflect(i, 4)).as("i = %d", i).isEqualTo(expected[i + 2]);
        }
        assertThat(TilingEnhancer.reflect(-5, 1)).isZero();
        assertThat(TilingEnhancer.reflect(5, 2)).isEqualTo(1);
    }

    @Test
    void enhance_imagesSmallerThanTheMargin_keepTheirSize() {
        for (int[] size : new int[][] {{1, 1}, {1, 7}, {3, 2}}) {
            BufferedImage in = photoLike(BufferedImage.TYPE_INT_RGB, size[0], size[1], 13);

            BufferedImage out = enhance(TestModels.model().scale(3).layers(2), TILED, in);

            assertThat(out.getWidth()).isEqualTo(3 * size[0]);
            assertThat(out.getHeight()).isEqualTo(3 * size[1]);
        }
    }

    @Test
    void enhance_batchesOfTiles_equalSingleTiles() {
        BufferedImage in = photoLike(BufferedImage.TYPE_INT_RGB, 250, 130, 5);
        TestModels model = TestModels.model().layers(2);
        EnhanceOptions batched = TILED.toBuilder().tilesPerBatch(4).build();

        assertThat(maxDifference(enhance(model, TILED, in), enhance(model, batched, in))).isZero();
        assertThat(maxDifference(enhance(model.maxBatch(1), batched, in), enhance(model, TILED, in))).isZero();
    }

    @Test
    void enhance_modelIn0to255_givesSameResultAs0to1() {
        BufferedImage in = photoLike(BufferedImage.TYPE_INT_RGB, 70, 50, 6);

        assertThat(maxDifference(enhance(TestModels.model(), TILED, in),
                enhance(TestModels.model().range(0, 255), TILED, in))).isLessThanOrEqualTo(ONE_LEVEL);
    }

    @Test
    void enhance_fixedInputSizeModel_tilesToThatSize() {
        BufferedImage in = photoLike(BufferedImage.TYPE_INT_RGB, 150, 100, 7);
        TestModels dynamic = TestModels.model().scale(2).layers(2);
        TestModels fixed = TestModels.model().scale(2).layers(2).fixedSize(48, 48);

        BufferedImage out = enhance(fixed, EnhanceOptions.defaults(), in);

        assertThat(out.getWidth()).isEqualTo(300);
        assertThat(maxDifference(enhance(dynamic, WHOLE, in), out)).isLessThanOrEqualTo(ONE_LEVEL);
    }

    @Test
    void enhance_fixedInputSizeLargerThanImage_padsAndCrops() {
        BufferedImage in = photoLike(BufferedImage.TYPE_INT_RGB, 30, 20, 8);

        BufferedImage out = enhance(TestModels.model().scale(2).fixedSize(48, 48), EnhanceOptions.defaults(), in);

        assertThat(out.getWidth()).isEqualTo(60);
        assertThat(out.getHeight()).isEqualTo(40);
    }

    @Test
    void enhance_modelNeedingMultiplesOfFour_getsPaddedTilesAndCroppedResults() {
        BufferedImage in = photoLike(BufferedImage.TYPE_INT_RGB, 150, 97, 11);
        TestModels any = TestModels.model().scale(2).layers(1);
        TestModels fours = TestModels.model().scale(2).layers(1).sizeMultiple(4);

        BufferedImage out = enhance(fours, TILED, in);

        assertThat(out.getWidth()).isEqualTo(300);
        assertThat(out.getHeight()).isEqualTo(194);
        // away from the padded right and bottom edges the pixels are the unpadded model's
        BufferedImage reference = enhance(any, TILED, in);
        assertThat(maxDifference(reference.getSubimage(0, 0, 280, 180), out.getSubimage(0, 0, 280, 180)))
                .isLessThanOrEqualTo(ONE_LEVEL);
    }

    /**
     * A network that treats a pixel by its place in an 8x8 grid of its input, as one that pools by 8 or learnt where
     * JPEG's blocks lie does: it brightens the first row and column of every 8x8 block.
     */
    private static final class BlockGridEngine implements InferenceEngine {
        private final ModelInfo info = ModelInfo.builder().backend("grid").sizeMultiple(8).build();

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public Tensor run(Tensor input) {
            int h = input.dim(2);
            int w = input.dim(3);
            float[] data = input.data().clone();
            for (int p = 0; p < input.dim(0) * input.dim(1); p++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        if (x % 8 == 0 || y % 8 == 0) {
                            data[(p * h + y) * w + x] += 0.25f;
                        }
                    }
                }
            }
            return new Tensor(input.shape(), data);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void enhance_networkWithAnEightPixelGrid_seesTheImagesGridInEveryTile() {
        BufferedImage in = new BufferedImage(301, 203, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                in.setRGB(x, y, 0x404040);
            }
        }
        BufferedImage whole;
        BufferedImage tiled;
        try (Enhancer e = TiledEnhancer.create(new BlockGridEngine(), WHOLE)) {
            whole = e.enhance(in);
        }
        try (Enhancer e = TiledEnhancer.create(new BlockGridEngine(), TILED)) {
            tiled = e.enhance(in);
        }

        // the grid lies where it lies in the image (a JPEG file's blocks start at its corner), in every tile alike
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int expected = x % 8 == 0 || y % 8 == 0 ? 0x40 + 64 : 0x40;
                assertThat(tiled.getRGB(x, y) & 0xFF).as("tiled (%d, %d)", x, y).isBetween(expected - 1, expected + 1);
                assertThat(whole.getRGB(x, y) & 0xFF).as("whole (%d, %d)", x, y).isBetween(expected - 1, expected + 1);
            }
        }
    }

    @Test
    void enhance_pictureCutAfterJpegCompression_tilesFollowItsBlocks() {
        // its blocks start at column 5 and row 3, not at the corner as in a file
        BufferedImage in = JpegGridTest.jpegThenCropped(JpegGridTest.photoLike(304, 206, 7), 30, 3, 5);
        for (EnhanceOptions options : new EnhanceOptions[] {WHOLE, TILED}) {
            BufferedImage out;
            try (Enhancer e = TiledEnhancer.create(new BlockGridEngine(), options)) {
                out = e.enhance(in);
            }
            for (int y = 0; y < in.getHeight(); y++) {
                for (int x = 0; x < in.getWidth(); x++) {
                    int before = in.getRGB(x, y) & 0xFF;
                    int expected = (x - 5) % 8 == 0 || (y - 3) % 8 == 0 ? Math.min(255, before + 64) : before;
                    assertThat(out.getRGB(x, y) & 0xFF).as("(%d, %d), tile %d", x, y, options.tileSize())
                            .isBetween(expected - 1, expected + 1);
                }
            }
        }
    }

    @Test
    void enhance_outscale_resizesAfterOrBeforeTheNetwork() {
        BufferedImage in = photoLike(BufferedImage.TYPE_INT_RGB, 40, 30, 9);

        BufferedImage sr = enhance(TestModels.model().scale(2), EnhanceOptions.builder().outscale(3).build(), in);
        BufferedImage restoration = enhance(TestModels.model(), EnhanceOptions.builder().outscale(2.5).build(), in);

        assertThat(sr.getWidth()).isEqualTo(120);
        assertThat(sr.getHeight()).isEqualTo(90);
        assertThat(restoration.getWidth()).isEqualTo(100);
        assertThat(restoration.getHeight()).isEqualTo(75);
    }

    /**
     * An engine that lends its outputs (as the ONNX engine lends its native buffers) and counts those not yet
     * released; its {@code failAt}-th run fails, or returns a wrong shape.
     */
    private static final class LendingEngine implements InferenceEngine {
        private final io.github.enhance4j.testing.KernelEngine kernel = new io.github.enhance4j.testing.KernelEngine(
                ModelInfo.builder().backend("lending").build(), 1);
        private final java.util.Set<Tensor> out = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        private final int failAt;
        private final boolean wrongShape;

        LendingEngine(int failAt, boolean wrongShape) {
            this.failAt = failAt;
            this.wrongShape = wrongShape;
        }

        @Override
        public ModelInfo info() {
            return kernel.info();
        }

        @Override
        public Tensor run(Tensor input) {
            int run = runs.incrementAndGet();
            if (run == failAt && !wrongShape) {
                throw new EnhanceException("run " + run + " fails");
            }
            Tensor result = run == failAt ? new Tensor(new int[] {1, 1, 1, 1}, new float[1]) : kernel.run(input);
            out.add(result);
            return result;
        }

        @Override
        public void release(Tensor output) {
            out.remove(output);
        }

        @Override
        public void close() {
            kernel.close();
        }
    }

    @Test
    void everyOutput_isReleased_alsoWhenARunFailsOrReturnsTheWrongShape() {
        BufferedImage in = photoLike(BufferedImage.TYPE_INT_RGB, 250, 130, 12);
        for (int failAt : new int[] {0, 1, 2, 3, 5}) {
            for (boolean wrongShape : new boolean[] {false, true}) {
                LendingEngine engine = new LendingEngine(failAt, wrongShape);
                try (Enhancer e = TiledEnhancer.create(engine, TILED)) {
                    if (failAt == 0) {
                        e.enhance(in);
                    } else {
                        assertThatThrownBy(() -> e.enhance(in)).isInstanceOf(EnhanceException.class);
                    }
                }
                assertThat(engine.runs.get()).as("runs").isGreaterThanOrEqualTo(failAt == 0 ? 2 : failAt);
                assertThat(engine.out).as("outputs not released, failing at run %d (wrong shape: %s)", failAt,
                        wrongShape).isEmpty();
            }
        }
    }

    @Test
    void enhance_engineReturnsWrongShape_explainsWhat() {
        InferenceEngine liar = new InferenceEngine() {
            @Override
            public ModelInfo info() {
                return ModelInfo.builder().backend("liar").scale(2).build();
            }

            @Override
            public Tensor run(Tensor input) {
                return input; // claims x2, returns x1
            }

            @Override
            public void close() {
            }
        };
        try (Enhancer e = TiledEnhancer.create(liar, EnhanceOptions.defaults())) {
            assertThatThrownBy(() -> e.enhance(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB)))
                    .isInstanceOf(EnhanceException.class)
                    // 10 pixels and a reflected margin of 4 on either side
                    .hasMessageContaining("Backend 'liar' returned a tensor of shape [1, 3, 18, 18]")
                    .hasMessageContaining("expected [1, 3, 36, 36]");
        }
    }

    @Test
    void close_whileCallsRun_callsFinishOrFailWithIllegalState() throws Exception {
        Enhancer e = open(TestModels.model().layers(3), TILED);
        BufferedImage in = photoLike(BufferedImage.TYPE_INT_RGB, 256, 256, 10);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch started = new CountDownLatch(4);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                started.countDown();
                int done = 0;
                for (int k = 0; k < 50; k++) {
                    try {
                        e.enhance(in);
                        done++;
                    } catch (IllegalStateException closed) {
                        assertThat(closed).hasMessageContaining("This Enhancer is closed");
                        return done;
                    }
                }
                return done;
            }));
        }
        started.await();
        Thread.sleep(50);
        e.close();
        e.close();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<Integer> f : futures) {
            assertThat(f.get()).isLessThan(50); // every worker noticed the close; none saw a crashed engine
        }
    }
}
