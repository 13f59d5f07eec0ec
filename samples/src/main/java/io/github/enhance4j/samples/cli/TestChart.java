package io.github.enhance4j.samples.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Draws the demo's test chart: fine detail a resolution test needs (stripes of rising frequency, circles, small text)
 * on smooth gradients. The committed {@code demo-chart.png} was made with {@code main}; fonts differ between machines,
 * which is why the image is committed rather than drawn at run time.
 */
final class TestChart {

    private TestChart() {
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(250, 226, 190), size, size, new Color(120, 170, 220)));
            g.fillRect(0, 0, size, size);
            int band = size / 8;
            for (int i = 0; i < 6; i++) {
                int period = 2 + i * 2;
                g.setColor(new Color(30 + 30 * i, 40, 90));
                for (int x = 0; x < size / 2; x += period) {
                    g.fillRect(x, i * band / 2 + 4, period / 2, band / 2 - 6);
                }
            }
            g.setStroke(new BasicStroke(1.5f));
            int cx = size * 3 / 4;
            int cy = size / 4;
            for (int r = 4; r < size / 4 - 4; r += 5) {
                g.setColor(r % 2 == 0 ? new Color(180, 30, 40) : new Color(20, 90, 40));
                g.drawOval(cx - r, cy - r, 2 * r, 2 * r);
            }
            g.setColor(new Color(20, 20, 30));
            int y = size / 2 + 14;
            for (int pt = 18; pt >= 8; pt -= 2) {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, pt));
                g.drawString("enhance4j sharp 0123", 8, y);
                y += pt + 4;
            }
            g.setColor(new Color(255, 210, 0));
            g.fillOval(size * 5 / 8, size * 5 / 8, size / 4, size / 4);
            g.setColor(new Color(40, 40, 40));
            g.fillOval(size * 5 / 8 + size / 16, size * 5 / 8 + size / 14, size / 32, size / 32);
            g.fillOval(size * 5 / 8 + size * 5 / 32, size * 5 / 8 + size / 14, size / 32, size / 32);
            g.drawArc(size * 5 / 8 + size / 16, size * 5 / 8 + size / 12, size / 8, size / 10, 200, 140);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes the chart: {@code java TestChart.java OUT.png SIZE}. */
    public static void main(String[] args) throws IOException {
        ImageIO.write(draw(Integer.parseInt(args[1])), "png", new File(args[0]));
    }
}
