package io.github.enhance4j.image;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** See {@link Degradation#jpeg(int)}. */
final class JpegDegradation implements Degradation {

    private final int quality;

    JpegDegradation(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1 to 100, got " + quality);
        }
        this.quality = quality;
    }

    @Override
    public FloatImage apply(FloatImage image, Random random) {
        Objects.requireNonNull(image, "image");
        BufferedImage decoded = decode(encode(toEightBit(image)));
        FloatImage out = fromEightBit(decoded, image.channels());
        if (image.hasAlpha()) {
            return new FloatImage(out.width(), out.height(), out.channels(), out.colorData(),
                    image.alphaData().clone());
        }
        return out;
    }

    private byte[] encode(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JDK has no ImageIO JPEG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // in memory: ImageIO's default stream caches through a temporary file, a large part of the cost of a tile
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage decode(byte[] jpeg) {
        // what ImageIO.read does, less its temporary-file cache
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new IllegalStateException("ImageIO could not decode the JPEG it had just written");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                return reader.read(0, reader.getDefaultReadParam());
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JPEG decoding failed", e);
        }
    }

    /** Grey to TYPE_BYTE_GRAY, colour to TYPE_3BYTE_BGR (alpha dropped: JPEG has none), rounded to 8 bits. */
    static BufferedImage toEightBit(FloatImage image) {
        int w = image.width();
        int h = image.height();
        int channels = image.channels();
        BufferedImage out = new BufferedImage(w, h,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster raster = out.getRaster();
        float[] data = image.colorData();
        int plane = w * h;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = data[c * plane + y * w + x];
                    float clamped = v >= 0f ? (v <= 1f ? v : 1f) : 0f;
                    // raster bands are in R, G, B order whatever the byte layout
                    raster.setSample(x, y, c, Math.round(clamped * 255f));
                }
            }
        }
        return out;
    }

    /** Samples of the first {@code channels} raster bands, divided by 255. */
    static FloatImage fromEightBit(BufferedImage image, int channels) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getRaster().getNumBands() < channels) {
            throw new IllegalStateException("decoded JPEG has " + image.getRaster().getNumBands()
                    + " bands, expected " + channels);
        }
        FloatImage out = new FloatImage(w, h, channels, false);
        float[] data = out.colorData();
        int plane = w * h;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    data[c * plane + y * w + x] = image.getRaster().getSample(x, y, c) / 255f;
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "jpeg(" + quality + ")";
    }
}
