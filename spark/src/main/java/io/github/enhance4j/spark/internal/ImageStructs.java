package io.github.enhance4j.spark.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark's image schema ({@code spark.read.format("image")}): a struct of {@code origin}, {@code height},
 * {@code width}, {@code nChannels}, {@code mode} and {@code data}, the pixels as rows of 8-bit samples in OpenCV's
 * order (grey; blue, green, red; or blue, green, red, alpha).
 */
public final class ImageStructs {

    /** Field positions within one image struct, found once per schema. */
    public record Fields(int origin, int height, int width, int nChannels, int data) implements java.io.Serializable {
    }

    private ImageStructs() {
    }

    /**
     * Whether a column type is an image struct: it has the fields this class reads, with their types (extra fields
     * are allowed).
     *
     * @param type a column's type
     * @return the field positions, or {@code null} if it is not an image struct
     */
    public static Fields fields(DataType type) {
        if (!(type instanceof StructType struct)) {
            return null;
        }
        int origin = index(struct, "origin", StringType.class);
        int height = index(struct, "height", IntegerType.class);
        int width = index(struct, "width", IntegerType.class);
        int channels = index(struct, "nChannels", IntegerType.class);
        int data = index(struct, "data", BinaryType.class);
        if (height < 0 || width < 0 || channels < 0 || data < 0) {
            return null;
        }
        return new Fields(origin, height, width, channels, data);
    }

    private static int index(StructType struct, String name, Class<? extends DataType> type) {
        StructField[] fields = struct.fields();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().equals(name) && type.isInstance(fields[i].dataType())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Makes an image of an image struct's pixels: grey, BGR or ABGR, 8 bits per sample.
     *
     * @param width     columns
     * @param height    rows
     * @param nChannels 1, 3 or 4
     * @param data      {@code height * width * nChannels} samples, row by row
     * @return a new image holding a copy of the samples
     * @throws IllegalArgumentException if the numbers do not fit together
     */
    public static BufferedImage toImage(int width, int height, int nChannels, byte[] data) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("the image struct is " + width + "x" + height
                    + "; width and height must be positive");
        }
        long expected = (long) width * height * nChannels;
        if (nChannels != 1 && nChannels != 3 && nChannels != 4) {
            throw new IllegalArgumentException("the image struct has nChannels=" + nChannels
                    + "; 1 (grey), 3 (BGR) or 4 (BGRA) are supported");
        }
        if (data == null || data.length != expected) {
            throw new IllegalArgumentException("the image struct's data has " + (data == null ? 0 : data.length)
                    + " bytes where width x height x nChannels = " + width + " x " + height + " x " + nChannels
                    + " = " + expected);
        }
        int type = switch (nChannels) {
            case 1 -> BufferedImage.TYPE_BYTE_GRAY;
            case 3 -> BufferedImage.TYPE_3BYTE_BGR;
            default -> BufferedImage.TYPE_4BYTE_ABGR;
        };
        BufferedImage image = new BufferedImage(width, height, type);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        if (nChannels == 4) {
            // OpenCV's B, G, R, A to Java's A, B, G, R
            for (int i = 0; i < data.length; i += 4) {
                target[i] = data[i + 3];
                target[i + 1] = data[i];
                target[i + 2] = data[i + 1];
                target[i + 3] = data[i + 2];
            }
        } else {
            // the layouts agree: grey, or B, G, R per pixel
            System.arraycopy(data, 0, target, 0, data.length);
        }
        return image;
    }
}
