package io.github.enhance4j.spark;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.spark.internal.Globs;
import io.github.enhance4j.spark.internal.HadoopConf;
import io.github.enhance4j.spark.internal.JobArguments;
import io.github.enhance4j.spark.internal.ModelLocator;
import io.github.enhance4j.spark.internal.OutputFormats;
import io.github.enhance4j.spark.internal.OutputNames;
import io.github.enhance4j.spark.internal.OutputStore;
import io.github.enhance4j.spark.internal.PlanOutputs;
import io.github.enhance4j.spark.internal.WriteOutputs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Enhances a folder (searched recursively), a file or a glob of image files into an output folder, on Spark: one
 * output file per input, named as the {@code enhance} command line names them with {@code -o} (the input's relative
 * path, {@code NAME_enhanced.EXT}), and a report.
 *
 * <pre>{@code
 * spark-submit --class io.github.enhance4j.spark.EnhanceJob enhance4j-spark.jar hdfs:///photos hdfs:///enhanced
 * }</pre>
 *
 * <p>From Java, with a session of one's own: {@code EnhanceJob.builder("photos", "out").model("sr-x4").build()
 * .run(spark)}.
 *
 * <p>Every output is written atomically (a hidden temporary file beside it, renamed when complete), so a task that
 * fails or is killed leaves no partial file under an output's name, and a retried task writes the same name again:
 * there is never a duplicate. Outputs that exist from before the run are skipped (counted) unless
 * {@link Builder#overwrite(boolean) overwrite}, so a run that stopped half-way is finished by running it again. An
 * image that cannot be read or enhanced fails alone, with its reason in the report; the others complete. The report
 * ({@value #REPORT_NAME} in the output folder unless another file is named; Spark and Hadoop skip files starting with
 * {@code _}) gives the counts and every failure.
 *
 * <p>Inputs are the files whose names match the glob ({@value #DEFAULT_GLOB} by default, letters matched in either
 * case), as Spark lists them: files whose names start with {@code .} or {@code _}, and empty files, are not listed.
 * The job's own results are never read back as inputs (an output folder inside the input folder is left out, as are
 * files named with the suffix in the output folder). Instances are immutable and thread-safe.
 */
public final class EnhanceJob {

    /** The file names taken from folders by default: the image formats the JDK reads, and WebP with a plugin. */
    public static final String DEFAULT_GLOB = "*.{png,jpg,jpeg,bmp,gif,tif,tiff,webp}";
    /** The suffix added to output file names by default, as the {@code enhance} command line does. */
    public static final String DEFAULT_SUFFIX = "_enhanced";
    /** The report's file name in the output folder. */
    public static final String REPORT_NAME = "_enhance4j-report.json";

    private static final int PRINTED_FAILURES = 50;
    private static final int PRINTED_SKIPS = 10;

    private final String input;
    private final String output;
    private final String model;
    private final String format;
    private final double outscale;
    private final int tileSize;
    private final int threads;
    private final String device;
    private final String glob;
    private final String suffix;
    private final boolean overwrite;
    private final long maxPixels;
    private final String report;

    private EnhanceJob(Builder b) {
        this.input = b.input;
        this.output = b.output;
        this.model = b.model;
        this.format = b.format;
        this.outscale = b.outscale;
        this.tileSize = b.tileSize;
        this.threads = b.threads;
        this.device = b.device;
        this.glob = b.glob;
        this.suffix = b.suffix;
        this.overwrite = b.overwrite;
        this.maxPixels = b.maxPixels;
        this.report = b.report;
    }

    /**
     * A builder for a job.
     *
     * @param input  a folder (searched recursively), a file, or a glob such as {@code photos/2024-*}; any Hadoop
     *               file system URI ({@code hdfs://}, {@code s3a://}, ...) or a local path
     * @param output the output folder; created if missing
     * @return the builder, with the bundled {@code sr-x2} model and the command line's defaults
     */
    public static Builder builder(String input, String output) {
        return new Builder(input, output);
    }

    /**
     * Runs the job, and writes its report.
     *
     * @param spark the session to run it in
     * @return what it did
     * @throws IllegalArgumentException if the input does not exist or matches nothing
     * @throws ModelLoadException       ({@code NOT_FOUND}) if the model is nowhere to be found
     * @throws UncheckedIOException     if the output folder cannot be created, or the report cannot be written
     */
    public EnhanceReport run(SparkSession spark) {
        long start = System.nanoTime();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        EnhanceTransformer transformer = transformer();
        ModelLocator.locate(model, conf);
        try {
            URI inputRoot = inputRoot(conf);
            Path out = new Path(output);
            URI outputRoot = out.getFileSystem(conf).makeQualified(out).toUri();
            OutputStore.ConfSource confSource = confSource(spark, conf, outputRoot);
            OutputStore store = OutputStore.of(outputRoot, confSource);
            long runStarted = store.now();
            OutputNames names = new OutputNames(inputRoot, outputRoot, suffix, format);

            Dataset<Row> files = spark.read().format("binaryFile")
                    .option("recursiveFileLookup", "true")
                    .option("pathGlobFilter", Globs.caseInsensitive(glob))
                    .load(input)
                    .select("path", "content");
            Map<String, String> conflicts = conflicts(files.inputFiles(), names, store);
            Dataset<Row> planned = files.mapPartitions(
                    new PlanOutputs(names, store, overwrite, runStarted, conflicts), Encoders.row(PlanOutputs.SCHEMA));
            List<Row> notes = transformer.transform(planned)
                    .select("path", "target", "status", "detail", transformer.getOutputCol(),
                            transformer.getErrorCol())
                    .mapPartitions(new WriteOutputs(store), Encoders.row(WriteOutputs.SCHEMA))
                    .collectAsList();
            EnhanceReport result = report(notes, (System.nanoTime() - start) / 1e9);
            writeReport(result, store, confSource, conf);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private EnhanceTransformer transformer() {
        EnhanceTransformer t = new EnhanceTransformer()
                .setInputCol("content")
                .setOutputCol("enhanced")
                .setFormatCol("format")
                .setModel(model)
                .setTileSize(tileSize)
                .setThreads(threads)
                .setDevice(device)
                .setMaxPixels(maxPixels);
        if (!Double.isNaN(outscale)) {
            t.setOutscale(outscale);
        }
        return t;
    }

    /** The folder that inputs' relative paths start from: the folder given, a file's folder, or a glob's fixed part. */
    private URI inputRoot(Configuration conf) throws IOException {
        Path in = new Path(input);
        FileSystem fs = in.getFileSystem(conf);
        Path root;
        if (Globs.hasGlob(input)) {
            FileStatus[] matches = fs.globStatus(in);
            if (matches == null || matches.length == 0) {
                throw new IllegalArgumentException("nothing matches the input " + input + " (working directory "
                        + fs.getWorkingDirectory() + ")");
            }
            root = Globs.fixedParent(in);
        } else {
            if (!fs.exists(in)) {
                throw new IllegalArgumentException("no such input: " + input + " (working directory "
                        + fs.getWorkingDirectory() + "); give a folder, a file or a glob such as 'photos/*/*.jpg'");
            }
            root = fs.getFileStatus(in).isDirectory() ? in : in.getParent();
        }
        return fs.makeQualified(root).toUri();
    }

    /** The driver's Hadoop configuration for the executors, broadcast once, when the output is not local. */
    private static OutputStore.ConfSource confSource(SparkSession spark, Configuration conf, URI outputRoot) {
        if ("file".equals(outputRoot.getScheme())) {
            return Configuration::new;
        }
        Broadcast<HadoopConf> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(new HadoopConf(conf));
        return () -> broadcast.value().value();
    }

    /**
     * Inputs that must fail, found from the listing as the command line finds them: two inputs whose outputs would
     * have the same name (the first, in path order, keeps it), and an output that would replace another input.
     */
    private static Map<String, String> conflicts(String[] listed, OutputNames names, OutputStore store) {
        List<String> sorted = new ArrayList<>();
        Set<String> inputs = new HashSet<>();
        for (String file : listed) {
            // listed as URIs (escaped); the path column holds Hadoop paths (not escaped)
            Path path = new Path(URI.create(file));
            if (!names.isOwnOutput(path.toString())) {
                sorted.add(path.toString());
                inputs.add(path.toUri().getPath());
            }
        }
        Collections.sort(sorted);
        Map<String, String> claimed = new HashMap<>();
        Map<String, String> conflicts = new HashMap<>();
        for (String path : sorted) {
            OutputNames.Target target = names.target(path);
            String targetPath = new Path(new Path(names.outputRoot()), target.relative()).toUri().getPath();
            String first = claimed.putIfAbsent(target.relative(), path);
            if (first != null) {
                conflicts.put(path, "its output " + store.describe(target.relative()) + " is already written from "
                        + first + "; use --format or separate runs");
            } else if (inputs.contains(targetPath) && !names.overwritesInput(path, target)) {
                conflicts.put(path, "its output " + store.describe(target.relative()) + " would overwrite another"
                        + " input; give another output folder or --suffix");
            }
        }
        return conflicts;
    }

    private EnhanceReport report(List<Row> notes, double seconds) {
        long written = 0;
        long skipped = 0;
        long failed = 0;
        List<EnhanceReport.Entry> failures = new ArrayList<>();
        List<EnhanceReport.Entry> skips = new ArrayList<>();
        for (Row note : notes) {
            String kind = note.getString(0);
            if (WriteOutputs.COUNTS.equals(kind)) {
                written += note.getLong(3);
                skipped += note.getLong(4);
                failed += note.getLong(5);
            } else if (PlanOutputs.FAILED.equals(kind)) {
                failures.add(new EnhanceReport.Entry(note.getString(1), note.getString(2)));
            } else {
                skips.add(new EnhanceReport.Entry(note.getString(1), note.getString(2)));
            }
        }
        failures.sort((a, b) -> a.input().compareTo(b.input()));
        skips.sort((a, b) -> a.input().compareTo(b.input()));
        return new EnhanceReport(input, output, model, written, skipped, failed, failures, skips, seconds);
    }

    private void writeReport(EnhanceReport result, OutputStore store, OutputStore.ConfSource confSource,
            Configuration conf) throws IOException {
        byte[] json = result.toJson().getBytes(StandardCharsets.UTF_8);
        if (report == null) {
            store.write(REPORT_NAME, json);
            return;
        }
        Path file = new Path(report);
        Path qualified = file.getFileSystem(conf).makeQualified(file);
        OutputStore.of(qualified.getParent().toUri(), confSource).write(qualified.getName(), json);
    }

    /** {@return where the report is written: the file given, else {@value #REPORT_NAME} in the output folder} */
    public String reportPath() {
        return report != null ? report : new Path(new Path(output), REPORT_NAME).toString();
    }

    /**
     * Runs the job from the command line and exits: 0 when every input was enhanced or skipped, 1 when some failed
     * (the others still complete), 2 for a bad command line, a missing input or an unknown model.
     *
     * @param args the command line; {@code --help} describes it
     */
    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Runs the job as {@link #main} does, printing to the given streams, and returns the exit code instead of
     * exiting. Uses the running Spark session if there is one; otherwise starts one ({@code --master}, or
     * spark-submit's settings) and stops it at the end.
     *
     * @param args the command line
     * @param out  where the summary goes
     * @param err  where failures and errors go
     * @return the exit code
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        JobArguments arguments;
        EnhanceJob job;
        try {
            arguments = JobArguments.parse(args);
            if (arguments.help()) {
                out.print(JobArguments.USAGE);
                return 0;
            }
            job = arguments.job();
        } catch (IllegalArgumentException e) {
            err.println("enhance-job: " + e.getMessage());
            err.println("Usage: EnhanceJob [OPTIONS] IN OUT (--help for the options)");
            return 2;
        }
        boolean ours = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark;
        try {
            spark = arguments.session();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            err.println("enhance-job: " + (message.contains("master URL")
                    ? "no Spark master: run through spark-submit, or add --master local[N] to run here" : message));
            return 2;
        }
        try {
            EnhanceReport report = job.run(spark);
            print(report, job.reportPath(), out, err);
            return report.succeeded() ? 0 : 1;
        } catch (IllegalArgumentException | ModelLoadException e) {
            err.println("enhance-job: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("enhance-job: the job failed: " + e);
            return 1;
        } finally {
            if (ours) {
                spark.stop();
            }
        }
    }

    private static void print(EnhanceReport report, String reportPath, PrintStream out, PrintStream err) {
        List<EnhanceReport.Entry> failures = report.failures();
        for (int i = 0; i < Math.min(PRINTED_FAILURES, failures.size()); i++) {
            err.println("failed: " + failures.get(i).input() + ": " + failures.get(i).reason());
        }
        if (failures.size() > PRINTED_FAILURES) {
            err.println("... and " + (failures.size() - PRINTED_FAILURES) + " more failures in the report");
        }
        List<EnhanceReport.Entry> skips = report.skips();
        for (int i = 0; i < Math.min(PRINTED_SKIPS, skips.size()); i++) {
            out.println("skipped: " + skips.get(i).input() + ": " + skips.get(i).reason());
        }
        if (report.skipped() > Math.min(PRINTED_SKIPS, skips.size())) {
            out.println("... and " + (report.skipped() - Math.min(PRINTED_SKIPS, skips.size())) + " more skipped");
        }
        if (report.total() == 0) {
            err.println("enhance-job: no image file under " + report.input() + " matches the glob (names starting"
                    + " with . or _, and empty files, are not listed); see --glob");
        }
        out.println(report.summaryLine());
        out.println("report: " + reportPath);
    }

    /** Builds an {@link EnhanceJob}; each setter checks its argument at once. Not thread-safe. */
    public static final class Builder {
        private final String input;
        private final String output;
        private String model = "sr-x2";
        private String format;
        private double outscale = Double.NaN;
        private int tileSize = EnhanceOptions.DEFAULT_TILE_SIZE;
        private int threads;
        private String device = "auto";
        private String glob = DEFAULT_GLOB;
        private String suffix = DEFAULT_SUFFIX;
        private boolean overwrite;
        private long maxPixels = ImageFiles.DEFAULT_MAX_PIXELS;
        private String report;

        private Builder(String input, String output) {
            this.input = nonBlank(input, "input");
            this.output = nonBlank(output, "output");
        }

        /**
         * The model: a bundled model's id ({@code sr-x2}, the default), a URI, a file shipped with {@code --files},
         * or a path; see {@link EnhanceTransformer#model()}.
         *
         * @param value the model
         * @return this builder
         */
        public Builder model(String value) {
            this.model = nonBlank(value, "model");
            return this;
        }

        /**
         * The output format for every image; by default each input's own where ImageIO writes it, else PNG.
         *
         * @param value {@code png}, {@code jpg}, {@code bmp}, {@code gif}, {@code tif}, ...; {@code null} for the
         *              default
         * @return this builder
         * @throws IllegalArgumentException listing the writable formats, if ImageIO does not write this one
         */
        public Builder format(String value) {
            this.format = value == null || value.isBlank() ? null : OutputFormats.checkWritable(value);
            return this;
        }

        /**
         * The final scale relative to the input; by default the model's own.
         *
         * @param value any positive factor, e.g. 2 or 2.5
         * @return this builder
         */
        public Builder outscale(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("outscale must be a positive number, got " + value);
            }
            this.outscale = value;
            return this;
        }

        /**
         * The tile edge in input pixels; default {@value EnhanceOptions#DEFAULT_TILE_SIZE}.
         *
         * @param value positive
         * @return this builder
         */
        public Builder tileSize(int value) {
            this.tileSize = positive(value, "tileSize");
            return this;
        }

        /**
         * ONNX Runtime threads per task; 0 (the default) for the task's {@code spark.task.cpus}.
         *
         * @param value 0 or more
         * @return this builder
         */
        public Builder threads(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("threads must be 0 (spark.task.cpus) or more, got " + value);
            }
            this.threads = value;
            return this;
        }

        /**
         * Where the model runs.
         *
         * @param value {@code auto} (the default), {@code cpu} or {@code cuda:N}
         * @return this builder
         */
        public Builder device(String value) {
            Device.parse(value);
            this.device = value;
            return this;
        }

        /**
         * The file names taken from folders; letters match in either case.
         *
         * @param value a glob such as {@code *.png} or {@code *.{jpg,jpeg}}; default {@value #DEFAULT_GLOB}
         * @return this builder
         */
        public Builder glob(String value) {
            this.glob = nonBlank(value, "glob");
            return this;
        }

        /**
         * Added to each output file name's stem.
         *
         * @param value default {@value #DEFAULT_SUFFIX}; may be empty when the output folder is another
         * @return this builder
         */
        public Builder suffix(String value) {
            this.suffix = Objects.requireNonNull(value, "suffix");
            return this;
        }

        /**
         * Whether outputs that exist from before the run are replaced; by default they are skipped and counted.
         *
         * @param value {@code true} to replace them
         * @return this builder
         */
        public Builder overwrite(boolean value) {
            this.overwrite = value;
            return this;
        }

        /**
         * The largest image decoded, in pixels; larger ones fail before decoding.
         *
         * @param value positive; default {@link ImageFiles#DEFAULT_MAX_PIXELS}
         * @return this builder
         */
        public Builder maxPixels(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxPixels must be positive, got " + value);
            }
            this.maxPixels = value;
            return this;
        }

        /**
         * Where the report goes; by default {@value #REPORT_NAME} in the output folder.
         *
         * @param value a file path or URI, or {@code null} for the default
         * @return this builder
         */
        public Builder report(String value) {
            this.report = value == null || value.isBlank() ? null : value;
            return this;
        }

        /** {@return the job} */
        public EnhanceJob build() {
            return new EnhanceJob(this);
        }

        private static String nonBlank(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is missing");
            }
            return value;
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
