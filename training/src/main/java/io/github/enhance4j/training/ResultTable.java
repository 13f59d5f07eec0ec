package io.github.enhance4j.training;

import java.util.List;
import java.util.Locale;

/** Evaluation rows with their mean, as a console table and as CSV. */
final class ResultTable {

    private final String baseline;
    private final String model;
    private final List<Evaluation.Row> rows;

    /** @param model the model's label, or {@code null} when only the baseline was scored */
    ResultTable(String baseline, String model, List<Evaluation.Row> rows) {
        this.baseline = baseline;
        this.model = model;
        this.rows = List.copyOf(rows);
    }

    Evaluation.Row mean() {
        double bp = 0;
        double bs = 0;
        double mp = 0;
        double ms = 0;
        for (Evaluation.Row r : rows) {
            bp += r.baselinePsnr() / rows.size();
            bs += r.baselineSsim() / rows.size();
            mp += r.modelPsnr() / rows.size();
            ms += r.modelSsim() / rows.size();
        }
        return new Evaluation.Row("mean", bp, bs, mp, ms);
    }

    String render() {
        int width = Math.max(12, rows.stream().mapToInt(r -> r.image().length()).max().orElse(4));
        StringBuilder sb = new StringBuilder();
        String nameFormat = "%-" + width + "s";
        sb.append(String.format(Locale.ROOT, nameFormat + "  %22s", "image", baseline + " PSNR/SSIM"));
        if (model != null) {
            sb.append(String.format(Locale.ROOT, "  %22s  %8s", shorten(model) + " PSNR/SSIM", "gain"));
        }
        sb.append('\n');
        for (Evaluation.Row r : rows) {
            line(sb, nameFormat, r);
        }
        line(sb, nameFormat, mean());
        return sb.toString();
    }

    private void line(StringBuilder sb, String nameFormat, Evaluation.Row r) {
        sb.append(String.format(Locale.ROOT, nameFormat + "  %13.2f / %6.4f", r.image(), r.baselinePsnr(),
                r.baselineSsim()));
        if (model != null) {
            sb.append(String.format(Locale.ROOT, "  %13.2f / %6.4f  %+7.2f", r.modelPsnr(), r.modelSsim(),
                    r.modelPsnr() - r.baselinePsnr()));
        }
        sb.append('\n');
    }

    private static String shorten(String s) {
        return s.length() <= 12 ? s : s.substring(0, 11) + "…";
    }

    String csv() {
        StringBuilder sb = new StringBuilder("image,baseline_psnr,baseline_ssim");
        if (model != null) {
            sb.append(",model_psnr,model_ssim");
        }
        sb.append('\n');
        for (Evaluation.Row r : rows) {
            csvLine(sb, r);
        }
        csvLine(sb, mean());
        return sb.toString();
    }

    private void csvLine(StringBuilder sb, Evaluation.Row r) {
        sb.append(quote(r.image())).append(String.format(Locale.ROOT, ",%.4f,%.5f", r.baselinePsnr(),
                r.baselineSsim()));
        if (model != null) {
            sb.append(String.format(Locale.ROOT, ",%.4f,%.5f", r.modelPsnr(), r.modelSsim()));
        }
        sb.append('\n');
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
