package io.github.enhance4j.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Colour-space questions asked when writing files: is an image plain sRGB or grey, conversion to sRGB, and
 * embedding ICC profiles, which the JDK's PNG, JPEG and TIFF writers leave out unless given in the metadata.
 */
final class IccProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(IccProfiles.class);
    private static final String PNG_FORMAT = "javax_imageio_png_1.0";
    private static final String JPEG_FORMAT = "javax_imageio_jpeg_image_1.0";

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

    /**
     * Image metadata that carries the image's ICC profile, for PNG (iCCP chunk), JPEG (APP2 ICC_PROFILE) and
     * TIFF (tag 34675); null when the image is plain sRGB or grey, the format has no profile, or embedding fails
     * (logged as a warning, since the file is still usable).
     */
    static IIOMetadata metadataWithProfile(ImageWriter writer, BufferedImage image, ImageWriteParam param,
            FileFormat format) {
        ColorSpace space = image.getColorModel().getColorSpace();
        if (!format.iccProfile || isPlain(image) || !(space instanceof ICC_ColorSpace icc)) {
            return null;
        }
        try {
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            byte[] profile = icc.getProfile().getData();
            return switch (format) {
                case PNG -> withPngProfile(metadata, profile);
                case JPEG -> withJpegProfile(metadata, icc);
                case TIFF -> withTiffProfile(metadata, profile);
                default -> null;
            };
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot embed the {} colour profile in the {} file; viewers will show it as sRGB: {}",
                    describe(space), format, e.toString());
            return null;
        }
    }

    private static IIOMetadata withPngProfile(IIOMetadata metadata, byte[] profile) throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
            out.write(profile);
        }
        IIOMetadataNode iccp = new IIOMetadataNode("iCCP");
        iccp.setAttribute("profileName", "ICC profile");
        iccp.setAttribute("compressionMethod", "deflate");
        // the JDK writer copies this user object into the chunk as it is, so it must be deflated already
        iccp.setUserObject(deflated.toByteArray());
        IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
        root.appendChild(iccp);
        metadata.mergeTree(PNG_FORMAT, root);
        return metadata;
    }

    private static IIOMetadata withJpegProfile(IIOMetadata metadata, ICC_ColorSpace space) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_FORMAT);
        if (root.getElementsByTagName("app0JFIF").getLength() == 0) {
            throw new IOException("the JPEG writer produces no JFIF header to attach the profile to");
        }
        IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
        IIOMetadataNode icc = new IIOMetadataNode("app2ICC");
        icc.setUserObject(space.getProfile());
        jfif.appendChild(icc);
        metadata.setFromTree(JPEG_FORMAT, root);
        return metadata;
    }

    private static IIOMetadata withTiffProfile(IIOMetadata metadata, byte[] profile) throws IOException {
        TIFFDirectory directory = TIFFDirectory.createFromMetadata(metadata);
        TIFFTag tag = BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_ICC_PROFILE);
        directory.addTIFFField(new TIFFField(tag, TIFFTag.TIFF_UNDEFINED, profile.length, profile));
        return directory.getAsMetadata();
    }
}
