package io.github.enhance4j.it.modular;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts {@link ModularApp} in a fresh JVM with a module path and no class path: enhance4j-api, -models and
 * -backend-onnx (with ONNX Runtime as an automatic module) must resolve as modules, the backend must be found through
 * {@code provides}/{@code uses}, and the bundled model must be readable from its module.
 */
class ModularApplicationTest {

    @TempDir
    Path dir;

    @Test
    void modulePathOnly_enhancesWithBundledModelAndOnnxBackend() throws Exception {
        Path in = dir.resolve("in.png");
        ImageIO.write(gradient(20, 14), "png", in.toFile());
        Path out = dir.resolve("out.png");

        String modulePath = System.getProperty("app.classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("app.modulePath"))).trim();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "--module-path", modulePath,
                "-m", "io.github.enhance4j.it.modular/io.github.enhance4j.it.modular.ModularApp",
                in.toString(), out.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the application did not finish");
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + output);

        assertTrue(output.contains("backend=onnx"), output);
        assertTrue(output.contains("app=io.github.enhance4j.it.modular"), output);
        assertTrue(output.contains("api=io.github.enhance4j\n") || output.contains("api=io.github.enhance4j\r\n"),
                output);
        assertTrue(output.contains("models=io.github.enhance4j.models"), output);
        assertTrue(output.contains("backend-module=io.github.enhance4j.backend.onnx"), output);
        BufferedImage result = ImageIO.read(out.toFile());
        assertEquals(40, result.getWidth());
        assertEquals(28, result.getHeight());
    }

    @Test
    void bom_managesTheOnnxRuntimeVersionTheBackendWasBuiltWith() throws Exception {
        Properties built = new Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("io/github/enhance4j/backend/onnx/build.properties")) {
            built.load(in);
        }
        String onnxRuntimeJar = Stream.of(Files.readString(Path.of(System.getProperty("app.modulePath"))).trim()
                        .split(File.pathSeparator))
                .map(p -> Path.of(p).getFileName().toString())
                .filter(name -> name.startsWith("onnxruntime-"))
                .findFirst().orElseThrow();
        assertEquals("onnxruntime-" + built.getProperty("onnxruntime.version") + ".jar", onnxRuntimeJar,
                "enhance4j-bom's onnxruntime.version differs from the parent pom's");
    }

    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 12) << 16 | (y * 18) << 8 | ((x + y) * 7));
            }
        }
        return image;
    }
}
