package io.github.enhance4j.spark.internal;

import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.models.BundledModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;

/**
 * Finds a model named by a Spark job, in this order: a bundled model's id ({@code sr-x2}, ...); a URI with a scheme
 * ({@code hdfs://}, {@code s3a://}, {@code file:/}, ...) read through Hadoop's {@link FileSystem}; a file shipped with
 * {@code --files} or {@code SparkContext.addFile} ({@link SparkFiles}); a local file; a path on the default Hadoop
 * file system ({@code fs.defaultFS}). The same rules run on the driver, to fail early with a readable message, and on
 * each executor, which reads the bytes once (see {@link EnhancerCache}).
 */
public final class ModelLocator {

    /** A scheme of two letters or more, so that {@code C:\models\x.onnx} stays a local path. */
    private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

    /** Where a model name was found. */
    public enum Kind {
        /** A model bundled in enhance4j-models. */
        BUNDLED(false),
        /** A URI read through Hadoop's file systems. */
        HADOOP_URI(true),
        /** A file shipped to every node with {@code --files} or {@code SparkContext.addFile}. */
        SPARK_FILES(false),
        /** A file on the local disk, the same path on every node. */
        LOCAL_FILE(false),
        /** A path on the default Hadoop file system. */
        DEFAULT_FILE_SYSTEM(true);

        private final boolean hadoop;

        Kind(boolean hadoop) {
            this.hadoop = hadoop;
        }

        /** {@return whether reading it needs the Hadoop configuration} */
        public boolean needsHadoop() {
            return hadoop;
        }
    }

    /**
     * A found model, as found on the driver and read again on each executor.
     *
     * @param name     the model as the user named it, for messages
     * @param kind     where it was found
     * @param location the bundled id, URI, SparkFiles name or path to read
     */
    public record Location(String name, Kind kind, String location) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private ModelLocator() {
    }

    /**
     * Finds a model without reading it.
     *
     * @param model the model as the user named it
     * @param conf  the Hadoop configuration for URIs and the default file system
     * @return where it is
     * @throws ModelLoadException ({@code NOT_FOUND}) naming every place looked in, if it is nowhere
     */
    public static Location locate(String model, Configuration conf) {
        String name = model.strip();
        Optional<BundledModel> bundled = bundled(name);
        if (bundled.isPresent()) {
            return new Location(name, Kind.BUNDLED, bundled.get().id());
        }
        if (URI_SCHEME.matcher(name).matches()) {
            if (!hadoopFileExists(name, conf)) {
                throw notFound(name, "there is no file at that URI (checked through Hadoop's file system for its"
                        + " scheme)");
            }
            return new Location(name, Kind.HADOOP_URI, name);
        }
        if (sparkFile(name).isPresent()) {
            return new Location(name, Kind.SPARK_FILES, name);
        }
        if (Files.isRegularFile(Path.of(name))) {
            return new Location(name, Kind.LOCAL_FILE, Path.of(name).toAbsolutePath().toString());
        }
        if (!"file".equals(FileSystem.getDefaultUri(conf).getScheme()) && hadoopFileExists(name, conf)) {
            return new Location(name, Kind.DEFAULT_FILE_SYSTEM, name);
        }
        throw notFound(name, "it is not a bundled model (" + BundledModel.ids() + "), not a file shipped with"
                + " --files or SparkContext.addFile, not a local file (working directory "
                + Path.of("").toAbsolutePath() + ") and not on the default file system "
                + FileSystem.getDefaultUri(conf) + "; give a bundled model's id, a file shipped with --files, or a"
                + " URI such as hdfs:///models/x.onnx or s3a://bucket/x.onnx");
    }

    /**
     * Reads a model where the driver found it. On an executor, a shipped file is looked up in that node's
     * {@link SparkFiles}.
     *
     * @param where the model's location, from {@link #locate}
     * @param conf  the Hadoop configuration, used only for the kinds that {@link Kind#needsHadoop() need} it
     * @return its bytes and hash
     * @throws ModelLoadException if it cannot be read here
     */
    public static ModelBytes fetch(Location where, Configuration conf) {
        try {
            switch (where.kind()) {
                case BUNDLED:
                    return ModelBytes.of(where.location(),
                            BundledModel.byId(where.location()).source().readAllBytes());
                case SPARK_FILES:
                    Path shipped = sparkFile(where.location()).orElseThrow(() -> new ModelLoadException(where.name(),
                            ModelLoadException.Reason.NOT_FOUND, "the file shipped with --files or addFile is not"
                                    + " in this node's SparkFiles folder " + SparkFiles.getRootDirectory()));
                    return ModelBytes.of(where.name(), Files.readAllBytes(shipped));
                case LOCAL_FILE:
                    return ModelBytes.of(where.name(), Files.readAllBytes(Path.of(where.location())));
                default:
                    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(where.location());
                    try (InputStream in = path.getFileSystem(conf).open(path)) {
                        return ModelBytes.of(where.name(), in.readAllBytes());
                    }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelLoadException(where.name(), ModelLoadException.Reason.NOT_FOUND, "no file "
                    + where.location() + " on this node; a local model must be at the same path on every node"
                    + " (or ship it with --files, or put it on a shared file system)", e);
        } catch (IOException e) {
            throw new ModelLoadException(where.name(), ModelLoadException.Reason.UNREADABLE, "reading it from "
                    + where.location() + " failed: " + e, e);
        }
    }

    private static Optional<BundledModel> bundled(String name) {
        try {
            return Optional.of(BundledModel.byId(name));
        } catch (IllegalArgumentException notBundled) {
            return Optional.empty();
        }
    }

    /** SparkFiles hold flat names; outside Spark (no {@code SparkEnv}) there are none. */
    private static Optional<Path> sparkFile(String name) {
        if (name.contains("/") || name.contains("\\") || SparkEnv.get() == null) {
            return Optional.empty();
        }
        Path file = Path.of(SparkFiles.get(name));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static boolean hadoopFileExists(String name, Configuration conf) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(name);
        try {
            FileStatus status = path.getFileSystem(conf).getFileStatus(path);
            return status.isFile();
        } catch (java.io.FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for the model " + name + ": " + e.getMessage(), e);
        }
    }

    private static ModelLoadException notFound(String name, String why) {
        return new ModelLoadException(name, ModelLoadException.Reason.NOT_FOUND, why);
    }
}
