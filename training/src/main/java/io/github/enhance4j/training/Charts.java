package io.github.enhance4j.training;

import io.github.enhance4j.image.ImageFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.nio.file.Path;
import java.util.List;

/** {@code curves.png}: loss and validation PSNR per epoch, drawn with JFreeChart. */
final class Charts {

    private Charts() {
    }

    static void writeCurves(List<EpochRecord> history, Path file) {
        XYSeries train = new XYSeries("training loss");
        XYSeries val = new XYSeries("validation loss");
        XYSeries psnr = new XYSeries("model PSNR (dB)");
        XYSeries baseline = new XYSeries("baseline PSNR (dB)");
        for (EpochRecord r : history) {
            add(train, r.epoch(), r.trainingLoss());
            add(val, r.epoch(), r.validationLoss());
            add(psnr, r.epoch(), r.psnr());
            add(baseline, r.epoch(), r.baselinePsnr());
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        plot.add(plot(collection(train, val), "loss"), 1);
        plot.add(plot(collection(psnr, baseline), "validation PSNR (dB)"), 1);
        JFreeChart chart = new JFreeChart("Training curves", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        ImageFiles.write(chart.createBufferedImage(800, 600), file);
    }

    private static void add(XYSeries s, int x, double y) {
        if (Double.isFinite(y)) {
            s.add(x, y);
        }
    }

    private static XYSeriesCollection collection(XYSeries... series) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (XYSeries s : series) {
            c.addSeries(s);
        }
        return c;
    }

    private static XYPlot plot(XYSeriesCollection data, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, null, axis, new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        return plot;
    }
}
