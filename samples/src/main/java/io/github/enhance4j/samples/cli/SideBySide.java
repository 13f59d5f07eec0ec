package io.github.enhance4j.samples.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Panels of equal size placed side by side, each with a caption above it: the {@code --compare} and {@code --demo}
 * pictures.
 */
final class SideBySide {

    private static final int GAP = 4;
    private static final int CAPTION = 22;

    /** One panel and its caption. */
    record Panel(BufferedImage image, String caption) {
    }

    private SideBySide() {
    }

    /** All panels must have the same size. */
    static BufferedImage compose(List<Panel> panels) {
        int w = panels.get(0).image().getWidth();
        int h = panels.get(0).image().getHeight();
        for (Panel p : panels) {
            if (p.image().getWidth() != w || p.image().getHeight() != h) {
                throw new IllegalArgumentException("panels differ in size: " + w + "x" + h + " and "
                        + p.image().getWidth() + "x" + p.image().getHeight());
            }
        }
        BufferedImage out = new BufferedImage(panels.size() * (w + GAP) - GAP, h + CAPTION,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < panels.size(); i++) {
                int x = i * (w + GAP);
                g.drawImage(panels.get(i).image(), x, CAPTION, null);
                String caption = fit(panels.get(i).caption(), fm, w - 4);
                g.setColor(Color.BLACK);
                g.drawString(caption, x + (w - fm.stringWidth(caption)) / 2, CAPTION - 6);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String fit(String text, FontMetrics fm, int width) {
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t) > width) {
            t = t.substring(0, t.length() - 2) + "…";
        }
        return t;
    }
}
