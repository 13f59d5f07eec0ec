package io.github.enhance4j.spark.internal;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Decides, per input file, where its output goes and whether it is enhanced: rows come in as {@code path, content}
 * and go out as {@link #SCHEMA}. The job's own earlier results are left out. An output that exists is skipped unless
 * overwriting, except one written since this run started: that is from an earlier attempt of a retried task, complete
 * (writes are atomic), and counts as written without being enhanced again. Rows that are not to be enhanced lose
 * their content, so that the enhancer passes them through.
 */
public final class PlanOutputs implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** Status of an input to enhance. */
    public static final String ENHANCE = "enhance";
    /** Status of an input whose output exists from before this run. */
    public static final String SKIPPED = "skipped";
    /** Status of an input that cannot be enhanced (its output would replace an input, or another input's output). */
    public static final String FAILED = "failed";
    /** Status of an input whose output an earlier attempt of this run's task wrote. */
    public static final String WRITTEN_EARLIER = "written-earlier";

    /** The rows this function gives. */
    public static final StructType SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("content", DataTypes.BinaryType, true)
            .add("target", DataTypes.StringType, true)
            .add("format", DataTypes.StringType, true)
            .add("status", DataTypes.StringType, false)
            .add("detail", DataTypes.StringType, true);

    private final OutputNames names;
    private final OutputStore store;
    private final boolean overwrite;
    private final long runStarted;
    private final Map<String, String> conflicts;

    /**
     * A planning function.
     *
     * @param names      how outputs are named
     * @param store      the output folder
     * @param overwrite  whether outputs from before this run are replaced
     * @param runStarted when this run started, by the store's clock ({@link OutputStore#now()})
     * @param conflicts  inputs that must fail, with the reason (found on the driver from the listing)
     */
    public PlanOutputs(OutputNames names, OutputStore store, boolean overwrite, long runStarted,
            Map<String, String> conflicts) {
        this.names = names;
        this.store = store;
        this.overwrite = overwrite;
        this.runStarted = runStarted;
        this.conflicts = conflicts;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    next = plan(rows.next());
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = next;
                next = null;
                return row;
            }
        };
    }

    /** The planned row, or {@code null} for one of this tool's own results. */
    private Row plan(Row row) {
        String path = row.getString(0);
        if (names.isOwnOutput(path)) {
            return null;
        }
        OutputNames.Target target = names.target(path);
        String conflict = conflicts.get(path);
        if (conflict != null) {
            return RowFactory.create(path, null, target.relative(), target.format(), FAILED, conflict);
        }
        if (names.overwritesInput(path, target)) {
            return RowFactory.create(path, null, target.relative(), target.format(), FAILED, "its output "
                    + store.describe(target.relative()) + " would overwrite it; give another output folder or"
                    + " --suffix");
        }
        long modified;
        try {
            modified = store.modified(target.relative());
        } catch (IOException e) {
            return RowFactory.create(path, null, target.relative(), target.format(), FAILED, "cannot check its output "
                    + store.describe(target.relative()) + ": " + e);
        }
        if (modified >= runStarted) {
            return RowFactory.create(path, null, target.relative(), target.format(), WRITTEN_EARLIER,
                    store.describe(target.relative()));
        }
        if (modified >= 0 && !overwrite) {
            return RowFactory.create(path, null, target.relative(), target.format(), SKIPPED,
                    store.describe(target.relative()) + " exists (use --overwrite to replace it)");
        }
        return RowFactory.create(path, row.get(1), target.relative(), target.format(), ENHANCE, null);
    }
}
