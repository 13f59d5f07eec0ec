package io.github.enhance4j.image;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Reads and writes one row segment of a raster as interleaved integer samples, one value per band in band order.
 * The general version goes through {@link WritableRaster#getPixels}; the fast versions index the data arrays
 * directly, which is several times quicker on large images. Only the requested pixels are touched.
 */
abstract class SampleRows {

    final int bands;

    SampleRows(int bands) {
        this.bands = bands;
    }

    /** Fills {@code samples[0 .. width * bands)} with the samples of row {@code y} from column {@code x}. */
    abstract void get(int x, int y, int width, int[] samples);

    /** Stores {@code samples[0 .. width * bands)} into row {@code y} from column {@code x}. */
    abstract void set(int x, int y, int width, int[] samples);

    /**
     * Stores row {@code y} from column {@code x} from unit floats: band {@code b}'s sample {@code i} is
     * {@code round(clamp(planes[b][offsets[b] + i]) * max[b])}, or {@code max[b]} where {@code planes[b]} is null.
     * The fast layouts pack the samples as they compute them; the others go through {@link #set}.
     */
    void setUnit(int x, int y, int width, float[][] planes, int[] offsets, int[] max) {
        int[] samples = new int[width * bands];
        for (int b = 0; b < bands; b++) {
            float[] plane = planes[b];
            int o = offsets[b];
            float m = max[b];
            for (int i = 0, s = b; i < width; i++, s += bands) {
                samples[s] = plane == null ? max[b] : unit(plane[o + i], m);
            }
        }
        set(x, y, width, samples);
    }

    /**
     * Reads row {@code y} from column {@code x} into unit floats: band {@code b}'s sample {@code i} goes to
     * {@code planes[b][offsets[b] + i]} as {@code scale[b][sample]}; bands whose plane is null are skipped.
     */
    void getUnit(int x, int y, int width, float[][] planes, int[] offsets, float[][] scale, int[] samples) {
        get(x, y, width, samples);
        for (int b = 0; b < bands; b++) {
            float[] plane = planes[b];
            if (plane == null) {
                continue;
            }
            float[] table = scale[b];
            int o = offsets[b];
            for (int i = 0, s = b; i < width; i++, s += bands) {
                plane[o + i] = table[samples[s]];
            }
        }
    }

    /** {@code v} clamped to 0..1 (NaN to 0), scaled to {@code max} and rounded, as {@link ComponentCodec} writes. */
    static int unit(float v, float max) {
        return ComponentCodec.round(PixelCodec.clamp(v) * max);
    }

    /** How the long loops round unit floats to samples; all three give the same samples. */
    enum Rounding {
        /** {@link #unit} per sample, with branches: the reference. */
        PLAIN,
        /** {@link #unitBranchFree}, whose loops JDK 21 and later vectorise. */
        BRANCH_FREE,
        /** {@link MagicRounding}: a row at a time without float-to-int casts, vectorised by JDK 17 too. */
        MAGIC
    }

    /**
     * The rounding the long loops use: from JDK 21 on, C2 vectorises {@link #unitBranchFree} (packing a row of
     * INT_RGB pixels takes 0.40 ns a pixel with it on JDK 25 against 2.36 with {@link #unit}); JDK 17 vectorises no
     * float-to-int cast, so there {@link MagicRounding} (1.3 ns a pixel against 2.5). JDK 18 to 20 were not at hand to
     * measure and take the JDK 17 way. Not final only so that tests can run every kind in one JVM.
     */
    static Rounding rounding = Runtime.version().feature() >= 21 ? Rounding.BRANCH_FREE : Rounding.MAGIC;

    /**
     * {@link #unit} without branches, for loops that vectorise: the same value for every float (NaN: both
     * comparisons of {@code Math.max} and {@code Math.min} keep it, and the cast gives 0). Adding 0.49999997f (the
     * float below 0.5) and truncating is {@link ComponentCodec#round}'s {@code floor(v + 0.5)} for every float in
     * 0..65536, checked one by one: adding 0.5f would round the sum for 0.49999997f itself up to 1.
     */
    static int unitBranchFree(float v, float max) {
        return (int) (Math.min(Math.max(v, 0f), 1f) * max + 0.49999997f);
    }

    /** The fastest access that fits the raster's layout. */
    static SampleRows of(WritableRaster raster) {
        SampleModel model = raster.getSampleModel();
        DataBuffer buffer = raster.getDataBuffer();
        if (model instanceof SinglePixelPackedSampleModel packed && buffer instanceof DataBufferInt ints
                && ints.getNumBanks() == 1) {
            return new PackedInts(raster, packed, ints);
        }
        if (model instanceof ComponentSampleModel component
                && (buffer instanceof DataBufferByte || buffer instanceof DataBufferUShort)) {
            return new Components(raster, component, buffer);
        }
        return new General(raster);
    }

    /** Any layout, through the raster's own accessors. */
    static final class General extends SampleRows {
        private final WritableRaster raster;

        General(WritableRaster raster) {
            super(raster.getNumBands());
            this.raster = raster;
        }

        @Override
        void get(int x, int y, int width, int[] samples) {
            raster.getPixels(x, y, width, 1, samples);
        }

        @Override
        void set(int x, int y, int width, int[] samples) {
            raster.setPixels(x, y, width, 1, samples);
        }
    }

    /** One int per pixel with a bit field per band: TYPE_INT_RGB, INT_ARGB, INT_ARGB_PRE, INT_BGR. */
    static final class PackedInts extends SampleRows {
        private final int[] data;
        private final int[] masks;
        private final int[] shifts;
        private final int origin;
        private final int stride;
        private final int translateX;
        private final int translateY;

        PackedInts(WritableRaster raster, SinglePixelPackedSampleModel model, DataBufferInt buffer) {
            super(model.getNumBands());
            this.data = buffer.getData();
            this.masks = model.getBitMasks();
            this.shifts = model.getBitOffsets();
            this.origin = buffer.getOffset();
            this.stride = model.getScanlineStride();
            // a raster made by createChild or getSubimage shares its parent's buffer at an offset
            this.translateX = raster.getSampleModelTranslateX();
            this.translateY = raster.getSampleModelTranslateY();
        }

        private int index(int x, int y) {
            return origin + (y - translateY) * stride + (x - translateX);
        }

        @Override
        void get(int x, int y, int width, int[] samples) {
            int p = index(x, y);
            int s = 0;
            for (int i = 0; i < width; i++) {
                int pixel = data[p + i];
                for (int b = 0; b < bands; b++) {
                    samples[s++] = (pixel & masks[b]) >>> shifts[b];
                }
            }
        }

        @Override
        void getUnit(int x, int y, int width, float[][] planes, int[] offsets, float[][] scale, int[] samples) {
            if (bands != 3 || planes[0] == null || planes[1] == null || planes[2] == null) {
                super.getUnit(x, y, width, planes, offsets, scale, samples);
                return;
            }
            int p = index(x, y);
            float[] r = planes[0];
            float[] g = planes[1];
            float[] b = planes[2];
            int or = offsets[0];
            int og = offsets[1];
            int ob = offsets[2];
            float[] tr = scale[0];
            float[] tg = scale[1];
            float[] tb = scale[2];
            int m0 = masks[0], m1 = masks[1], m2 = masks[2];
            int s0 = shifts[0], s1 = shifts[1], s2 = shifts[2];
            for (int i = 0; i < width; i++) {
                int pixel = data[p + i];
                r[or + i] = tr[(pixel & m0) >>> s0];
                g[og + i] = tg[(pixel & m1) >>> s1];
                b[ob + i] = tb[(pixel & m2) >>> s2];
            }
        }

        @Override
        void setUnit(int x, int y, int width, float[][] planes, int[] offsets, int[] max) {
            if (bands != 3 && bands != 4 || planes[0] == null || planes[1] == null || planes[2] == null) {
                super.setUnit(x, y, width, planes, offsets, max);
                return;
            }
            int p = index(x, y);
            float[] r = planes[0];
            float[] g = planes[1];
            float[] b = planes[2];
            int or = offsets[0];
            int og = offsets[1];
            int ob = offsets[2];
            float mr = max[0];
            float mg = max[1];
            float mb = max[2];
            int m0 = masks[0], m1 = masks[1], m2 = masks[2];
            int s0 = shifts[0], s1 = shifts[1], s2 = shifts[2];
            int fixed = 0;
            float[] a = null;
            int oa = 0;
            float ma = 0;
            if (bands == 4) {
                a = planes[3];
                oa = offsets[3];
                ma = max[3];
                fixed = a == null ? (max[3] << shifts[3]) & masks[3] : 0;
            }
            if (rounding == Rounding.MAGIC) {
                MagicRounding m = MagicRounding.forThisThread();
                int[] qr = m.samples(0, width);
                int[] qg = m.samples(1, width);
                int[] qb = m.samples(2, width);
                m.round(r, or, mr, qr, width);
                m.round(g, og, mg, qg, width);
                m.round(b, ob, mb, qb, width);
                int[] q = m.packed(width);
                if (a == null) {
                    for (int i = 0; i < width; i++) {
                        q[i] = (qr[i] << s0) & m0 | (qg[i] << s1) & m1 | (qb[i] << s2) & m2 | fixed;
                    }
                } else {
                    int[] qa = m.samples(3, width);
                    m.round(a, oa, ma, qa, width);
                    int m3 = masks[3];
                    int s3 = shifts[3];
                    for (int i = 0; i < width; i++) {
                        q[i] = (qr[i] << s0) & m0 | (qg[i] << s1) & m1 | (qb[i] << s2) & m2 | (qa[i] << s3) & m3;
                    }
                }
                // packed at offset 0 (a loop storing at another offset than it reads is not vectorised by JDK 17)
                System.arraycopy(q, 0, data, p, width);
                return;
            }
            boolean branchFree = rounding == Rounding.BRANCH_FREE;
            if (a == null) {
                if (branchFree) {
                    for (int i = 0; i < width; i++) {
                        data[p + i] = (unitBranchFree(r[or + i], mr) << s0) & m0
                                | (unitBranchFree(g[og + i], mg) << s1) & m1
                                | (unitBranchFree(b[ob + i], mb) << s2) & m2 | fixed;
                    }
                    return;
                }
                for (int i = 0; i < width; i++) {
                    data[p + i] = (unit(r[or + i], mr) << s0) & m0 | (unit(g[og + i], mg) << s1) & m1
                            | (unit(b[ob + i], mb) << s2) & m2 | fixed;
                }
                return;
            }
            int m3 = masks[3];
            int s3 = shifts[3];
            if (branchFree) {
                for (int i = 0; i < width; i++) {
                    data[p + i] = (unitBranchFree(r[or + i], mr) << s0) & m0
                            | (unitBranchFree(g[og + i], mg) << s1) & m1
                            | (unitBranchFree(b[ob + i], mb) << s2) & m2
                            | (unitBranchFree(a[oa + i], ma) << s3) & m3;
                }
                return;
            }
            for (int i = 0; i < width; i++) {
                data[p + i] = (unit(r[or + i], mr) << s0) & m0 | (unit(g[og + i], mg) << s1) & m1
                        | (unit(b[ob + i], mb) << s2) & m2 | (unit(a[oa + i], ma) << s3) & m3;
            }
        }

        @Override
        void set(int x, int y, int width, int[] samples) {
            int p = index(x, y);
            if (bands == 3) {
                // INT_RGB and INT_BGR, the usual results of enhance: unrolled for speed
                int m0 = masks[0], m1 = masks[1], m2 = masks[2];
                int s0 = shifts[0], s1 = shifts[1], s2 = shifts[2];
                for (int i = 0, s = 0; i < width; i++, s += 3) {
                    data[p + i] = (samples[s] << s0) & m0 | (samples[s + 1] << s1) & m1 | (samples[s + 2] << s2) & m2;
                }
                return;
            }
            int s = 0;
            for (int i = 0; i < width; i++) {
                int pixel = 0;
                for (int b = 0; b < bands; b++) {
                    pixel |= (samples[s++] << shifts[b]) & masks[b];
                }
                data[p + i] = pixel;
            }
        }
    }

    /**
     * One byte or ushort per sample at a fixed pixel stride: 3BYTE_BGR, 4BYTE_ABGR, BYTE_GRAY, USHORT_GRAY,
     * BYTE_INDEXED, and ImageIO's 16-bit and grey+alpha images; banded layouts too.
     */
    static final class Components extends SampleRows {
        private final byte[][] bytes;
        private final short[][] shorts;
        private final int[] sampleOffsets;
        private final int pixelStride;
        private final int stride;
        private final int translateX;
        private final int translateY;
        /** Rounded samples of one row and band; each instance serves one write, on one thread. */
        private int[] scratch = new int[0];

        Components(WritableRaster raster, ComponentSampleModel model, DataBuffer buffer) {
            super(model.getNumBands());
            int[] banks = model.getBankIndices();
            int[] bandOffsets = model.getBandOffsets();
            this.sampleOffsets = new int[bands];
            this.bytes = buffer instanceof DataBufferByte ? new byte[bands][] : null;
            this.shorts = buffer instanceof DataBufferUShort ? new short[bands][] : null;
            for (int b = 0; b < bands; b++) {
                sampleOffsets[b] = buffer.getOffsets()[banks[b]] + bandOffsets[b];
                if (bytes != null) {
                    bytes[b] = ((DataBufferByte) buffer).getData(banks[b]);
                } else {
                    shorts[b] = ((DataBufferUShort) buffer).getData(banks[b]);
                }
            }
            this.pixelStride = model.getPixelStride();
            this.stride = model.getScanlineStride();
            this.translateX = raster.getSampleModelTranslateX();
            this.translateY = raster.getSampleModelTranslateY();
        }

        private int index(int x, int y) {
            return (y - translateY) * stride + (x - translateX) * pixelStride;
        }

        @Override
        void get(int x, int y, int width, int[] samples) {
            int start = index(x, y);
            for (int b = 0; b < bands; b++) {
                int p = start + sampleOffsets[b];
                if (bytes != null) {
                    byte[] data = bytes[b];
                    for (int i = 0, s = b; i < width; i++, s += bands, p += pixelStride) {
                        samples[s] = data[p] & 0xFF;
                    }
                } else {
                    short[] data = shorts[b];
                    for (int i = 0, s = b; i < width; i++, s += bands, p += pixelStride) {
                        samples[s] = data[p] & 0xFFFF;
                    }
                }
            }
        }

        @Override
        void setUnit(int x, int y, int width, float[][] planes, int[] offsets, int[] max) {
            int start = index(x, y);
            for (int b = 0; b < bands; b++) {
                int p = start + sampleOffsets[b];
                float[] plane = planes[b];
                int o = offsets[b];
                float m = max[b];
                if (rounding != Rounding.PLAIN && plane != null) {
                    // rounded in loops that vectorise, then stored at the pixel stride (which does not)
                    int[] q;
                    if (rounding == Rounding.MAGIC) {
                        MagicRounding magic = MagicRounding.forThisThread();
                        q = magic.samples(0, width);
                        magic.round(plane, o, m, q, width);
                    } else {
                        if (scratch.length < width) {
                            scratch = new int[width];
                        }
                        q = scratch;
                        for (int i = 0; i < width; i++) {
                            q[i] = unitBranchFree(plane[o + i], m);
                        }
                    }
                    if (bytes != null) {
                        byte[] data = bytes[b];
                        for (int i = 0; i < width; i++, p += pixelStride) {
                            data[p] = (byte) q[i];
                        }
                    } else {
                        short[] data = shorts[b];
                        for (int i = 0; i < width; i++, p += pixelStride) {
                            data[p] = (short) q[i];
                        }
                    }
                    continue;
                }
                if (bytes != null) {
                    byte[] data = bytes[b];
                    for (int i = 0; i < width; i++, p += pixelStride) {
                        data[p] = (byte) (plane == null ? max[b] : unit(plane[o + i], m));
                    }
                } else {
                    short[] data = shorts[b];
                    for (int i = 0; i < width; i++, p += pixelStride) {
                        data[p] = (short) (plane == null ? max[b] : unit(plane[o + i], m));
                    }
                }
            }
        }

        @Override
        void set(int x, int y, int width, int[] samples) {
            int start = index(x, y);
            for (int b = 0; b < bands; b++) {
                int p = start + sampleOffsets[b];
                if (bytes != null) {
                    byte[] data = bytes[b];
                    for (int i = 0, s = b; i < width; i++, s += bands, p += pixelStride) {
                        data[p] = (byte) samples[s];
                    }
                } else {
                    short[] data = shorts[b];
                    for (int i = 0, s = b; i < width; i++, s += bands, p += pixelStride) {
                        data[p] = (short) samples[s];
                    }
                }
            }
        }
    }
}
