package io.github.enhance4j.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;

/**
 * Palette images (BYTE_INDEXED, BYTE_BINARY with 1, 2 or 4 bits): reads indices from the raster and looks their
 * colours up, so a palette is read as true colour, with alpha when any entry is not opaque. Writes go through
 * {@code setRGB}, which chooses the closest entry.
 */
final class PaletteCodec extends ArgbCodec {

    private final SampleRows rows;
    private final int[] palette;
    private final boolean transparent;

    PaletteCodec(BufferedImage image, IndexColorModel model) {
        super(image);
        this.rows = SampleRows.of(image.getRaster());
        PixelFormat format = PixelFormat.of(image);
        this.transparent = format.hasAlpha();
        // a raster can hold indices beyond the map; those read as transparent black (zero) rather than failing
        this.palette = new int[1 << model.getPixelSize()];
        model.getRGBs(palette);
    }

    @Override
    boolean hasAlpha() {
        return transparent;
    }

    @Override
    void read(int x, int y, FloatImage target) {
        int width = target.width();
        int[] indices = new int[width * rows.bands];
        int[] argb = new int[width];
        for (int row = 0; row < target.height(); row++) {
            rows.get(x, y + row, width, indices);
            for (int i = 0; i < width; i++) {
                argb[i] = palette[indices[i]];
            }
            unpack(argb, row * width, target);
        }
    }
}
