package io.github.enhance4j.internal;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.Tensor;
import io.github.enhance4j.spi.TiledEnhancer;
import io.github.enhance4j.testing.KernelEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optimised tile loop (carries, row bands, threads, fused clamping) against the tiling written out plainly: every
 * tile run on its own, each output pixel the weighted sum of the tiles that cover it, written once at the end.
 */
class TilingReferenceTest {

    @ParameterizedTest(name = "{0}x{1}, scale {2}, tile {3}, image type {4}, size multiple {5}, JPEG cut {6}")
    @CsvSource({
            "300, 200, 2, 64, " + BufferedImage.TYPE_INT_RGB + ", 1, 0",
            "161, 97, 3, 64, " + BufferedImage.TYPE_3BYTE_BGR + ", 1, 0",
            "257, 130, 4, 96, " + BufferedImage.TYPE_INT_RGB + ", 1, 0",
            "90, 70, 2, 512, " + BufferedImage.TYPE_INT_RGB + ", 1, 0",
            "700, 300, 1, 512, " + BufferedImage.TYPE_INT_BGR + ", 1, 0",
            // tiles aligned to 8 pixels, the last ones reaching past the image's margin
            "301, 203, 1, 64, " + BufferedImage.TYPE_INT_RGB + ", 8, 0",
            "253, 131, 2, 96, " + BufferedImage.TYPE_3BYTE_BGR + ", 4, 0",
            // and shifted to follow the blocks of a picture cut (by 3 or 6 pixels) after JPEG compression
            "301, 203, 1, 64, " + BufferedImage.TYPE_INT_RGB + ", 8, 3",
            "253, 131, 2, 96, " + BufferedImage.TYPE_INT_RGB + ", 4, 6"})
    void enhance_equalsThePlainTiling(int width, int height, int scale, int tileSize, int type, int sizeMultiple,
            int jpegCut) {
        BufferedImage in = jpegCut == 0 ? noisy(width, height, type)
                : JpegGridTest.jpegThenCropped(JpegGridTest.photoLike(width, height, 3), 30, jpegCut, 1);
        assertThat(JpegGrid.phase(in)[0]).as("blocks found").isEqualTo(jpegCut == 0 ? 0 : 8 - jpegCut);
        EnhanceOptions options = EnhanceOptions.builder().tileSize(tileSize).tileOverlap(16).build();
        ModelInfo info = ModelInfo.builder().backend("kernel").scale(scale).sizeMultiple(sizeMultiple).build();

        BufferedImage actual;
        try (Enhancer e = TiledEnhancer.create(new KernelEngine(info, 3), options)) {
            actual = e.enhance(in);
        }
        BufferedImage expected = reference(new KernelEngine(info, 3), options, in);

        int[] a = rgb(actual);
        int[] b = rgb(expected);
        int worst = 0;
        int differing = 0;
        for (int k = 0; k < a.length; k++) {
            int d = 0;
            for (int shift = 0; shift < 24; shift += 8) {
                d = Math.max(d, Math.abs((a[k] >> shift & 0xFF) - (b[k] >> shift & 0xFF)));
            }
            worst = Math.max(worst, d);
            differing += d > 0 ? 1 : 0;
        }
        // the two add the same terms in another order: at most a last-bit difference that rounds the other way
        assertThat(worst).as("largest difference in levels").isLessThanOrEqualTo(1);
        assertThat(differing).as("pixels that differ").isLessThan(a.length / 1000 + 1);
    }

    /** The tiling written out plainly, from {@link TileGrid} and {@link TilingEnhancer#reflect} alone. */
    static BufferedImage reference(KernelEngine engine, EnhanceOptions options, BufferedImage image) {
        int scale = engine.info().scale();
        int align = TilingEnhancer.alignment(engine.info());
        int pad = TileGrid.roundUp(options.tileOverlap() / 4, align);
        int[] blocks = align > 1 && pad > 0 ? JpegGrid.phase(image) : new int[] {0, 0};
        int padX = pad + (8 - blocks[0]) % 8;
        int padY = pad + (8 - blocks[1]) % 8;
        FloatImage src = Pixels.read(image);
        int w = src.width();
        int h = src.height();
        int tileW = options.tileSize() + padX + pad;
        int tileH = options.tileSize() + padY + pad;
        TileGrid xs = new TileGrid(w + padX + pad, tileW, Math.min(options.tileOverlap(), (tileW - 1) / 2), scale,
                false, align);
        TileGrid ys = new TileGrid(h + padY + pad, tileH, Math.min(options.tileOverlap(), (tileH - 1) / 2), scale,
                false, align);
        int ow = w * scale;
        int oh = h * scale;
        float[] sum = new float[3 * ow * oh];
        for (int j = 0; j < ys.count; j++) {
            for (int i = 0; i < xs.count; i++) {
                // each tile widened to the size multiple by repeating its last column and row
                int m = engine.info().sizeMultiple();
                int tw = (xs.tile + m - 1) / m * m;
                int th = (ys.tile + m - 1) / m * m;
                float[] region = new float[3 * tw * th];
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < th; y++) {
                        for (int x = 0; x < tw; x++) {
                            region[(c * th + y) * tw + x] = src.get(c,
                                    TilingEnhancer.reflect(xs.start(i) + Math.min(x, xs.tile - 1) - padX, w),
                                    TilingEnhancer.reflect(ys.start(j) + Math.min(y, ys.tile - 1) - padY, h));
                        }
                    }
                }
                float[] out = engine.run(new Tensor(new int[] {1, 3, th, tw}, region)).data();
                int otw = tw * scale;
                int oth = th * scale;
                for (int y = ys.lo(j); y < ys.hi(j); y++) {
                    for (int x = xs.lo(i); x < xs.hi(i); x++) {
                        int ix = x - padX * scale;
                        int iy = y - padY * scale;
                        if (ix < 0 || iy < 0 || ix >= ow || iy >= oh) {
                            continue;
                        }
                        float weight = ys.weight(j, y) * xs.weight(i, x);
                        int tx = x - xs.start(i) * scale;
                        int ty = y - ys.start(j) * scale;
                        for (int c = 0; c < 3; c++) {
                            float v = out[(c * oth + ty) * otw + tx];
                            sum[(c * oh + iy) * ow + ix] += weight * Math.max(0f, Math.min(1f, v));
                        }
                    }
                }
            }
        }
        return Pixels.toBufferedImage(new FloatImage(ow, oh, 3, sum, null));
    }

    private static int[] rgb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static BufferedImage noisy(int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random r = new Random(w * 31L + h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int base = (int) (128 + 90 * Math.sin(x / 13.0 + y / 29.0));
                int red = Math.max(0, Math.min(255, base + r.nextInt(41) - 20));
                int green = Math.max(0, Math.min(255, 255 - base + r.nextInt(41) - 20));
                int blue = Math.max(0, Math.min(255, (x * 7 + y * 3) % 256));
                img.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        return img;
    }
}
