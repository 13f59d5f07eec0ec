package io.github.enhance4j.internal;

import io.github.enhance4j.image.Degradation;
import io.github.enhance4j.image.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class JpegGridTest {

    /** Smooth shapes, edges and some texture, as a photo has; no 8-pixel structure of its own. */
    static BufferedImage photoLike(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 110 + 60 * Math.sin(x / 23.0 + Math.cos(y / 31.0)) + (x * x + y * y < 90 * 90 ? 40 : 0);
                int red = clamp(v + r.nextGaussian() * 6);
                int green = clamp(v * 0.8 + 30 * Math.cos(y / 17.0) + r.nextGaussian() * 6);
                int blue = clamp(255 - v + r.nextGaussian() * 6);
                img.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        return img;
    }

    /** The picture saved as JPEG of that quality, then cut from (dx, dy): its blocks start at column (8 - dx) % 8. */
    static BufferedImage jpegThenCropped(BufferedImage picture, int quality, int dx, int dy) {
        BufferedImage jpeg = Pixels.toBufferedImage(
                Degradation.jpeg(quality).apply(Pixels.read(picture), new Random(1)));
        BufferedImage crop = new BufferedImage(jpeg.getWidth() - dx, jpeg.getHeight() - dy, BufferedImage.TYPE_INT_RGB);
        crop.getGraphics().drawImage(jpeg.getSubimage(dx, dy, crop.getWidth(), crop.getHeight()), 0, 0, null);
        return crop;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    @ParameterizedTest
    @CsvSource({"20, 0, 0", "20, 3, 5", "50, 4, 4", "75, 7, 1", "30, 1, 6"})
    void phase_ofAPictureCutAfterCompression_isWhereItsBlocksStart(int quality, int dx, int dy) {
        BufferedImage picture = jpegThenCropped(photoLike(203, 171, quality + dx), quality, dx, dy);

        assertThat(JpegGrid.phase(picture)).containsExactly((8 - dx) % 8, (8 - dy) % 8);
    }

    @Test
    void phase_largePicture_readsOnlyTheMiddleAndStillFindsTheBlocks() {
        BufferedImage picture = jpegThenCropped(photoLike(1500, 1300, 3), 40, 2, 7);

        assertThat(JpegGrid.phase(picture)).containsExactly(6, 1);
    }

    @Test
    void phase_ofAJpegTurnedAsItsExifOrientationSays_followsTheBlocksToTheOtherCorner() {
        // a phone photo stored 203 wide and 171 high, shown turned a quarter clockwise: 171 x 203, and its blocks,
        // which started at the stored picture's left and top, now end at the shown picture's right edge
        BufferedImage stored = jpegThenCropped(photoLike(203, 171, 6), 40, 0, 0);
        BufferedImage shown = new BufferedImage(171, 203, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 203; y++) {
            for (int x = 0; x < 171; x++) {
                shown.setRGB(x, y, stored.getRGB(y, 170 - x));
            }
        }

        assertThat(JpegGrid.phase(shown)).containsExactly(171 % 8, 0);
    }

    @Test
    void phase_withoutBlocks_isTheCorner() {
        BufferedImage flat = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        BufferedImage tiny = jpegThenCropped(photoLike(30, 30, 4), 20, 3, 3);

        // a picture never compressed, a flat one, and one too small to tell
        assertThat(JpegGrid.phase(photoLike(203, 171, 5))).containsExactly(0, 0);
        assertThat(JpegGrid.phase(flat)).containsExactly(0, 0);
        assertThat(JpegGrid.phase(tiny.getSubimage(0, 0, 20, 20))).containsExactly(0, 0);
    }
}
