package io.github.enhance4j.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/** Deterministic test images of every layout that {@link Pixels} supports. */
final class TestLayouts {

    private TestLayouts() {
    }

    /** Every supported layout by name, as a factory of blank images. */
    static Map<String, BiFunction<Integer, Integer, BufferedImage>> layouts() {
        Map<String, BiFunction<Integer, Integer, BufferedImage>> layouts = new LinkedHashMap<>();
        layouts.put("INT_RGB", standard(BufferedImage.TYPE_INT_RGB));
        layouts.put("INT_ARGB", standard(BufferedImage.TYPE_INT_ARGB));
        layouts.put("INT_ARGB_PRE", standard(BufferedImage.TYPE_INT_ARGB_PRE));
        layouts.put("INT_BGR", standard(BufferedImage.TYPE_INT_BGR));
        layouts.put("3BYTE_BGR", standard(BufferedImage.TYPE_3BYTE_BGR));
        layouts.put("4BYTE_ABGR", standard(BufferedImage.TYPE_4BYTE_ABGR));
        layouts.put("4BYTE_ABGR_PRE", standard(BufferedImage.TYPE_4BYTE_ABGR_PRE));
        layouts.put("BYTE_GRAY", standard(BufferedImage.TYPE_BYTE_GRAY));
        layouts.put("USHORT_GRAY", standard(BufferedImage.TYPE_USHORT_GRAY));
        layouts.put("USHORT_565_RGB", standard(BufferedImage.TYPE_USHORT_565_RGB));
        layouts.put("USHORT_555_RGB", standard(BufferedImage.TYPE_USHORT_555_RGB));
        layouts.put("RGB16", (w, h) -> component(ColorSpace.CS_sRGB, false, false, DataBuffer.TYPE_USHORT, w, h));
        layouts.put("RGBA16", (w, h) -> component(ColorSpace.CS_sRGB, true, false, DataBuffer.TYPE_USHORT, w, h));
        layouts.put("RGBA16_PRE", (w, h) -> component(ColorSpace.CS_sRGB, true, true, DataBuffer.TYPE_USHORT, w, h));
        layouts.put("GREY_ALPHA8", (w, h) -> component(ColorSpace.CS_GRAY, true, false, DataBuffer.TYPE_BYTE, w, h));
        layouts.put("GREY_ALPHA16", (w, h) -> component(ColorSpace.CS_GRAY, true, false, DataBuffer.TYPE_USHORT, w, h));
        layouts.put("LINEAR_RGB8", (w, h) -> component(ColorSpace.CS_LINEAR_RGB, false, false, DataBuffer.TYPE_BYTE, w, h));
        return layouts;
    }

    private static BiFunction<Integer, Integer, BufferedImage> standard(int type) {
        return (w, h) -> new BufferedImage(w, h, type);
    }

    /** A ComponentColorModel image as ImageIO makes for 16-bit, grey+alpha or ICC-tagged files. */
    static BufferedImage component(int colorSpace, boolean alpha, boolean premultiplied, int dataType, int w, int h) {
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(colorSpace), alpha, premultiplied,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
        return new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), premultiplied, null);
    }

    /** A 256-entry palette image whose entries 0..9 are transparent to various degrees. */
    static BufferedImage indexedWithTransparency(int w, int h) {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        byte[] a = new byte[256];
        for (int i = 0; i < 256; i++) {
            r[i] = (byte) i;
            g[i] = (byte) (255 - i);
            b[i] = (byte) (i * 7);
            a[i] = (byte) (i < 10 ? i * 25 : 255);
        }
        return new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, r, g, b, a));
    }

    /** A 1, 2 or 4-bit palette image of distinct opaque colours. */
    static BufferedImage binary(int bits, int w, int h) {
        int size = 1 << bits;
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            r[i] = (byte) (i * 255 / (size - 1));
            g[i] = (byte) (i * 31);
            b[i] = (byte) (255 - i * 13);
        }
        return new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(bits, size, r, g, b));
    }

    /**
     * Fills every band with pseudo-random samples over its whole range, with 0 and the maximum at the first two
     * pixels. Premultiplied images get valid data (no colour sample above alpha).
     */
    static BufferedImage fillRandom(BufferedImage image, long seed) {
        Random random = new Random(seed);
        ColorModel cm = image.getColorModel();
        WritableRaster raster = image.getRaster();
        int bands = raster.getNumBands();
        int alphaBand = cm.hasAlpha() && !(cm instanceof IndexColorModel) ? bands - 1 : -1;
        int[] pixel = new int[bands];
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++, n++) {
                for (int band = 0; band < bands; band++) {
                    int max = (1 << raster.getSampleModel().getSampleSize(band)) - 1;
                    pixel[band] = n == 0 ? 0 : n == 1 ? max : random.nextInt(max + 1);
                }
                if (cm.isAlphaPremultiplied()) {
                    int alphaMax = (1 << cm.getComponentSize(alphaBand)) - 1;
                    for (int band = 0; band < alphaBand; band++) {
                        pixel[band] = (int) ((long) pixel[band] * pixel[alphaBand] / alphaMax);
                    }
                }
                raster.setPixel(x, y, pixel);
            }
        }
        return image;
    }

    /** All raster samples, interleaved, for exact comparison. */
    static int[] samples(BufferedImage image) {
        return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
    }

    /** All pixels as non-premultiplied sRGB ARGB. */
    static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
