package io.github.enhance4j.training;

/** One row of metrics.csv: what an epoch achieved. NaN where the trainer reported nothing. */
record EpochRecord(int epoch, double trainingLoss, double validationLoss, double psnr, double baselinePsnr,
        double imagesPerSecond, double seconds) {

    static final String CSV_HEADER = "epoch,training_loss,validation_loss,val_psnr_db,baseline_psnr_db,gain_db,"
            + "images_per_second,seconds";

    String csv() {
        return String.format(java.util.Locale.ROOT, "%d,%.6f,%.6f,%.4f,%.4f,%.4f,%.2f,%.1f", epoch, trainingLoss,
                validationLoss, psnr, baselinePsnr, psnr - baselinePsnr, imagesPerSecond, seconds);
    }

    /** Rows of an earlier metrics.csv (a resumed run continues its curves); none if the file does not exist. */
    static java.util.List<EpochRecord> readCsv(java.nio.file.Path file) throws java.io.IOException {
        java.util.List<EpochRecord> rows = new java.util.ArrayList<>();
        if (!java.nio.file.Files.exists(file)) {
            return rows;
        }
        for (String line : java.nio.file.Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("epoch")) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 8) {
                throw new java.io.IOException(file + ": malformed line '" + line + "'");
            }
            rows.add(new EpochRecord(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7])));
        }
        return rows;
    }
}
