package io.github.enhance4j.backend.onnx;

import io.github.enhance4j.EnhanceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CPU and GPU runtimes must never meet on one class path; a missing runtime is named too. */
class RuntimeClassPathTest {

    @TempDir
    Path dir;

    private URLClassLoader loaderWith(String... jars) throws Exception {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            Path root = dir.resolve(jars[i]);
            Files.createDirectories(root.resolve("ai/onnxruntime"));
            Files.write(root.resolve("ai/onnxruntime/OrtEnvironment.class"), new byte[] {(byte) 0xca, (byte) 0xfe});
            urls[i] = root.toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }

    @Test
    void check_cpuAndGpuRuntimesTogether_refusesNamingBoth() throws Exception {
        try (URLClassLoader loader = loaderWith("onnxruntime-1.23.2", "onnxruntime_gpu-1.23.2")) {
            assertThatThrownBy(() -> OnnxProvider.checkRuntimeOnClassPath(loader))
                    .isInstanceOf(EnhanceException.class)
                    .hasMessageStartingWith("Several ONNX Runtime jars are on the class path; keep exactly one")
                    .hasMessageContaining("onnxruntime-1.23.2/")
                    .hasMessageContaining("onnxruntime_gpu-1.23.2/")
                    .hasMessageContaining("exclude com.microsoft.onnxruntime:onnxruntime");
        }
    }

    @Test
    void check_noRuntime_namesTheArtifactsToAdd() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> OnnxProvider.checkRuntimeOnClassPath(loader))
                    .isInstanceOf(EnhanceException.class)
                    .hasMessage("ONNX Runtime is not on the class path. Add com.microsoft.onnxruntime:onnxruntime:1.23.2"
                            + " (CPU) or com.microsoft.onnxruntime:onnxruntime_gpu (CUDA), exactly one.");
        }
    }

    @Test
    void check_oneRuntime_passes() throws Exception {
        try (URLClassLoader loader = loaderWith("onnxruntime-1.23.2")) {
            assertThatCode(() -> OnnxProvider.checkRuntimeOnClassPath(loader)).doesNotThrowAnyException();
        }
    }
}
