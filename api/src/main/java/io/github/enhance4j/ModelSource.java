package io.github.enhance4j;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a model comes from: a file, or bytes (a classpath resource or a stream, for models embedded in jars).
 * Immutable and thread-safe. Backends sniff {@link #header(int)} to decide whether they can read a model, and
 * read it with {@link #openStream()} or {@link #readAllBytes()}, or directly from {@link #path()} when present
 * (ONNX models with external data need the file's folder).
 */
public final class ModelSource {

    private final String name;
    private final Path path;
    private final byte[] bytes;

    private ModelSource(String name, Path path, byte[] bytes) {
        this.name = name;
        this.path = path;
        this.bytes = bytes;
    }

    /**
     * A model file. Nothing is read until a backend needs it.
     *
     * @param path the model file
     * @return the source
     */
    public static ModelSource of(Path path) {
        Objects.requireNonNull(path, "path");
        return new ModelSource(path.toString(), path, null);
    }

    /**
     * A model held in memory.
     *
     * @param bytes the model; copied
     * @param name  used in messages and to guess formats, e.g. {@code "x4.onnx"}
     * @return the source
     */
    public static ModelSource of(byte[] bytes, String name) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(name, "name");
        return new ModelSource(name, null, bytes.clone());
    }

    /**
     * Reads a whole stream into memory. The stream is read to its end but not closed: the caller owns it.
     *
     * @param in   the stream to read
     * @param name used in messages and to guess formats, e.g. {@code "x4.onnx"}
     * @return the source, holding the model in memory
     * @throws ModelLoadException ({@code UNREADABLE}) if reading fails
     */
    public static ModelSource fromStream(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        try {
            return new ModelSource(name, null, in.readAllBytes());
        } catch (IOException e) {
            throw new ModelLoadException(name, ModelLoadException.Reason.UNREADABLE,
                    "reading the stream failed: " + e.getMessage(), e);
        }
    }

    /**
     * A classpath resource, e.g. a model shipped inside an application jar.
     *
     * @param resource resource name as for {@link ClassLoader#getResource(String)} (no leading slash)
     * @param loader   the class loader to look in
     * @return the source, holding the model in memory
     * @throws ModelLoadException ({@code NOT_FOUND}) if there is no such resource
     */
    public static ModelSource fromResource(String resource, ClassLoader loader) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(loader, "loader");
        String normalized = resource.startsWith("/") ? resource.substring(1) : resource;
        String display = "classpath:" + normalized;
        try (InputStream in = loader.getResourceAsStream(normalized)) {
            if (in == null) {
                throw new ModelLoadException(display, ModelLoadException.Reason.NOT_FOUND,
                        "no such resource on the class path of " + loader
                                + " (resource names have no leading slash and use '/' between folders)");
            }
            return new ModelSource(display, null, in.readAllBytes());
        } catch (IOException e) {
            throw new ModelLoadException(display, ModelLoadException.Reason.UNREADABLE,
                    "reading the resource failed: " + e.getMessage(), e);
        }
    }

    /**
     * A classpath resource next to {@code anchor}'s class, resolved as {@link Class#getResourceAsStream}; in a named
     * module, the resource must be in the anchor's module.
     *
     * @param anchor   the class whose package a relative name starts from
     * @param resource the resource name, relative to the anchor's package unless it starts with {@code /}
     * @return the source, holding the model in memory
     * @throws ModelLoadException ({@code NOT_FOUND}) if there is no such resource
     */
    public static ModelSource fromResource(Class<?> anchor, String resource) {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(resource, "resource");
        String display = "classpath:" + resource + " (relative to " + anchor.getName() + ")";
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelLoadException(display, ModelLoadException.Reason.NOT_FOUND,
                        "no such resource (a name without a leading slash is relative to the class's package)");
            }
            return new ModelSource(display, null, in.readAllBytes());
        } catch (IOException e) {
            throw new ModelLoadException(display, ModelLoadException.Reason.UNREADABLE,
                    "reading the resource failed: " + e.getMessage(), e);
        }
    }

    /** {@return the path, or the name given for in-memory models; used in messages} */
    public String name() {
        return name;
    }

    /** {@return the file, when the model is a file} */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /**
     * Checks that the model can be read at all, so that a missing file is reported as such and not as "no backend
     * understands it".
     *
     * @throws ModelLoadException {@code NOT_FOUND} or {@code UNREADABLE}
     */
    public void checkReadable() {
        if (path == null) {
            return;
        }
        if (!Files.exists(path)) {
            throw new ModelLoadException(name, ModelLoadException.Reason.NOT_FOUND,
                    "no such file (working directory: " + Path.of("").toAbsolutePath() + ")");
        }
        if (Files.isDirectory(path)) {
            throw new ModelLoadException(name, ModelLoadException.Reason.UNREADABLE,
                    "it is a folder; give the model file inside it");
        }
        if (!Files.isReadable(path)) {
            throw new ModelLoadException(name, ModelLoadException.Reason.UNREADABLE,
                    "the file is not readable by this process (check its permissions)");
        }
    }

    /** {@return the size in bytes} */
    public long size() {
        if (bytes != null) {
            return bytes.length;
        }
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Up to {@code max} first bytes, for sniffing the format. Fewer when the model is shorter.
     *
     * @param max the most bytes to return
     * @return the first bytes of the model
     * @throws ModelLoadException if the file cannot be read
     */
    public byte[] header(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0");
        }
        if (bytes != null) {
            return Arrays.copyOf(bytes, Math.min(max, bytes.length));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** {@return a new stream over the whole model; the caller closes it} */
    public InputStream openStream() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** {@return the whole model in memory (a copy for in-memory sources)} */
    public byte[] readAllBytes() {
        if (bytes != null) {
            return bytes.clone();
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw unreadable(e);
        } catch (OutOfMemoryError e) {
            throw new ModelLoadException(name, ModelLoadException.Reason.UNREADABLE,
                    "the model does not fit in the Java heap; raise -Xmx", e);
        }
    }

    private ModelLoadException unreadable(IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ModelLoadException(name, ModelLoadException.Reason.NOT_FOUND, "no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new ModelLoadException(name, ModelLoadException.Reason.UNREADABLE, "access denied", e);
        }
        return new ModelLoadException(name, ModelLoadException.Reason.UNREADABLE, String.valueOf(e.getMessage()), e);
    }

    @Override
    public String toString() {
        return name;
    }
}
