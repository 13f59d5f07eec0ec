package io.github.enhance4j.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;

/** Colour-space questions asked when writing files: is an image plain sRGB or grey, and conversion to sRGB. */
final class IccProfiles {

    private IccProfiles() {
    }

    /** A short name for messages and {@code toString}. */
    static String describe(ColorSpace space) {
        if (space == ColorSpace.getInstance(ColorSpace.CS_sRGB) || space.isCS_sRGB()) {
            return "sRGB";
        }
        if (space == ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB)) {
            return "linear RGB";
        }
        if (space == ColorSpace.getInstance(ColorSpace.CS_GRAY)) {
            return "grey";
        }
        String family = switch (space.getType()) {
            case ColorSpace.TYPE_RGB -> "RGB";
            case ColorSpace.TYPE_GRAY -> "grey";
            case ColorSpace.TYPE_CMYK -> "CMYK";
            default -> space.getNumComponents() + "-component";
        };
        return space instanceof ICC_ColorSpace ? "ICC " + family : family;
    }

    /**
     * Whether a file format without colour management shows the image's samples as they are meant: true for
     * sRGB and for Java's built-in grey space, which is what ImageIO gives every grey file, managed or not.
     */
    static boolean isPlain(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel) {
            return true;
        }
        ColorSpace space = cm.getColorSpace();
        return space.isCS_sRGB() || space == ColorSpace.getInstance(ColorSpace.CS_GRAY);
    }

    /** An 8-bit sRGB copy (INT_RGB, or INT_ARGB with alpha) converted through the colour management system. */
    static BufferedImage toSrgb(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(image, target);
        return target;
    }
}
