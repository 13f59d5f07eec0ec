package io.github.enhance4j.internal;

import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Pixels;

import java.awt.image.BufferedImage;

/**
 * Where the 8x8 blocks of a JPEG-compressed picture lie, found from its pixels alone.
 *
 * <p>A JPEG file's blocks start at its corner, but a picture cropped, pasted or screenshotted after compression
 * carries them at any offset. Block edges are where neighbouring pixels differ more than elsewhere: the mean absolute
 * luma step between columns {@code x - 1} and {@code x} is gathered by {@code x mod 8} (rows likewise), each step
 * counted up to 8 levels so that a few strong edges of the picture itself do not outweigh the many faint block
 * edges, and the class with the largest mean is the grid's phase when it stands out from the other seven by a tenth
 * and by a quarter of a level. Pictures without blocks (never compressed, or blurred, noised or enlarged since) show
 * no such class, and the phase is 0, the corner, as for a file. Of at most a 1024 x 1024 window in the middle, 256
 * rows or more are read, in groups of 8.
 */
final class JpegGrid {

    /** How far the block edges' mean step must stand out from the others', as a ratio. */
    static final double MIN_RATIO = 1.10;
    /** ...and by a quarter of a luma level (luma 0..1). */
    static final double MIN_STEP = 0.25 / 255;
    /** Steps are counted up to 8 levels. */
    private static final float MAX_STEP = 8f / 255;
    private static final int WINDOW = 1024;
    /** Rows read at least (in groups of 8, every phase once), unless the window has fewer. */
    private static final int MIN_ROWS = 256;

    private JpegGrid() {
    }

    /**
     * {@return the phase of the blocks, {x, y}, each 0..7: the first full block starts at that column and row}
     *
     * @param image any picture; only its pixels' luma is read
     */
    static int[] phase(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int x0 = Math.max(0, (w - WINDOW) / 2);
        int y0 = Math.max(0, (h - WINDOW) / 2);
        int ww = Math.min(w, WINDOW);
        int wh = Math.min(h, WINDOW);
        if (ww < 24 || wh < 24) {
            return new int[] {0, 0};
        }
        double[] columnSteps = new double[8];
        double[] rowSteps = new double[8];
        long[] columnCounts = new long[8];
        long[] rowCounts = new long[8];
        // 8 consecutive rows (every row phase once) in every group of rows, and the row above each for its step
        int group = 8 * Math.max(1, wh / MIN_ROWS);
        for (int g = y0; g < y0 + wh; g += group) {
            int top = Math.max(y0, g - 1);
            int end = Math.min(y0 + wh, g + 8);
            FloatImage region = Pixels.read(image, x0, top, ww, end - top);
            float[] luma = region.channels() == 1 ? region.colorData()
                    : TilingEnhancer.luma(region.colorData(), ww * (end - top));
            for (int r = 0; r < end - top; r++) {
                int row = r * ww;
                int y = top + r;
                if (y >= g) {
                    for (int x = 1; x < ww; x++) {
                        int k = (x0 + x) & 7;
                        columnSteps[k] += Math.min(MAX_STEP, Math.abs(luma[row + x] - luma[row + x - 1]));
                        columnCounts[k]++;
                    }
                }
                if (r > 0) {
                    double sum = 0;
                    for (int x = 0; x < ww; x++) {
                        sum += Math.min(MAX_STEP, Math.abs(luma[row + x] - luma[row - ww + x]));
                    }
                    rowSteps[y & 7] += sum;
                    rowCounts[y & 7] += ww;
                }
            }
        }
        return new int[] {strongest(columnSteps, columnCounts), strongest(rowSteps, rowCounts)};
    }

    private static int strongest(double[] steps, long[] counts) {
        double[] mean = new double[8];
        int best = 0;
        for (int k = 0; k < 8; k++) {
            mean[k] = counts[k] == 0 ? 0 : steps[k] / counts[k];
            if (mean[k] > mean[best]) {
                best = k;
            }
        }
        double others = 0;
        for (int k = 0; k < 8; k++) {
            others += k == best ? 0 : mean[k] / 7;
        }
        return mean[best] >= MIN_RATIO * others && mean[best] - others >= MIN_STEP ? best : 0;
    }
}
