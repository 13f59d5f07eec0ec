package io.github.enhance4j.spark.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Outputs on a Hadoop file system ({@code hdfs://}, {@code s3a://}, ...): each written to a hidden temporary name
 * beside the target ({@code .NAME-RANDOM.tmp}, which Spark and Hadoop tools skip) and renamed onto it. HDFS renames
 * atomically; object stores copy, but the target appears only when complete either way.
 */
final class HadoopOutputStore implements OutputStore {

    private static final long serialVersionUID = 1L;

    private final String root;
    private final ConfSource conf;

    HadoopOutputStore(String root, ConfSource conf) {
        this.root = root;
        this.conf = conf;
    }

    @Override
    public long modified(String relative) throws IOException {
        Path path = resolve(relative);
        try {
            return fileSystem().getFileStatus(path).getModificationTime();
        } catch (FileNotFoundException e) {
            return -1;
        }
    }

    @Override
    public void write(String relative, byte[] bytes) throws IOException {
        FileSystem fs = fileSystem();
        Path target = resolve(relative);
        Path temp = temporary(target);
        boolean done = false;
        try {
            try (OutputStream out = fs.create(temp, true)) {
                out.write(bytes);
            }
            if (!fs.rename(temp, target)) {
                // HDFS does not rename onto an existing file: replace it (with the same bytes, for a retried task)
                if (fs.exists(target) && !fs.delete(target, false) || !fs.rename(temp, target)) {
                    throw new IOException("cannot rename " + temp + " to " + target);
                }
            }
            done = true;
        } finally {
            if (!done) {
                fs.delete(temp, false);
            }
        }
    }

    @Override
    public long now() throws IOException {
        FileSystem fs = fileSystem();
        Path folder = new Path(root);
        fs.mkdirs(folder);
        Path marker = temporary(new Path(folder, ".enhance4j-clock"));
        fs.create(marker, true).close();
        try {
            return fs.getFileStatus(marker).getModificationTime();
        } finally {
            fs.delete(marker, false);
        }
    }

    @Override
    public String describe(String relative) {
        return resolve(relative).toString();
    }

    private FileSystem fileSystem() throws IOException {
        return new Path(root).getFileSystem(conf.get());
    }

    private Path resolve(String relative) {
        return new Path(new Path(root), relative);
    }

    private static Path temporary(Path target) {
        return new Path(target.getParent(), "." + target.getName() + "-"
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
    }
}
