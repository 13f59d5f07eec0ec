package io.github.enhance4j.image;

import java.awt.image.BufferedImage;

/** Copies between image layouts through {@link Pixels}, in strips, so memory stays bounded on huge images. */
final class ImageConversions {

    /** About four megapixels of floats per strip: a few tens of MiB whatever the image size. */
    private static final int STRIP_PIXELS = 1 << 22;

    private ImageConversions() {
    }

    /**
     * Copies every pixel of {@code source} into {@code target} (same size), adapting channels and depth as
     * {@link Pixels#write} does; returns {@code target}.
     *
     * @param flattenOnWhite composite translucent pixels over white first, for targets without alpha; a source
     *                       alpha would otherwise just be dropped, leaving the hidden colours of transparent pixels
     */
    static BufferedImage copy(BufferedImage source, BufferedImage target, boolean flattenOnWhite) {
        int width = source.getWidth();
        int height = source.getHeight();
        int rows = Math.max(1, Math.min(height, STRIP_PIXELS / width));
        for (int y = 0; y < height; y += rows) {
            FloatImage strip = Pixels.read(source, 0, y, width, Math.min(rows, height - y));
            if (flattenOnWhite && strip.hasAlpha()) {
                strip = flattenOnWhite(strip);
            }
            Pixels.write(strip, target, 0, y);
        }
        return target;
    }

    /** The colour over an opaque white background, without alpha. Works on the encoded values, like most tools. */
    static FloatImage flattenOnWhite(FloatImage image) {
        float[] color = image.colorData();
        float[] alpha = image.alphaData();
        int plane = image.width() * image.height();
        for (int c = 0; c < image.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                float a = PixelCodec.clamp(alpha[i]);
                color[c * plane + i] = PixelCodec.clamp(color[c * plane + i]) * a + (1f - a);
            }
        }
        return new FloatImage(image.width(), image.height(), image.channels(), color, null);
    }
}
