package io.github.enhance4j.spark.internal;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;

/**
 * The output folder of a job, as tasks see it: whether an output exists (and since when), and an atomic write, so
 * that a reader, or a task killed half-way, finds the old file or the whole new one, never a part. A retried or
 * speculative task writes the same bytes again under the same name, so nothing is ever duplicated. Serializable: it
 * travels to the executors.
 */
public interface OutputStore extends Serializable {

    /** A serializable source of the Hadoop configuration (a broadcast's value, on executors). */
    interface ConfSource extends Supplier<Configuration>, Serializable {
    }

    /**
     * The store for a folder: local files through {@code java.nio} (no Hadoop checksum files beside them), any other
     * scheme through Hadoop's {@code FileSystem}.
     *
     * @param root the folder, qualified with its scheme
     * @param conf gives the Hadoop configuration on the executors
     * @return the store
     */
    static OutputStore of(URI root, ConfSource conf) {
        if ("file".equals(root.getScheme())) {
            return new LocalOutputStore(Path.of(root).toString());
        }
        return new HadoopOutputStore(root.toString(), conf);
    }

    /**
     * {@return when the output was last modified, in milliseconds of the store's clock, or -1 if there is none}
     *
     * @param relative the output's path relative to the folder, with {@code /} between folders
     * @throws IOException if the store cannot be asked
     */
    long modified(String relative) throws IOException;

    /**
     * Writes an output atomically, replacing one that is there; creates folders as needed. On failure the target
     * is unchanged and no temporary file remains.
     *
     * @param relative the output's path relative to the folder
     * @param bytes    its content
     * @throws IOException if writing fails
     */
    void write(String relative, byte[] bytes) throws IOException;

    /**
     * The store's own clock, read by writing and removing a hidden marker file (creating the folder), so that it can
     * be compared with the outputs' modification times whatever the driver's clock says.
     *
     * @return the marker's modification time in milliseconds
     * @throws IOException if the folder cannot be written
     */
    long now() throws IOException;

    /**
     * {@return the output's full name, for messages}
     *
     * @param relative the output's path relative to the folder
     */
    String describe(String relative);
}
