package io.github.enhance4j.spark.internal;

import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ImageReadException;
import io.github.enhance4j.image.ImageFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Enhances the rows of one partition, lazily, one at a time: each row comes out with the enhanced image's bytes,
 * width, height and an error, appended to its own values. A row that cannot be enhanced gets nulls and a readable
 * error; only a model that cannot be loaded fails the task (and, after Spark's retries, the job), since no row
 * could succeed without it.
 */
public final class PartitionEnhancer implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final EnhanceSettings settings;

    /**
     * A function for {@code mapPartitions}.
     *
     * @param settings what to do, from the transformer
     */
    public PartitionEnhancer(EnhanceSettings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            private Enhancer enhancer;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row row = rows.next();
                if (row.isNullAt(settings.inputIndex())) {
                    return append(row, null, null, null, null);
                }
                if (enhancer == null) {
                    // loaded with the first image, so that empty partitions load nothing
                    TaskContext task = TaskContext.get();
                    enhancer = EnhancerCache.shared().enhancer(settings.model(), settings::configuration,
                            settings.options(task == null ? 1 : task.cpus()));
                }
                return enhance(enhancer, row);
            }
        };
    }

    private Row enhance(Enhancer enhancer, Row row) {
        String name = name(row);
        BufferedImage in = null;
        try {
            byte[] encoded = null;
            if (settings.struct() == null) {
                encoded = (byte[]) row.get(settings.inputIndex());
                in = ImageFiles.read(new ByteArrayInputStream(encoded), name, settings.maxPixels());
            } else {
                Row s = row.getStruct(settings.inputIndex());
                ImageStructs.Fields f = settings.struct();
                try {
                    in = ImageStructs.toImage(s.getInt(f.width()), s.getInt(f.height()), s.getInt(f.nChannels()),
                            (byte[]) s.get(f.data()));
                } catch (IllegalArgumentException e) {
                    throw new ImageReadException(name, ImageReadException.Reason.CORRUPT, e.getMessage(), e);
                }
            }
            String format = format(row, encoded);
            BufferedImage out = enhancer.enhance(in);
            byte[] bytes = ImageFiles.encode(out, format);
            return append(row, bytes, out.getWidth(), out.getHeight(), null);
        } catch (EnhanceException | IllegalArgumentException e) {
            return append(row, null, null, null, e.getMessage());
        } catch (OutOfMemoryError e) {
            return append(row, null, null, null, "out of memory enhancing " + name
                    + (in == null ? "" : " (" + in.getWidth() + "x" + in.getHeight() + ")")
                    + ": give executors more memory (spark.executor.memory), lower tileSize, or refuse such images"
                    + " with maxPixels");
        } catch (RuntimeException e) {
            if (EnhancerCache.shared().isClosed()) {
                throw e; // the model was closed under the task: the JVM is going down, let Spark run it elsewhere
            }
            return append(row, null, null, null, "enhancing " + name + " failed: " + e);
        }
    }

    private String format(Row row, byte[] encoded) {
        if (settings.formatIndex() >= 0 && !row.isNullAt(settings.formatIndex())) {
            return OutputFormats.checkWritable(row.getString(settings.formatIndex()));
        }
        if (settings.format() != null) {
            return settings.format();
        }
        return encoded == null ? OutputFormats.FALLBACK : OutputFormats.sameAs(encoded);
    }

    private String name(Row row) {
        if (settings.nameIndex() >= 0 && !row.isNullAt(settings.nameIndex())) {
            return row.getString(settings.nameIndex());
        }
        if (settings.struct() != null && settings.struct().origin() >= 0) {
            Row s = row.getStruct(settings.inputIndex());
            if (!s.isNullAt(settings.struct().origin())) {
                return s.getString(settings.struct().origin());
            }
        }
        return "the image";
    }

    private static Row append(Row row, byte[] bytes, Integer width, Integer height, String error) {
        int n = row.length();
        Object[] values = new Object[n + 4];
        for (int i = 0; i < n; i++) {
            values[i] = row.get(i);
        }
        values[n] = bytes;
        values[n + 1] = width;
        values[n + 2] = height;
        values[n + 3] = error;
        return RowFactory.create(values);
    }
}
