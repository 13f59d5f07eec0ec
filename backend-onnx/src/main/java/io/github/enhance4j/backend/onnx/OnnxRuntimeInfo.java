package io.github.enhance4j.backend.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The ONNX Runtime version and artifact this backend was built against (filtered in by Maven), for messages. */
final class OnnxRuntimeInfo {

    private static final Properties BUILD = load();

    private OnnxRuntimeInfo() {
    }

    static String expectedVersion() {
        return BUILD.getProperty("onnxruntime.version", "(see enhance4j-backend-onnx's pom)");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = OnnxRuntimeInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // messages fall back to a pointer at the pom
        }
        return p;
    }
}
