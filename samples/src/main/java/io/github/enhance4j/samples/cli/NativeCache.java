package io.github.enhance4j.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Keeps ONNX Runtime's native libraries unpacked between runs of the command line. By default ONNX Runtime copies
 * them (22 MB on Linux) out of the jar into a new temporary folder in every process, which was a fifth of the time to
 * the first image; instead they are unpacked once into a cache folder and ONNX Runtime is pointed at it with its own
 * documented property, {@code onnxruntime.native.path}. The folder's name carries the library's CRC, so another ONNX
 * Runtime version gets its own; files are written under a temporary name and renamed, so concurrent first runs do
 * not see half a file. Anything unusual (the property already set, libraries not inside a jar, an unwritable cache)
 * leaves ONNX Runtime to do as it always did.
 *
 * <p>The cache is {@code $XDG_CACHE_HOME/enhance4j} (else {@code ~/.cache/enhance4j}), or the folder named by the
 * system property {@value #CACHE_PROPERTY}; {@code -D}{@value #CACHE_PROPERTY}{@code =off} turns it off.
 */
final class NativeCache {

    /** System property: the cache folder, or {@code off}. */
    static final String CACHE_PROPERTY = "enhance4j.cache";
    /** ONNX Runtime's property naming a folder that holds its native libraries. */
    static final String ONNX_PATH_PROPERTY = "onnxruntime.native.path";

    private NativeCache() {
    }

    /** Points ONNX Runtime at the cached libraries, unpacking them first if needed; quietly does nothing else. */
    static void useForOnnxRuntime() {
        String cache = System.getProperty(CACHE_PROPERTY);
        if (System.getProperty(ONNX_PATH_PROPERTY) != null || "off".equalsIgnoreCase(cache)) {
            return;
        }
        try {
            Path dir = prepare(cache != null ? Path.of(cache) : defaultCache(), NativeCache.class.getClassLoader());
            if (dir != null) {
                System.setProperty(ONNX_PATH_PROPERTY, dir.toString());
            }
        } catch (IOException | RuntimeException e) {
            // ONNX Runtime unpacks its libraries into a temporary folder, as without the cache
        }
    }

    /**
     * Unpacks ONNX Runtime's libraries for this platform from {@code loader}'s jar into a folder under {@code root},
     * unless they are there already.
     *
     * @return the folder, or {@code null} where there is nothing to cache (no libraries for this platform, not
     *         inside a jar, or ONNX Runtime's GPU build)
     */
    static Path prepare(Path root, ClassLoader loader) throws IOException {
        String platform = platform();
        if (platform == null) {
            return null;
        }
        List<String> names = libraryNames();
        String folder = "ai/onnxruntime/native/" + platform + "/";
        URL main = loader.getResource(folder + names.get(0));
        if (main == null || !"jar".equals(main.getProtocol())
                || loader.getResource(folder + providersLibrary()) != null) {
            // not inside a jar, or the GPU build, whose provider libraries ONNX Runtime unpacks by its own rules
            return null;
        }
        String spec = main.getPath();
        int separator = spec.indexOf("!/");
        if (!spec.startsWith("file:") || separator < 0) {
            return null;
        }
        // the jar's central directory, read directly: much cheaper than a JarURLConnection on the first call
        try (JarFile jar = new JarFile(Path.of(URI.create(spec.substring(0, separator))).toFile())) {
            JarEntry mainEntry = jar.getJarEntry(folder + names.get(0));
            if (mainEntry == null || mainEntry.getCrc() < 0) {
                return null;
            }
            Path dir = root.resolve("onnxruntime-" + platform + "-" + Long.toHexString(mainEntry.getCrc()));
            for (String name : names) {
                JarEntry entry = jar.getJarEntry(folder + name);
                if (entry == null || entry.getSize() < 0) {
                    return null;
                }
                Path file = dir.resolve(name);
                if (Files.isRegularFile(file) && Files.size(file) == entry.getSize()) {
                    continue;
                }
                Files.createDirectories(dir);
                Path temporary = Files.createTempFile(dir, "." + name, ".tmp");
                try {
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (Files.size(temporary) != entry.getSize()) {
                        throw new IOException("unpacked " + Files.size(temporary) + " bytes of " + name + ", expected "
                                + entry.getSize());
                    }
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            return dir;
        }
    }

    private static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "enhance4j");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "enhance4j");
    }

    /** ONNX Runtime's name for this platform's folder in its jar, or {@code null} for one it has no libraries for. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        if (cpu == null) {
            return null;
        }
        if (os.contains("linux")) {
            return "linux-" + cpu;
        }
        if (os.contains("mac")) {
            return "osx-" + cpu;
        }
        return os.contains("windows") ? "win-" + cpu : null;
    }

    /** The library that only ONNX Runtime's GPU build has, in this platform's file name. */
    static String providersLibrary() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("windows") ? "onnxruntime_providers_shared.dll"
                : "libonnxruntime_providers_shared" + (os.contains("mac") ? ".dylib" : ".so");
    }

    /** The runtime first, then its Java binding, in this platform's file names. */
    static List<String> libraryNames() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("windows")) {
            return List.of("onnxruntime.dll", "onnxruntime4j_jni.dll");
        }
        String ext = os.contains("mac") ? ".dylib" : ".so";
        return List.of("libonnxruntime" + ext, "libonnxruntime4j_jni" + ext);
    }
}
