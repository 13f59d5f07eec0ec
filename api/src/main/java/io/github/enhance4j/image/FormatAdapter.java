package io.github.enhance4j.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.spi.ImageWriterSpi;

/**
 * Turns an image into one a file format can hold, changing as little as possible: see {@link ImageFiles} for
 * the rules. Images that need no change are returned as they are.
 */
final class FormatAdapter {

    private FormatAdapter() {
    }

    /**
     * The image to hand to the writer, or null when no layout the writer accepts can be made.
     */
    static BufferedImage prepare(BufferedImage image, FileFormat format, ImageWriterSpi writer) {
        BufferedImage result = image;
        if (result.getColorModel().isAlphaPremultiplied()) {
            // writers store samples as they are, and no format stores premultiplied colour
            result = ImageConversions.copy(result, unpremultipliedBlank(result), false);
        }
        if (format.needsSrgb() && !IccProfiles.isPlain(result)) {
            result = IccProfiles.toSrgb(result);
        }
        PixelFormat pixels = PixelFormat.of(result);
        boolean dropAlpha = pixels.hasAlpha() && !format.alpha;
        boolean narrow = pixels.bitsPerSample() == 16 && !format.sixteenBit;
        if (dropAlpha || narrow) {
            result = ImageConversions.copy(result, eightBitBlank(result, pixels.hasAlpha() && !dropAlpha), dropAlpha);
        }
        if (writer != null && !writer.canEncodeImage(result)) {
            result = toStandardEightBit(result, format, writer);
        }
        return result;
    }

    /**
     * A copy in the first standard 8-bit type the writer accepts, other than the image's own type, converted to
     * sRGB; null if there is none. Used when a writer refuses or fails on a layout.
     */
    static BufferedImage toStandardEightBit(BufferedImage image, FileFormat format, ImageWriterSpi writer) {
        PixelFormat pixels = PixelFormat.of(image);
        BufferedImage source = IccProfiles.isPlain(image) ? image : IccProfiles.toSrgb(image);
        int[] candidates = pixels.colorChannels() == 1
                ? new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR,
                    BufferedImage.TYPE_BYTE_BINARY}
                : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
                    BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_BINARY};
        for (int type : candidates) {
            boolean typeHasAlpha = type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_4BYTE_ABGR;
            if (typeHasAlpha && !(pixels.hasAlpha() && format.alpha)) {
                continue;
            }
            if (type == image.getType() || !writer.canEncodeImage(ImageTypeSpecifier.createFromBufferedImageType(type))) {
                continue;
            }
            BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), type);
            return ImageConversions.copy(source, target, pixels.hasAlpha() && !typeHasAlpha);
        }
        return null;
    }

    private static BufferedImage unpremultipliedBlank(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        int w = image.getWidth();
        int h = image.getHeight();
        if (cm instanceof DirectColorModel) {
            return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        }
        ColorModel straight = new ComponentColorModel(cm.getColorSpace(), true, false, Transparency.TRANSLUCENT,
                cm.getTransferType());
        return new BufferedImage(straight, straight.createCompatibleWritableRaster(w, h), false, null);
    }

    /** A blank 8-bit image in the same colour space and channels, with or without alpha. */
    static BufferedImage eightBitBlank(BufferedImage image, boolean alpha) {
        PixelFormat pixels = PixelFormat.of(image);
        int w = image.getWidth();
        int h = image.getHeight();
        ColorSpace space = pixels.colorSpace();
        boolean grey = pixels.colorChannels() == 1;
        if (grey && !alpha && space == ColorSpace.getInstance(ColorSpace.CS_GRAY)) {
            return new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        }
        if (!grey && space.isCS_sRGB()) {
            return new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        }
        ColorModel cm = new ComponentColorModel(space, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
    }
}
