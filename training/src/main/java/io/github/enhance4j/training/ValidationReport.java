package io.github.enhance4j.training;

import io.github.enhance4j.Enhancer;
import io.github.enhance4j.image.Degradation;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.image.ImageMetrics;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.Resampler;
import io.github.enhance4j.image.SrEvaluation;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code report.png}: for a few validation images, one row of damaged | baseline | model | original, each labelled
 * with its PSNR against the original. The model is the exported ONNX file, so the picture also checks the export.
 */
final class ValidationReport {

    private static final int CELL = 160;
    private static final int CAPTION = 18;
    private static final int GAP = 4;

    private ValidationReport() {
    }

    static void write(Enhancer model, Evaluation.Protocol protocol, int scale, List<FloatImage> originals, Path file) {
        write(model, protocol, scale, null, originals, file);
    }

    /** @param damage the damage protocol's degradation (else unused, may be null) */
    static void write(Enhancer model, Evaluation.Protocol protocol, int scale, Degradation damage,
            List<FloatImage> originals, Path file) {
        int rows = originals.size();
        BufferedImage sheet = new BufferedImage(4 * (CELL + GAP), rows * (CELL + CAPTION + GAP),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int r = 0; r < rows; r++) {
                FloatImage[] cells = cells(model, protocol, scale, damage, originals.get(r), r);
                FloatImage original = cells[3];
                String[] labels = {
                    protocol == Evaluation.Protocol.SR ? "input x1/" + scale : "damaged",
                    (protocol == Evaluation.Protocol.SR || protocol == Evaluation.Protocol.DAMAGE && scale > 1
                            ? "bicubic " : "input ") + psnr(original, cells[1], protocol,
                            scale),
                    "model " + psnr(original, cells[2], protocol, scale),
                    "original"};
                for (int c = 0; c < 4; c++) {
                    int x = c * (CELL + GAP);
                    int y = r * (CELL + CAPTION + GAP);
                    g.setColor(Color.BLACK);
                    g.drawString(labels[c], x + 2, y + CAPTION - 5);
                    g.drawImage(Pixels.toBufferedImage(fit(cells[c])), x, y + CAPTION, null);
                }
            }
        } finally {
            g.dispose();
        }
        ImageFiles.write(sheet, file);
    }

    /** damaged (shown at full size), baseline, model output, original. */
    private static FloatImage[] cells(Enhancer model, Evaluation.Protocol protocol, int scale, Degradation damage,
            FloatImage image, int index) {
        if (protocol == Evaluation.Protocol.DAMAGE) {
            FloatImage original = SrEvaluation.modcrop(image.withoutAlpha(), 8 * scale);
            FloatImage damaged = Evaluation.damaged(damage, original, index);
            FloatImage restored = Pixels.read(model.enhance(Pixels.toBufferedImage(damaged)));
            FloatImage baseline = scale == 1 ? damaged : SrEvaluation.bicubicUpscale(damaged, scale);
            return new FloatImage[] {Resampler.NEAREST.resize(damaged, original.width(), original.height()), baseline,
                restored, original};
        }
        if (protocol == Evaluation.Protocol.SEED) {
            FloatImage original = Evaluation.seedInput(image);
            FloatImage damaged = Degradation.pixelate(Evaluation.SEED_PIXELATE).apply(original, new Random(0));
            FloatImage restored = Pixels.read(model.enhance(Pixels.toBufferedImage(damaged)));
            return new FloatImage[] {damaged, damaged, restored, original};
        }
        FloatImage hr = SrEvaluation.modcrop(image.withoutAlpha(), scale);
        FloatImage lr = SrEvaluation.bicubicDegrade(hr, scale);
        FloatImage sr = Pixels.read(model.enhance(Pixels.toBufferedImage(lr)));
        return new FloatImage[] {Resampler.NEAREST.resize(lr, hr.width(), hr.height()),
            SrEvaluation.bicubicUpscale(lr, scale), sr, hr};
    }

    private static String psnr(FloatImage original, FloatImage other, Evaluation.Protocol protocol, int scale) {
        double db = protocol == Evaluation.Protocol.SR ? ImageMetrics.psnrY(original, other, scale)
                : ImageMetrics.psnr(original, other, 0);
        return String.format(Locale.ROOT, "%.2f dB", db);
    }

    /** Scaled to fit a cell, nearest neighbour so that pixels stay visible. */
    private static FloatImage fit(FloatImage img) {
        double f = Math.min((double) CELL / img.width(), (double) CELL / img.height());
        int w = Math.max(1, (int) Math.round(img.width() * f));
        int h = Math.max(1, (int) Math.round(img.height() * f));
        return Resampler.NEAREST.resize(img, w, h);
    }
}
