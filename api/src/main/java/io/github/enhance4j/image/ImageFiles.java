package io.github.enhance4j.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Reading and writing image files through ImageIO, with what a careful application wants and ImageIO lacks:
 * EXIF orientation applied, a pixel limit checked before decoding, atomic writes, ICC profiles kept where the
 * format allows, and specific exceptions.
 */
public final class ImageFiles {
    // STUB: implemented by the image-files work; signatures are the contract.

    public static final long DEFAULT_MAX_PIXELS = 178_956_970L;

    private ImageFiles() {
    }

    /** Reads with the default pixel limit, applying EXIF orientation. */
    public static BufferedImage read(Path path) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static BufferedImage read(Path path, long maxPixels) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Writes atomically, in the format named by the file's extension. */
    public static void write(BufferedImage image, Path path) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
