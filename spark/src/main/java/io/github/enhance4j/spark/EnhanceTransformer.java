package io.github.enhance4j.spark;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.spark.internal.EnhanceSettings;
import io.github.enhance4j.spark.internal.HadoopConf;
import io.github.enhance4j.spark.internal.ImageStructs;
import io.github.enhance4j.spark.internal.ModelLocator;
import io.github.enhance4j.spark.internal.OutputFormats;
import io.github.enhance4j.spark.internal.PartitionEnhancer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML stage that enhances a column of images with an enhance4j model and adds the results as encoded image
 * files, with their width, height and an error column.
 *
 * <pre>{@code
 * Dataset<Row> files = spark.read().format("binaryFile").load("hdfs:///photos");
 * Dataset<Row> enhanced = new EnhanceTransformer()
 *         .setModel("sr-x2")            // or hdfs:///models/x4.onnx, or a file shipped with --files
 *         .setFormat("png")
 *         .transform(files);            // adds enhanced, enhanced_width, enhanced_height, enhance_error
 * }</pre>
 *
 * <p>The input column holds either encoded image files (binary, as {@code spark.read.format("binaryFile")} gives in
 * {@code content}) or Spark's image struct ({@code spark.read.format("image")}: BGR or BGRA samples). An image that
 * cannot be decoded, is larger than {@link #maxPixels()} or fails to enhance gets null results and a readable message
 * in {@link #errorCol()}; it never fails the job. A null input gives null results and no error. Messages name the
 * image by the input's {@code path} column when there is one (binaryFile's), or by the image struct's
 * {@code origin}.
 *
 * <h2>Models on a cluster</h2>
 * {@link #model()} is a bundled model's id ({@code sr-x2}, {@code sr-x4}, {@code seed-autoencoder}), a URI read
 * through Hadoop's file systems ({@code hdfs://}, {@code s3a://}, ...), the name of a file shipped with
 * {@code spark-submit --files} or {@code SparkContext.addFile}, a local path that exists on every node, or a path on
 * the default file system; in that order. The driver checks that it exists when {@link #transform} is called. Each
 * executor JVM fetches the model's bytes once and loads one enhancer per model content (SHA-256) and options, shared
 * by all its tasks and closed when the executor shuts down; nothing heavy is serialized with this stage.
 *
 * <h2>Threads</h2>
 * Each task runs ONNX Runtime with {@link #threads()} threads per image; 0 (the default) means the task's
 * {@code spark.task.cpus}. An executor runs {@code spark.executor.cores / spark.task.cpus} tasks at once, so tasks
 * times threads equals its cores and nothing is oversubscribed. To give each image more threads (large images, few
 * of them), raise {@code spark.task.cpus}, which runs fewer tasks at once; a fixed {@code threads} overrides it.
 *
 * <p>Save and load it like any Spark ML stage ({@link #save(String)}, {@link #load(String)}), alone or in a
 * {@code Pipeline}. A stage is configured on the driver by one thread, as Spark ML stages are; {@code transform}
 * may then run from any thread.
 */
public final class EnhanceTransformer extends Transformer implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    /** Spark ML finds a Java stage's reader through a static {@code read()}; this gives the standard one. */
    private static final DefaultParamsReadable<EnhanceTransformer> READABLE = new DefaultParamsReadable<>() {
    };

    /** @serial the stage's unique id */
    private final String uid;
    /** @serial the input column parameter */
    private final Param<String> inputCol;
    /** @serial the output column parameter */
    private final Param<String> outputCol;
    /** @serial the width column parameter */
    private final Param<String> widthCol;
    /** @serial the height column parameter */
    private final Param<String> heightCol;
    /** @serial the error column parameter */
    private final Param<String> errorCol;
    /** @serial the model parameter */
    private final Param<String> model;
    /** @serial the output format parameter */
    private final Param<String> format;
    /** @serial the per-row format column parameter */
    private final Param<String> formatCol;
    /** @serial the final scale parameter */
    private final DoubleParam outscale;
    /** @serial the tile size parameter */
    private final IntParam tileSize;
    /** @serial the threads-per-task parameter */
    private final IntParam threads;
    /** @serial the device parameter */
    private final Param<String> device;
    /** @serial the pixel limit parameter */
    private final LongParam maxPixels;

    /** A stage with a random uid and the default parameters: {@code content} in, the bundled {@code sr-x2}. */
    public EnhanceTransformer() {
        this(Identifiable.randomUID("enhance"));
    }

    /**
     * A stage with the given uid and the default parameters; used by Spark ML when loading and copying stages.
     *
     * @param uid the stage's unique id
     */
    public EnhanceTransformer(String uid) {
        this.uid = uid;
        inputCol = new Param<>(this, "inputCol", "column of images: encoded files (binary) or image structs");
        outputCol = new Param<>(this, "outputCol", "new column of enhanced images, encoded (binary)");
        widthCol = new Param<>(this, "widthCol", "new column of the enhanced images' widths (int)");
        heightCol = new Param<>(this, "heightCol", "new column of the enhanced images' heights (int)");
        errorCol = new Param<>(this, "errorCol", "new column of why an image failed (string), null when it did not");
        model = new Param<>(this, "model", "bundled model id, URI (hdfs://, s3a://, ...), SparkFiles name or path");
        format = new Param<>(this, "format", "output format (png, jpg, bmp, gif, tif, ...); empty for each input's"
                + " own where ImageIO writes it, else png");
        formatCol = new Param<>(this, "formatCol", "optional string column of each row's output format, overriding"
                + " format where not null");
        outscale = new DoubleParam(this, "outscale", "final scale relative to the input (> 0); unset for the"
                + " model's own", ParamValidators.gt(0));
        tileSize = new IntParam(this, "tileSize", "tile edge in input pixels (> 0)", ParamValidators.gt(0));
        threads = new IntParam(this, "threads", "ONNX Runtime threads per task (>= 0); 0 for spark.task.cpus",
                ParamValidators.gtEq(0));
        device = new Param<>(this, "device", "auto, cpu or cuda:N");
        maxPixels = new LongParam(this, "maxPixels", "largest width x height decoded (> 0); larger images fail"
                + " their row", ParamValidators.gt(0));
        setDefault(inputCol, "content");
        setDefault(outputCol, "enhanced");
        setDefault(widthCol, "enhanced_width");
        setDefault(heightCol, "enhanced_height");
        setDefault(errorCol, "enhance_error");
        setDefault(model, "sr-x2");
        setDefault(format, "");
        setDefault(tileSize, (Object) EnhanceOptions.DEFAULT_TILE_SIZE);
        setDefault(threads, (Object) 0);
        setDefault(device, "auto");
        setDefault(maxPixels, (Object) ImageFiles.DEFAULT_MAX_PIXELS);
    }

    /** {@return the stage's unique id} */
    @Override
    public String uid() {
        return uid;
    }

    /** {@return the input column: encoded image files (binary) or Spark image structs; default {@code content}} */
    public Param<String> inputCol() {
        return inputCol;
    }

    /** {@return the output column of encoded enhanced images; default {@code enhanced}} */
    public Param<String> outputCol() {
        return outputCol;
    }

    /** {@return the output column of the enhanced images' widths; default {@code enhanced_width}} */
    public Param<String> widthCol() {
        return widthCol;
    }

    /** {@return the output column of the enhanced images' heights; default {@code enhanced_height}} */
    public Param<String> heightCol() {
        return heightCol;
    }

    /** {@return the output column of errors, null where the image was enhanced; default {@code enhance_error}} */
    public Param<String> errorCol() {
        return errorCol;
    }

    /**
     * {@return the model: a bundled model's id, a URI, a SparkFiles name or a path; default {@code sr-x2}} See
     * "Models on a cluster" above.
     */
    public Param<String> model() {
        return model;
    }

    /**
     * {@return the output format, e.g. {@code png} or {@code jpg}} Empty (the default) keeps each input's own format
     * where ImageIO can write it, else PNG; image structs become PNG.
     */
    public Param<String> format() {
        return format;
    }

    /** {@return an optional string column naming each row's output format; where null, {@link #format()} applies} */
    public Param<String> formatCol() {
        return formatCol;
    }

    /** {@return the final scale relative to the input, any factor such as 2 or 2.5; unset for the model's own} */
    public DoubleParam outscale() {
        return outscale;
    }

    /** {@return the tile edge in input pixels; default {@value EnhanceOptions#DEFAULT_TILE_SIZE}} */
    public IntParam tileSize() {
        return tileSize;
    }

    /** {@return the ONNX Runtime threads per task; 0 (the default) for the task's {@code spark.task.cpus}} */
    public IntParam threads() {
        return threads;
    }

    /** {@return where the model runs: {@code auto} (the default), {@code cpu} or {@code cuda:N}} */
    public Param<String> device() {
        return device;
    }

    /** {@return the largest image, in pixels, that is decoded; larger ones fail their row before decoding} */
    public LongParam maxPixels() {
        return maxPixels;
    }

    /**
     * Sets {@link #inputCol()}.
     *
     * @param value a column of encoded images or image structs
     * @return this stage
     */
    public EnhanceTransformer setInputCol(String value) {
        return (EnhanceTransformer) set(inputCol, value);
    }

    /**
     * Sets {@link #outputCol()}.
     *
     * @param value the new column's name
     * @return this stage
     */
    public EnhanceTransformer setOutputCol(String value) {
        return (EnhanceTransformer) set(outputCol, value);
    }

    /**
     * Sets {@link #widthCol()}.
     *
     * @param value the new column's name
     * @return this stage
     */
    public EnhanceTransformer setWidthCol(String value) {
        return (EnhanceTransformer) set(widthCol, value);
    }

    /**
     * Sets {@link #heightCol()}.
     *
     * @param value the new column's name
     * @return this stage
     */
    public EnhanceTransformer setHeightCol(String value) {
        return (EnhanceTransformer) set(heightCol, value);
    }

    /**
     * Sets {@link #errorCol()}.
     *
     * @param value the new column's name
     * @return this stage
     */
    public EnhanceTransformer setErrorCol(String value) {
        return (EnhanceTransformer) set(errorCol, value);
    }

    /**
     * Sets {@link #model()}.
     *
     * @param value a bundled model's id, a URI, a SparkFiles name or a path
     * @return this stage
     */
    public EnhanceTransformer setModel(String value) {
        return (EnhanceTransformer) set(model, value);
    }

    /**
     * Sets {@link #format()}.
     *
     * @param value a format ImageIO writes ({@code png}, {@code jpg}, ...), or empty for each input's own
     * @return this stage
     */
    public EnhanceTransformer setFormat(String value) {
        return (EnhanceTransformer) set(format, value);
    }

    /**
     * Sets {@link #formatCol()}.
     *
     * @param value a string column naming each row's output format
     * @return this stage
     */
    public EnhanceTransformer setFormatCol(String value) {
        return (EnhanceTransformer) set(formatCol, value);
    }

    /**
     * Sets {@link #outscale()}.
     *
     * @param value the final scale, positive
     * @return this stage
     */
    public EnhanceTransformer setOutscale(double value) {
        return (EnhanceTransformer) set(outscale, (Object) value);
    }

    /**
     * Sets {@link #tileSize()}.
     *
     * @param value tile edge in input pixels, positive
     * @return this stage
     */
    public EnhanceTransformer setTileSize(int value) {
        return (EnhanceTransformer) set(tileSize, (Object) value);
    }

    /**
     * Sets {@link #threads()}.
     *
     * @param value ONNX Runtime threads per task, or 0 for {@code spark.task.cpus}
     * @return this stage
     */
    public EnhanceTransformer setThreads(int value) {
        return (EnhanceTransformer) set(threads, (Object) value);
    }

    /**
     * Sets {@link #device()}.
     *
     * @param value {@code auto}, {@code cpu} or {@code cuda:N}
     * @return this stage
     */
    public EnhanceTransformer setDevice(String value) {
        return (EnhanceTransformer) set(device, value);
    }

    /**
     * Sets {@link #maxPixels()}.
     *
     * @param value the largest width x height decoded, positive
     * @return this stage
     */
    public EnhanceTransformer setMaxPixels(long value) {
        return (EnhanceTransformer) set(maxPixels, (Object) value);
    }

    /** {@return the input column's name} */
    public String getInputCol() {
        return $(inputCol);
    }

    /** {@return the output column's name} */
    public String getOutputCol() {
        return $(outputCol);
    }

    /** {@return the width column's name} */
    public String getWidthCol() {
        return $(widthCol);
    }

    /** {@return the height column's name} */
    public String getHeightCol() {
        return $(heightCol);
    }

    /** {@return the error column's name} */
    public String getErrorCol() {
        return $(errorCol);
    }

    /** {@return the model} */
    public String getModel() {
        return $(model);
    }

    /** {@return the output format, empty for each input's own} */
    public String getFormat() {
        return $(format);
    }

    /** {@return the per-row format column's name, or {@code null} when not set} */
    public String getFormatCol() {
        return isDefined(formatCol) ? $(formatCol) : null;
    }

    /** {@return the final scale, or NaN for the model's own} */
    public double getOutscale() {
        return isDefined(outscale) ? (Double) $(outscale) : Double.NaN;
    }

    /** {@return the tile edge in input pixels} */
    public int getTileSize() {
        return (Integer) $(tileSize);
    }

    /** {@return the ONNX Runtime threads per task, 0 for {@code spark.task.cpus}} */
    public int getThreads() {
        return (Integer) $(threads);
    }

    /** {@return where the model runs} */
    public String getDevice() {
        return $(device);
    }

    /** {@return the largest image decoded, in pixels} */
    public long getMaxPixels() {
        return (Long) $(maxPixels);
    }

    /**
     * Checks the parameters and the input column's type, and gives the output schema: the input's columns, then
     * {@link #outputCol()} (binary), {@link #widthCol()}, {@link #heightCol()} (int) and {@link #errorCol()}
     * (string), all nullable.
     *
     * @param schema the input's schema
     * @return the output's schema
     * @throws IllegalArgumentException saying what to change, if a column is missing, of the wrong type or already
     *                                  there, or a parameter is invalid
     */
    @Override
    public StructType transformSchema(StructType schema) {
        DataType input = column(schema, getInputCol(), "inputCol").dataType();
        if (!(input instanceof BinaryType) && ImageStructs.fields(input) == null) {
            throw new IllegalArgumentException("EnhanceTransformer: column '" + getInputCol() + "' is "
                    + input.simpleString() + "; inputCol must hold encoded image files (binary, as"
                    + " spark.read.format(\"binaryFile\") gives in 'content') or Spark's image struct (as"
                    + " spark.read.format(\"image\") gives in 'image')");
        }
        if (getFormatCol() != null) {
            DataType type = column(schema, getFormatCol(), "formatCol").dataType();
            if (!(type instanceof StringType)) {
                throw new IllegalArgumentException("EnhanceTransformer: formatCol '" + getFormatCol() + "' is "
                        + type.simpleString() + "; it must be a string column of formats such as png or jpg");
            }
        }
        if (!getFormat().isBlank()) {
            try {
                OutputFormats.checkWritable(getFormat());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("EnhanceTransformer: format: " + e.getMessage(), e);
            }
        }
        if (getModel() == null || getModel().isBlank()) {
            throw new IllegalArgumentException("EnhanceTransformer: model is empty; give a bundled model's id"
                    + " (sr-x2, sr-x4, seed-autoencoder, restore, restore-x2, restore-x4), a URI or a path");
        }
        try {
            Device.parse(getDevice());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EnhanceTransformer: device: " + e.getMessage(), e);
        }
        List<String> added = List.of(getOutputCol(), getWidthCol(), getHeightCol(), getErrorCol());
        Set<String> existing = new HashSet<>(Arrays.asList(schema.fieldNames()));
        Set<String> seen = new HashSet<>();
        for (String name : added) {
            if (existing.contains(name)) {
                throw new IllegalArgumentException("EnhanceTransformer: the output column '" + name + "' is already"
                        + " in the input; choose other names with setOutputCol, setWidthCol, setHeightCol or"
                        + " setErrorCol, or drop it first");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("EnhanceTransformer: '" + name + "' is given for two output"
                        + " columns; outputCol, widthCol, heightCol and errorCol must differ");
            }
        }
        return schema.add(new StructField(getOutputCol(), DataTypes.BinaryType, true, emptyMetadata()))
                .add(new StructField(getWidthCol(), DataTypes.IntegerType, true, emptyMetadata()))
                .add(new StructField(getHeightCol(), DataTypes.IntegerType, true, emptyMetadata()))
                .add(new StructField(getErrorCol(), DataTypes.StringType, true, emptyMetadata()));
    }

    /**
     * Adds the enhanced images to a dataset, lazily, as Spark transformations are: the images are enhanced when an
     * action runs. The model is looked for now, on the driver, so that a wrong name fails at once.
     *
     * @param dataset rows with {@link #inputCol()}
     * @return the rows with the four output columns added
     * @throws IllegalArgumentException             as {@link #transformSchema(StructType)}
     * @throws io.github.enhance4j.ModelLoadException ({@code NOT_FOUND}) if the model is nowhere to be found
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType outSchema = transformSchema(dataset.schema());
        SparkSession spark = dataset.sparkSession();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        ModelLocator.Location location = ModelLocator.locate(getModel(), conf);
        Broadcast<HadoopConf> hadoopConf = location.kind().needsHadoop()
                ? JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new HadoopConf(conf)) : null;
        StructType schema = dataset.schema();
        int inputIndex = schema.fieldIndex(getInputCol());
        EnhanceSettings settings = new EnhanceSettings(location, hadoopConf, inputIndex,
                ImageStructs.fields(schema.fields()[inputIndex].dataType()), stringColumn(schema, "path"),
                getFormat().isBlank() ? null : OutputFormats.checkWritable(getFormat()),
                getFormatCol() == null ? -1 : schema.fieldIndex(getFormatCol()), getOutscale(), getTileSize(),
                getThreads(), getDevice(), getMaxPixels());
        return dataset.toDF().mapPartitions(new PartitionEnhancer(settings), Encoders.row(outSchema));
    }

    /**
     * A copy with the same uid and parameters, and {@code extra} set on it.
     *
     * @param extra parameters to set on the copy
     * @return the copy
     */
    @Override
    public EnhanceTransformer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /**
     * Spark ML's reader for saved stages of this class; {@code Pipeline} loading finds it through this method.
     *
     * @return the reader
     */
    public static MLReader<EnhanceTransformer> read() {
        return READABLE.read();
    }

    /**
     * Loads a stage saved with {@link #save(String)}.
     *
     * @param path where it was saved
     * @return the stage
     */
    public static EnhanceTransformer load(String path) {
        return read().load(path);
    }

    private static StructField column(StructType schema, String name, String param) {
        for (StructField field : schema.fields()) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException("EnhanceTransformer: " + param + " '" + name + "' is not a column of the"
                + " input; its columns are " + Arrays.toString(schema.fieldNames()));
    }

    private static int stringColumn(StructType schema, String name) {
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().equals(name) && fields[i].dataType() instanceof StringType) {
                return i;
            }
        }
        return -1;
    }

    private static org.apache.spark.sql.types.Metadata emptyMetadata() {
        return org.apache.spark.sql.types.Metadata.empty();
    }
}
