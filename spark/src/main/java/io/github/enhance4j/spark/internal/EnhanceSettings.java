package io.github.enhance4j.spark.internal;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.broadcast.Broadcast;

/**
 * What each task needs to enhance its rows, taken from the transformer's parameters and the input's schema on the
 * driver. Small and serializable: the loaded model is never shipped, only where to find it.
 *
 * @param model        where the driver found the model
 * @param hadoopConf   the driver's Hadoop configuration, broadcast; {@code null} when the model does not need it
 * @param inputIndex   position of the column holding the images
 * @param struct       field positions when that column is an image struct, {@code null} for encoded bytes
 * @param nameIndex    position of a string column naming the images in messages ({@code path}), or -1
 * @param format       the output format, or {@code null} for each input's own
 * @param formatIndex  position of a string column naming each row's output format, or -1
 * @param outscale     the final scale, or NaN for the model's own
 * @param tileSize     tile edge in input pixels
 * @param threads      ONNX Runtime threads per task; 0 for the task's {@code spark.task.cpus}
 * @param device       {@code auto}, {@code cpu} or {@code cuda:N}
 * @param maxPixels    the largest image decoded
 */
public record EnhanceSettings(ModelLocator.Location model, Broadcast<HadoopConf> hadoopConf, int inputIndex,
        ImageStructs.Fields struct, int nameIndex, String format, int formatIndex, double outscale, int tileSize,
        int threads, String device, long maxPixels) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The enhancer options for a task.
     *
     * @param taskCpus the task's {@code spark.task.cpus}, used when {@link #threads()} is 0
     * @return the options
     */
    public EnhanceOptions options(int taskCpus) {
        EnhanceOptions.Builder b = EnhanceOptions.builder()
                .device(Device.parse(device))
                .threads(threads > 0 ? threads : Math.max(1, taskCpus))
                .tileSize(tileSize)
                .tileOverlap(Math.min(EnhanceOptions.DEFAULT_TILE_OVERLAP, (tileSize - 1) / 2));
        if (!Double.isNaN(outscale)) {
            b.outscale(outscale);
        }
        return b.build();
    }

    /** {@return the Hadoop configuration for fetching the model, the driver's when broadcast} */
    public Configuration configuration() {
        return hadoopConf == null ? new Configuration() : hadoopConf.value().value();
    }
}
