package io.github.enhance4j.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.Objects;

/**
 * How a {@link BufferedImage} stores its pixels, reduced to what enhancement must preserve: grey or colour,
 * alpha or not, 8 or 16 bits per sample, and the colour space (ICC profile). Output images are created in the
 * same format as their input, so grey stays grey, 16-bit stays 16-bit and alpha stays alpha.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PixelFormat {

    /** How {@link Pixels} gets at the samples of an image of this format. */
    enum Kind {
        /** One integer sample per band in the colour model's component order (packed or not). */
        COMPONENTS,
        /** Indices into a palette. */
        PALETTE,
        /** Anything else (CMYK, float samples, ...), through {@link BufferedImage#getRGB} as 8-bit sRGB. */
        ARGB
    }

    private final Kind kind;
    private final int imageType;
    /** The colour model new images are made from, for {@link BufferedImage#TYPE_CUSTOM} only. */
    private final ColorModel customModel;
    private final int colorChannels;
    private final boolean alpha;
    private final int bitsPerSample;
    private final boolean premultiplied;
    private final ColorSpace colorSpace;

    private PixelFormat(Kind kind, int imageType, ColorModel customModel, int colorChannels, boolean alpha,
            int bitsPerSample, boolean premultiplied, ColorSpace colorSpace) {
        this.kind = kind;
        this.imageType = imageType;
        this.customModel = customModel;
        this.colorChannels = colorChannels;
        this.alpha = alpha;
        this.bitsPerSample = bitsPerSample;
        this.premultiplied = premultiplied;
        this.colorSpace = colorSpace;
    }

    /**
     * The format of {@code image}.
     *
     * @param image any image
     * @return its format; never fails, unusual layouts are described as 8-bit sRGB
     */
    public static PixelFormat of(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        ColorModel cm = image.getColorModel();
        ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
        return switch (kindOf(cm)) {
            case COMPONENTS -> new PixelFormat(Kind.COMPONENTS, image.getType(),
                    image.getType() == BufferedImage.TYPE_CUSTOM ? cm : null, cm.getNumColorComponents(),
                    cm.hasAlpha(), maxComponentSize(cm) <= 8 ? 8 : 16, cm.isAlphaPremultiplied(),
                    cm.getColorSpace());
            case PALETTE -> {
                boolean transparent = hasTransparentEntry((IndexColorModel) cm);
                yield new PixelFormat(Kind.PALETTE,
                        transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB, null, 3,
                        transparent, 8, false, srgb);
            }
            case ARGB -> new PixelFormat(Kind.ARGB,
                    cm.hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB, null, 3, cm.hasAlpha(),
                    8, false, srgb);
        };
    }

    static Kind kindOf(ColorModel cm) {
        if (cm instanceof IndexColorModel) {
            return Kind.PALETTE;
        }
        boolean layoutKnown = cm instanceof DirectColorModel || cm instanceof ComponentColorModel;
        int transfer = cm.getTransferType();
        boolean integral = transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT
                || transfer == DataBuffer.TYPE_INT;
        int spaceType = cm.getColorSpace().getType();
        boolean greyOrRgb = (spaceType == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1)
                || (spaceType == ColorSpace.TYPE_RGB && cm.getNumColorComponents() == 3);
        // above 16 bits a sample no longer fits the exact 0..1 float grid this class promises
        return layoutKnown && integral && greyOrRgb && maxComponentSize(cm) <= 16 ? Kind.COMPONENTS : Kind.ARGB;
    }

    private static int maxComponentSize(ColorModel cm) {
        return Arrays.stream(cm.getComponentSize()).max().orElse(8);
    }

    private static boolean hasTransparentEntry(IndexColorModel palette) {
        for (int i = 0; i < palette.getMapSize(); i++) {
            if (palette.getAlpha(i) != 255) {
                return true;
            }
        }
        return false;
    }

    /** {@return the number of colour channels: 1 for grey, 3 for colour} */
    public int colorChannels() {
        return colorChannels;
    }

    /** {@return whether images of this format have an alpha channel} */
    public boolean hasAlpha() {
        return alpha;
    }

    /**
     * {@return the bits per sample, 8 or 16} Samples of up to 8 bits (including 1-bit palettes and 5-bit 565 fields)
     * count as 8.
     */
    public int bitsPerSample() {
        return bitsPerSample;
    }

    /**
     * {@return whether colour samples are stored multiplied by alpha} {@link Pixels} hides this: reads unpremultiply.
     */
    public boolean isAlphaPremultiplied() {
        return premultiplied;
    }

    /** {@return the colour space images of this format are in; sRGB for palettes and other images read as sRGB} */
    public ColorSpace colorSpace() {
        return colorSpace;
    }

    Kind kind() {
        return kind;
    }

    /**
     * A new, blank image of this format and the given size. Palette (indexed) images produce true-colour images
     * (a network makes colours the palette lacks): INT_RGB, or INT_ARGB when the palette has transparency.
     * Custom layouts (as ImageIO makes for 16-bit and grey+alpha PNGs) are created from the same colour model,
     * so the colour space and its ICC profile carry over.
     *
     * @param width  the width in pixels
     * @param height the height in pixels
     * @return the new image
     */
    public BufferedImage createImage(int width, int height) {
        if (customModel == null) {
            return new BufferedImage(width, height, imageType);
        }
        WritableRaster raster = customModel.createCompatibleWritableRaster(width, height);
        return new BufferedImage(customModel, raster, customModel.isAlphaPremultiplied(), null);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PixelFormat other)) {
            return false;
        }
        return kind == other.kind && imageType == other.imageType && colorChannels == other.colorChannels
                && alpha == other.alpha && bitsPerSample == other.bitsPerSample
                && premultiplied == other.premultiplied && sameLayout(customModel, other.customModel)
                && sameColorSpace(colorSpace, other.colorSpace);
    }

    private static boolean sameLayout(ColorModel a, ColorModel b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.getClass() == b.getClass() && a.getTransferType() == b.getTransferType()
                && Arrays.equals(a.getComponentSize(), b.getComponentSize());
    }

    /** ColorSpace has identity equality; two ICC spaces read from two files with one profile are the same. */
    private static boolean sameColorSpace(ColorSpace a, ColorSpace b) {
        if (a == b) {
            return true;
        }
        return a instanceof ICC_ColorSpace iccA && b instanceof ICC_ColorSpace iccB
                && Arrays.equals(iccA.getProfile().getData(), iccB.getProfile().getData());
    }

    @Override
    public int hashCode() {
        // the colour space is left out: equal spaces need not be equal objects
        return Objects.hash(kind, imageType, colorChannels, alpha, bitsPerSample, premultiplied);
    }

    @Override
    public String toString() {
        return "PixelFormat[" + (colorChannels == 1 ? "grey" : "RGB") + (alpha ? "+alpha" : "")
                + (premultiplied ? " premultiplied" : "") + ", " + bitsPerSample + "-bit, "
                + IccProfiles.describe(colorSpace) + ", " + typeName() + "]";
    }

    private String typeName() {
        return switch (kind) {
            case PALETTE -> "from palette";
            case ARGB -> "converted to sRGB";
            case COMPONENTS -> customModel != null ? "custom" : standardTypeName(imageType);
        };
    }

    private static String standardTypeName(int type) {
        return switch (type) {
            case BufferedImage.TYPE_INT_RGB -> "INT_RGB";
            case BufferedImage.TYPE_INT_ARGB -> "INT_ARGB";
            case BufferedImage.TYPE_INT_ARGB_PRE -> "INT_ARGB_PRE";
            case BufferedImage.TYPE_INT_BGR -> "INT_BGR";
            case BufferedImage.TYPE_3BYTE_BGR -> "3BYTE_BGR";
            case BufferedImage.TYPE_4BYTE_ABGR -> "4BYTE_ABGR";
            case BufferedImage.TYPE_4BYTE_ABGR_PRE -> "4BYTE_ABGR_PRE";
            case BufferedImage.TYPE_USHORT_565_RGB -> "USHORT_565_RGB";
            case BufferedImage.TYPE_USHORT_555_RGB -> "USHORT_555_RGB";
            case BufferedImage.TYPE_BYTE_GRAY -> "BYTE_GRAY";
            case BufferedImage.TYPE_USHORT_GRAY -> "USHORT_GRAY";
            default -> "type " + type;
        };
    }
}
