package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.EnhanceException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Starts ND4J on first use, with a message that says what to add when its natives are missing. */
final class Nd4jRuntime {

    static final String NATIVE_ARTIFACT = "org.nd4j:nd4j-native:1.0.0-M2.1:<platform>-onednn";

    private Nd4jRuntime() {
    }

    static void start() {
        Holder.check();
    }

    /** The backend's version, for ONNX metadata. */
    static String version() {
        try (InputStream in = Nd4jRuntime.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static final class Holder {
        private static final RuntimeException FAILURE = init();

        private static RuntimeException init() {
            try {
                Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
                Nd4j.getExecutioner();
                return null;
            } catch (Throwable e) {
                return new EnhanceException("ND4J could not start on " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + ": " + e + ". The dl4j backend needs ND4J's native library"
                        + " for this platform: add " + NATIVE_ARTIFACT + " (e.g. linux-x86_64-onednn), or build with"
                        + " -Djavacpp.platform=<platform>.", e);
            }
        }

        static void check() {
            if (FAILURE != null) {
                throw FAILURE;
            }
        }
    }
}
