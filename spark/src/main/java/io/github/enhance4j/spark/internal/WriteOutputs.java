package io.github.enhance4j.spark.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the enhanced images of one partition and sums up what happened, so that the driver collects a few rows per
 * partition rather than one per image: a {@code failed} row per failure, a {@code skipped} row for the first
 * {@value #SKIP_EXAMPLES} skips, and one {@code counts} row. Rows come in as {@code path, target, status, detail,
 * enhanced, error}.
 */
public final class WriteOutputs implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** How many skipped inputs each partition names; the rest are counted. */
    static final int SKIP_EXAMPLES = 20;

    /** Kind of the row of counts. */
    public static final String COUNTS = "counts";

    /** The rows this function gives: kind, input, detail, and the counts on the {@code counts} row. */
    public static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("input", DataTypes.StringType, true)
            .add("detail", DataTypes.StringType, true)
            .add("written", DataTypes.LongType, false)
            .add("skipped", DataTypes.LongType, false)
            .add("failed", DataTypes.LongType, false);

    private final OutputStore store;

    /**
     * A writing function.
     *
     * @param store the output folder
     */
    public WriteOutputs(OutputStore store) {
        this.store = store;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        FaultInjection faults = FaultInjection.forThisTask();
        List<Row> notes = new ArrayList<>();
        long written = 0;
        long skipped = 0;
        long failed = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            String path = row.getString(0);
            String target = row.getString(1);
            String status = row.getString(2);
            String detail = row.getString(3);
            if (PlanOutputs.WRITTEN_EARLIER.equals(status)) {
                written++;
            } else if (PlanOutputs.SKIPPED.equals(status)) {
                if (skipped++ < SKIP_EXAMPLES) {
                    notes.add(note(PlanOutputs.SKIPPED, path, detail));
                }
            } else if (PlanOutputs.FAILED.equals(status)) {
                failed++;
                notes.add(note(PlanOutputs.FAILED, path, detail));
            } else if (!row.isNullAt(5) || row.isNullAt(4)) {
                failed++;
                notes.add(note(PlanOutputs.FAILED, path, row.isNullAt(5) ? "no result" : row.getString(5)));
            } else {
                try {
                    store.write(target, (byte[]) row.get(4));
                    written++;
                } catch (IOException e) {
                    failed++;
                    notes.add(note(PlanOutputs.FAILED, path, "cannot write " + store.describe(target) + ": " + e));
                    continue;
                }
                faults.afterWrite();
            }
        }
        notes.add(RowFactory.create(COUNTS, null, null, written, skipped, failed));
        return notes.iterator();
    }

    private static Row note(String kind, String path, String detail) {
        return RowFactory.create(kind, path, detail, 0L, 0L, 0L);
    }
}
