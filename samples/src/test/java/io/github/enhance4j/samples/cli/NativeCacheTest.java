package io.github.enhance4j.samples.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** {@link NativeCache} on jars made in the test that hold stand-ins for ONNX Runtime's native libraries. */
class NativeCacheTest {

    @TempDir
    Path dir;

    private String folder;
    private List<String> names;

    @BeforeEach
    void platform() {
        assumeThat(NativeCache.platform()).as("a platform ONNX Runtime ships libraries for").isNotNull();
        folder = "ai/onnxruntime/native/" + NativeCache.platform() + "/";
        names = NativeCache.libraryNames();
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path prepare(Path root, Path jar) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            return NativeCache.prepare(root, loader);
        }
    }

    @Test
    void prepare_unpacksOnce_andReusesTheFolderAfterwards() throws IOException {
        Path jar = jar("ort.jar", Map.of(folder + names.get(0), "runtime v1", folder + names.get(1), "binding v1"));
        Path cache = dir.resolve("cache");

        Path first = prepare(cache, jar);
        Files.setLastModifiedTime(first.resolve(names.get(0)), FileTime.fromMillis(0));
        Path second = prepare(cache, jar);

        assertThat(first).isEqualTo(second).startsWith(cache);
        assertThat(first.getFileName().toString()).startsWith("onnxruntime-" + NativeCache.platform() + "-");
        assertThat(Files.readString(first.resolve(names.get(0)))).isEqualTo("runtime v1");
        assertThat(Files.readString(first.resolve(names.get(1)))).isEqualTo("binding v1");
        assertThat(Files.getLastModifiedTime(second.resolve(names.get(0))).toMillis()).as("not unpacked again")
                .isZero();
        try (var files = Files.list(first)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @Test
    void prepare_anotherRuntimeVersion_getsItsOwnFolder_andADamagedFileIsReplaced() throws IOException {
        Path cache = dir.resolve("cache");
        Path v1 = prepare(cache, jar("v1.jar", Map.of(folder + names.get(0), "runtime v1",
                folder + names.get(1), "binding v1")));
        Path v2 = prepare(cache, jar("v2.jar", Map.of(folder + names.get(0), "runtime v2 is longer",
                folder + names.get(1), "binding v2")));
        Files.writeString(v1.resolve(names.get(1)), "trunc");

        Path again = prepare(cache, dir.resolve("v1.jar"));

        assertThat(v2).isNotEqualTo(v1);
        assertThat(Files.readString(v2.resolve(names.get(0)))).isEqualTo("runtime v2 is longer");
        assertThat(again).isEqualTo(v1);
        assertThat(Files.readString(v1.resolve(names.get(1)))).isEqualTo("binding v1");
    }

    @Test
    void prepare_gpuBuildOrNoLibraries_leavesOnnxRuntimeToItsOwnWay() throws IOException {
        Path gpu = jar("gpu.jar", Map.of(folder + names.get(0), "runtime", folder + names.get(1), "binding",
                folder + NativeCache.providersLibrary(), "providers"));
        Path none = jar("none.jar", Map.of("other/file.txt", "x"));

        assertThat(prepare(dir.resolve("cache"), gpu)).isNull();
        assertThat(prepare(dir.resolve("cache"), none)).isNull();
        assertThat(dir.resolve("cache")).doesNotExist();
    }
}
