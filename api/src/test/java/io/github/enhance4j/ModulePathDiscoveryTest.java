package io.github.enhance4j;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration works both ways a backend can be deployed: {@code provides} in {@code module-info.java} on the module
 * path, and {@code META-INF/services} on the class path. Each scenario compiles a tiny provider and runs it in a
 * fresh JVM, because a test JVM cannot switch between class path and module path.
 */
class ModulePathDiscoveryTest {

    private static final String PROVIDER = String.join("\n",
            "package demo.provider;",
            "import io.github.enhance4j.*;",
            "import io.github.enhance4j.image.Tensor;",
            "import io.github.enhance4j.spi.*;",
            "public class DemoProvider implements EnhancerProvider {",
            "  public String name() { return \"demo\"; }",
            "  public int priority() { return 1; }",
            "  public boolean supports(ModelSource m) { return new String(m.header(4)).equals(\"DEMO\"); }",
            "  public Enhancer open(ModelSource m, EnhanceOptions o) {",
            "    ModelInfo info = ModelInfo.builder().backend(name()).build();",
            "    return TiledEnhancer.create(new InferenceEngine() {",
            "      public ModelInfo info() { return info; }",
            "      public Tensor run(Tensor t) { return t; }",
            "      public void close() { }",
            "    }, o);",
            "  }",
            "}");

    private static final String MAIN = String.join("\n",
            "package demo.provider;",
            "import io.github.enhance4j.*;",
            "public class Main {",
            "  public static void main(String[] args) {",
            "    try (Enhancer e = Enhancer.load(ModelSource.of(\"DEMO\".getBytes(), \"demo.model\"),",
            "        EnhanceOptions.defaults())) {",
            "      System.out.println(\"backend=\" + e.info().backend() + \" module=\"",
            "          + Enhancer.class.getModule().getName());",
            "    }",
            "  }",
            "}");

    @TempDir
    Path dir;

    @Test
    void modulePath_providerDeclaredWithProvides_isFound() throws Exception {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), "module demo.provider { requires io.github.enhance4j;"
                + " provides io.github.enhance4j.spi.EnhancerProvider with demo.provider.DemoProvider; }");
        write(src.resolve("demo/provider/DemoProvider.java"), PROVIDER);
        write(src.resolve("demo/provider/Main.java"), MAIN);
        Path out = dir.resolve("mods/demo.provider");
        compile(List.of("--module-path", dependencyPath(), "-d", out.toString()), src);

        String stdout = run("--module-path", dependencyPath() + File.pathSeparator + dir.resolve("mods"),
                "-m", "demo.provider/demo.provider.Main");

        assertThat(stdout).contains("backend=demo module=io.github.enhance4j");
    }

    @Test
    void classPath_providerListedInMetaInfServices_isFound() throws Exception {
        Path src = dir.resolve("src");
        write(src.resolve("demo/provider/DemoProvider.java"), PROVIDER);
        write(src.resolve("demo/provider/Main.java"), MAIN);
        Path out = dir.resolve("classes");
        compile(List.of("-cp", dependencyPath(), "-d", out.toString()), src);
        write(out.resolve("META-INF/services/io.github.enhance4j.spi.EnhancerProvider"), "demo.provider.DemoProvider");

        String stdout = run("-cp", dependencyPath() + File.pathSeparator + out, "demo.provider.Main");

        assertThat(stdout).contains("backend=demo module=null");
    }

    private static String dependencyPath() throws URISyntaxException {
        return location(Enhancer.class) + File.pathSeparator + location(LoggerFactory.class);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void compile(List<String> options, Path src) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
        command.addAll(options);
        try (var files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> command.add(p.toString()));
        }
        execute(command);
    }

    private static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.addAll(List.of(args));
        return execute(command);
    }

    private static String execute(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s%n%s", command, text).isZero();
        return text;
    }
}
