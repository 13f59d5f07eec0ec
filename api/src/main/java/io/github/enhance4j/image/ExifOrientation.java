package io.github.enhance4j.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EXIF orientation of JPEG files (tag 0x0112 of IFD0), found by walking the JPEG markers, and its
 * application to a decoded image. Cameras store pixels as the sensor saw them and record how to turn them;
 * ImageIO ignores that, so without this a portrait photo comes out lying on its side.
 */
final class ExifOrientation {

    private static final Logger LOG = LoggerFactory.getLogger(ExifOrientation.class);

    /** The orientation that needs no change. */
    static final int NORMAL = 1;

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifOrientation() {
    }

    /**
     * The orientation recorded in a JPEG stream, 1 to 8, or {@link #NORMAL} when there is none or it cannot be
     * parsed. Reads from the start of the stream and leaves it at the start in big-endian order.
     */
    static int read(ImageInputStream jpeg, String source) {
        try {
            jpeg.seek(0);
            jpeg.setByteOrder(ByteOrder.BIG_ENDIAN);
            byte[] exif = findExifSegment(jpeg);
            return exif == null ? NORMAL : parse(exif);
        } catch (IOException | RuntimeException e) {
            // a damaged EXIF block must not cost the user the picture
            LOG.debug("Ignoring unreadable EXIF orientation in {}: {}", source, e.toString());
            return NORMAL;
        } finally {
            try {
                jpeg.seek(0);
            } catch (IOException e) {
                LOG.debug("Cannot rewind {} after reading EXIF", source, e);
            }
        }
    }

    /** The payload of the first APP1 segment that starts with "Exif\0\0", or null. Stops at the image data. */
    private static byte[] findExifSegment(ImageInputStream in) throws IOException {
        if (in.readUnsignedShort() != 0xFFD8) {
            return null;
        }
        while (true) {
            int prefix = in.read();
            if (prefix < 0) {
                return null;
            }
            if (prefix != 0xFF) {
                throw new IOException("expected a JPEG marker, found byte " + prefix);
            }
            int marker = in.read();
            while (marker == 0xFF) {
                marker = in.read(); // fill bytes
            }
            if (marker < 0 || marker == 0xDA || marker == 0xD9) {
                return null; // start of scan or end of image: the headers are over
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length
            }
            int length = in.readUnsignedShort() - 2;
            if (length < 0) {
                throw new IOException("JPEG segment length below 2");
            }
            if (marker == 0xE1 && length >= EXIF_HEADER.length) {
                byte[] payload = new byte[length];
                in.readFully(payload);
                if (Arrays.equals(payload, 0, EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length)) {
                    return payload;
                }
            } else {
                in.skipBytes(length);
            }
        }
    }

    /**
     * The orientation in an APP1 payload ("Exif\0\0" then a TIFF structure), {@link #NORMAL} if it has none.
     *
     * @throws IllegalArgumentException if the TIFF structure is malformed
     */
    static int parse(byte[] app1) {
        int tiff = EXIF_HEADER.length;
        TiffBytes bytes = new TiffBytes(app1, tiff);
        if (bytes.u16(2) != 42) {
            throw new IllegalArgumentException("TIFF magic number is not 42");
        }
        long ifd0 = bytes.u32(4);
        int entries = bytes.u16(ifd0);
        for (int i = 0; i < entries; i++) {
            long entry = ifd0 + 2 + 12L * i;
            if (bytes.u16(entry) == ORIENTATION_TAG) {
                if (bytes.u16(entry + 2) != TYPE_SHORT) {
                    throw new IllegalArgumentException("orientation tag is not a SHORT");
                }
                int orientation = bytes.u16(entry + 8);
                if (orientation < 1 || orientation > 8) {
                    throw new IllegalArgumentException("orientation " + orientation + " is not 1..8");
                }
                return orientation;
            }
        }
        return NORMAL;
    }

    /** Unsigned reads from a TIFF structure in its own byte order, with bounds checks. */
    private static final class TiffBytes {
        private final byte[] data;
        private final int start;
        private final boolean littleEndian;

        TiffBytes(byte[] data, int start) {
            this.data = data;
            this.start = start;
            if (data.length < start + 8) {
                throw new IllegalArgumentException("EXIF block too short for a TIFF header");
            }
            if (data[start] == 'I' && data[start + 1] == 'I') {
                littleEndian = true;
            } else if (data[start] == 'M' && data[start + 1] == 'M') {
                littleEndian = false;
            } else {
                throw new IllegalArgumentException("unknown TIFF byte order");
            }
        }

        int u16(long offset) {
            int at = position(offset, 2);
            int a = data[at] & 0xFF;
            int b = data[at + 1] & 0xFF;
            return littleEndian ? b << 8 | a : a << 8 | b;
        }

        long u32(long offset) {
            long high = u16(offset);
            long low = u16(offset + 2);
            return littleEndian ? low << 16 | high : high << 16 | low;
        }

        private int position(long offset, int size) {
            if (offset < 0 || start + offset + size > data.length) {
                throw new IllegalArgumentException("EXIF offset " + offset + " points outside the block");
            }
            return (int) (start + offset);
        }
    }

    /**
     * The image turned upright as orientation {@code orientation} prescribes, in the same colour model (palette,
     * depth and colour space included). Orientation {@link #NORMAL} returns {@code image} itself.
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation == NORMAL) {
            return image;
        }
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation must be 1..8, got " + orientation);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        // 5 to 8 swap the axes: each source row becomes a target column
        boolean transposed = orientation >= 5;
        boolean reverseRow = orientation == 2 || orientation == 3 || orientation == 7 || orientation == 8;
        boolean lastLineFirst = orientation == 3 || orientation == 4 || orientation == 6 || orientation == 7;
        ColorModel cm = image.getColorModel();
        WritableRaster target = cm.createCompatibleWritableRaster(transposed ? h : w, transposed ? w : h);
        Raster source = image.getRaster();
        int elements = source.getNumDataElements();
        Object row = null;
        Object reversed = null;
        for (int y = 0; y < h; y++) {
            row = source.getDataElements(0, y, w, 1, row);
            Object line = row;
            if (reverseRow) {
                reversed = reversed == null ? source.getDataElements(0, y, w, 1, null) : reversed;
                for (int x = 0; x < w; x++) {
                    System.arraycopy(row, x * elements, reversed, (w - 1 - x) * elements, elements);
                }
                line = reversed;
            }
            int to = lastLineFirst ? h - 1 - y : y;
            if (transposed) {
                target.setDataElements(to, 0, 1, w, line);
            } else {
                target.setDataElements(0, to, w, 1, line);
            }
        }
        return new BufferedImage(cm, target, cm.isAlphaPremultiplied(), null);
    }
}
