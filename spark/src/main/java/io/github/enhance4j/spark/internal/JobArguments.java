package io.github.enhance4j.spark.internal;

import io.github.enhance4j.spark.EnhanceJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The command line of {@link EnhanceJob#main}: a job, and how to start Spark when not under spark-submit. */
public final class JobArguments {

    /** The {@code --help} text. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: EnhanceJob [OPTIONS] IN OUT",
            "Enhances every image file under IN into OUT on Spark, one output per input, named as the enhance",
            "command line names them (the input's relative path, NAME_enhanced.EXT), with a report.",
            "  IN                    a folder (searched recursively), a file, or a glob such as 'photos/2024-*';",
            "                        local, or any Hadoop file system URI (hdfs://, s3a://, ...)",
            "  OUT, -o, --output OUT the output folder",
            "  -m, --model NAME|PATH a bundled model (sr-x2, the default; sr-x4; seed-autoencoder), a file shipped",
            "                        with --files, a URI (hdfs:///models/x.onnx) or a path on every node",
            "  --format EXT          output format: png, jpg, bmp, gif, tif (default: the input's, else png)",
            "  --scale N             final enlargement, a whole number (default: the model's own)",
            "  --outscale X          final enlargement, any factor, e.g. 2.5",
            "  --tile N              tile size in pixels (default: 512)",
            "  --threads N           ONNX Runtime threads per task (default: spark.task.cpus)",
            "  --device DEV          auto, cpu or cuda:N (default: auto)",
            "  --glob PATTERN        file names to take (default: " + EnhanceJob.DEFAULT_GLOB + ", any case)",
            "  --suffix TEXT         added to output file names (default: " + EnhanceJob.DEFAULT_SUFFIX + ")",
            "  --overwrite           replace outputs from earlier runs (default: skip and count them)",
            "  --max-pixels N        refuse images larger than this many pixels",
            "  --report FILE         where the JSON report goes (default: OUT/" + EnhanceJob.REPORT_NAME + ")",
            "  --master URL          Spark master when not run by spark-submit, e.g. local[2]",
            "  --conf KEY=VALUE      a Spark setting for that session (repeatable)",
            "  -h, --help            this text",
            "Exit codes: 0 every image enhanced or skipped, 1 some failed (the others completed), 2 bad usage,",
            "a missing input or an unknown model.",
            "");

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> confs = new LinkedHashMap<>();
    private String output;
    private String model;
    private String format;
    private Integer scale;
    private Double outscale;
    private Integer tile;
    private Integer threads;
    private String device;
    private String glob;
    private String suffix;
    private boolean overwrite;
    private Long maxPixels;
    private String report;
    private String master;
    private boolean help;

    private JobArguments() {
    }

    /**
     * Parses a command line; {@code --name value} and {@code --name=value} are both accepted.
     *
     * @param args the arguments
     * @return them, parsed
     * @throws IllegalArgumentException saying what is wrong
     */
    public static JobArguments parse(String[] args) {
        JobArguments a = new JobArguments();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                name = arg.substring(0, arg.indexOf('='));
                inline = arg.substring(arg.indexOf('=') + 1);
            }
            if (!name.startsWith("-") || name.equals("-")) {
                a.positional.add(arg);
                continue;
            }
            switch (name) {
                case "-h", "--help" -> a.help = true;
                case "--overwrite" -> a.overwrite = true;
                default -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    a.option(name, value);
                }
            }
        }
        if (a.help) {
            return a;
        }
        if (a.scale != null && a.outscale != null) {
            throw new IllegalArgumentException("--scale and --outscale exclude each other");
        }
        int expected = a.output == null ? 2 : 1;
        if (a.positional.size() != expected) {
            throw new IllegalArgumentException(a.positional.isEmpty() ? "no input: give IN and OUT"
                    : a.positional.size() < expected ? "no output folder: give OUT after IN, or -o OUT"
                    : "too many arguments: " + a.positional + "; give one IN and one OUT");
        }
        if (a.output == null) {
            a.output = a.positional.get(1);
        }
        return a;
    }

    private void option(String name, String value) {
        switch (name) {
            case "-o", "--output" -> output = value;
            case "-m", "--model" -> model = value;
            case "--format" -> format = value;
            case "--scale" -> scale = integer(name, value);
            case "--outscale" -> outscale = number(name, value);
            case "--tile" -> tile = integer(name, value);
            case "--threads" -> threads = integer(name, value);
            case "--device" -> device = value;
            case "--glob" -> glob = value;
            case "--suffix" -> suffix = value;
            case "--max-pixels" -> maxPixels = whole(name, value.replace("_", ""));
            case "--report" -> report = value;
            case "--master" -> master = value;
            case "--conf" -> {
                int eq = value.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("--conf takes KEY=VALUE, got '" + value + "'");
                }
                confs.put(value.substring(0, eq), value.substring(eq + 1));
            }
            default -> throw new IllegalArgumentException("unknown option " + name + " (--help lists them)");
        }
    }

    /** {@return whether {@code --help} was given} */
    public boolean help() {
        return help;
    }

    /**
     * {@return the job the arguments describe}
     *
     * @throws IllegalArgumentException if a value is out of range or the format is not writable
     */
    public EnhanceJob job() {
        EnhanceJob.Builder b = EnhanceJob.builder(positional.get(0), output).overwrite(overwrite);
        if (model != null) {
            b.model(model);
        }
        b.format(format);
        if (scale != null) {
            b.outscale(scale);
        }
        if (outscale != null) {
            b.outscale(outscale);
        }
        if (tile != null) {
            b.tileSize(tile);
        }
        if (threads != null) {
            b.threads(threads);
        }
        if (device != null) {
            b.device(device);
        }
        if (glob != null) {
            b.glob(glob);
        }
        if (suffix != null) {
            b.suffix(suffix);
        }
        if (maxPixels != null) {
            b.maxPixels(maxPixels);
        }
        return b.report(report).build();
    }

    /** {@return a Spark session: spark-submit's, or one for {@code --master}, with the {@code --conf} settings} */
    public SparkSession session() {
        SparkSession.Builder b = SparkSession.builder().appName("enhance4j");
        if (master != null) {
            b.master(master);
        }
        confs.forEach(b::config);
        return b.getOrCreate();
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, got '" + value + "'");
        }
    }

    private static long whole(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, got '" + value + "'");
        }
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value.strip().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a number, got '" + value + "'");
        }
    }
}
