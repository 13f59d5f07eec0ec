package io.github.enhance4j.spark.internal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * A Hadoop {@link Configuration} that travels to executors (it is {@code Writable}, not {@code Serializable}), so that
 * they reach {@code hdfs://} or {@code s3a://} with the driver's settings ({@code spark.hadoop.*} included).
 */
public final class HadoopConf implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient Configuration value;

    /**
     * Wraps a configuration; it is copied when serialized.
     *
     * @param value the driver's configuration
     */
    public HadoopConf(Configuration value) {
        this.value = value;
    }

    /** {@return the configuration} */
    public Configuration value() {
        return value;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        value.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        value = new Configuration(false);
        value.readFields(in);
    }
}
