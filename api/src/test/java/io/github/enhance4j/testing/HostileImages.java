package io.github.enhance4j.testing;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Broken, hostile and unusual image files, generated with the JDK's own encoders and patched byte by byte, so that
 * no fixture has to come from elsewhere. Shared with the samples module through the api test-jar.
 */
public final class HostileImages {

    /** The formats every JDK can both write and read. */
    public static final List<String> FORMATS = List.of("png", "jpeg", "gif", "bmp", "tiff");

    /** The largest size a 16-bit header field can declare, the classic decompression-bomb header. */
    public static final int BOMB_SIDE = 65535;

    private HostileImages() {
    }

    /** Reproducible noise, so that every byte of the encoded file matters to the decoded pixels. */
    public static BufferedImage noise(int width, int height, int type, long seed) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt() | 0xFF000000);
            }
        }
        return image;
    }

    /** A small valid image in {@code format}. */
    public static byte[] valid(String format) {
        return encode(noise(24, 16, BufferedImage.TYPE_INT_RGB, format.hashCode()), format);
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no ImageIO writer for " + format + " takes " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The first {@code keep} bytes, as an interrupted download or copy leaves them. */
    public static byte[] truncated(byte[] bytes, int keep) {
        return Arrays.copyOf(bytes, keep);
    }

    /** {@code flips} single-bit errors at random positions, reproducible from {@code seed}. */
    public static byte[] bitFlipped(byte[] bytes, int flips, long seed) {
        byte[] copy = bytes.clone();
        Random random = new Random(seed);
        for (int i = 0; i < flips; i++) {
            int position = random.nextInt(copy.length);
            copy[position] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    /**
     * A small valid file of {@code format} whose header is patched to declare {@code width x height}: what a
     * decompression bomb looks like to a decoder before it allocates.
     */
    public static byte[] declaring(String format, int width, int height) {
        byte[] bytes = valid(format);
        switch (format) {
            case "png":
                return pngDeclaring(bytes, width, height);
            case "jpeg":
                return jpegDeclaring(bytes, width, height);
            case "gif":
                return gifDeclaring(bytes, width, height);
            case "bmp":
                return bmpDeclaring(bytes, width, height);
            case "tiff":
                return tiffDeclaring(bytes, width, height);
            default:
                throw new IllegalArgumentException("no header patcher for " + format);
        }
    }

    private static byte[] pngDeclaring(byte[] png, int width, int height) {
        // IHDR is the first chunk: length at 8, type at 12, width at 16, height at 20, CRC (of type + data) at 29
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    private static byte[] jpegDeclaring(byte[] jpeg, int width, int height) {
        requireShort(width, height);
        for (int i = 2; i + 8 < jpeg.length; i++) {
            // SOF0..SOF2: FF Cx, length (2), precision (1), height (2), width (2)
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) >= 0xC0 && (jpeg[i + 1] & 0xFF) <= 0xC2) {
                ByteBuffer.wrap(jpeg).putShort(i + 5, (short) height).putShort(i + 7, (short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF marker");
    }

    private static byte[] gifDeclaring(byte[] gif, int width, int height) {
        requireShort(width, height);
        ByteBuffer b = ByteBuffer.wrap(gif).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(6, (short) width).putShort(8, (short) height); // logical screen
        int flags = gif[10] & 0xFF;
        int pos = 13 + ((flags & 0x80) != 0 ? 3 << ((flags & 7) + 1) : 0);
        while (gif[pos] == 0x21) { // extension blocks: introducer, label, then sub-blocks until a 0 length
            pos += 2;
            while (gif[pos] != 0) {
                pos += (gif[pos] & 0xFF) + 1;
            }
            pos++;
        }
        if (gif[pos] != 0x2C) {
            throw new IllegalStateException("no image descriptor at " + pos);
        }
        b.putShort(pos + 5, (short) width).putShort(pos + 7, (short) height);
        return gif;
    }

    private static byte[] bmpDeclaring(byte[] bmp, int width, int height) {
        // BITMAPINFOHEADER after the 14-byte file header: size (4), width (4), height (4), ..., image size at 34,
        // which may be 0 for uncompressed data and otherwise lets decoders see the lie at once
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(18, width).putInt(22, height).putInt(34, 0);
        return bmp;
    }

    private static byte[] tiffDeclaring(byte[] tiff, int width, int height) {
        ByteBuffer b = ByteBuffer.wrap(tiff)
                .order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int entries = b.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            int tag = b.getShort(entry) & 0xFFFF;
            int type = b.getShort(entry + 2);
            if (tag == 256 || tag == 257) { // ImageWidth, ImageLength
                int value = tag == 256 ? width : height;
                if (type == 3) { // SHORT, left-justified in the value field
                    requireShort(width, height);
                    b.putShort(entry + 8, (short) value);
                } else {
                    b.putInt(entry + 8, value);
                }
            }
        }
        return tiff;
    }

    private static void requireShort(int width, int height) {
        if (width > 0xFFFF || height > 0xFFFF) {
            throw new IllegalArgumentException("this header holds 16-bit sizes only");
        }
    }

    /**
     * A CMYK JPEG (Adobe APP14 marker, transform 0) or a YCCK one (transform 2), written from a 4-band raster with
     * the JDK's encoder. {@code c} is the value of the first plane, the others are 0.
     */
    public static byte[] cmykJpeg(int width, int height, boolean ycck) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, 200);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] plain = bytes.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
            (byte) (ycck ? 2 : 0)};
        byte[] marked = new byte[plain.length + adobe.length];
        System.arraycopy(plain, 0, marked, 0, 2); // after SOI
        System.arraycopy(adobe, 0, marked, 2, adobe.length);
        System.arraycopy(plain, 2, marked, 2 + adobe.length, plain.length - 2);
        return marked;
    }

    /** A 4-colour palette image whose index 0 is fully transparent, for PNG (tRNS) and GIF. */
    public static BufferedImage paletteWithTransparency(int width, int height) {
        byte[] r = {0, (byte) 255, 0, 0};
        byte[] g = {0, 0, (byte) 255, 0};
        byte[] b = {0, 0, 0, (byte) 255};
        IndexColorModel palette = new IndexColorModel(2, 4, r, g, b, 0);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, (x + y) % 4);
            }
        }
        return image;
    }

    /** Two frames, red then blue. */
    public static byte[] animatedGif(int width, int height) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int rgb : new int[] {0xFF0000, 0x0000FF}) {
                BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        frame.setRGB(x, y, rgb);
                    }
                }
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
