package io.github.enhance4j.spark.internal;

import io.github.enhance4j.spi.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Outputs in a local (or locally mounted) folder, written with {@link AtomicFiles}: a hidden temporary file in the
 * target's folder, forced to disk, then renamed over the target.
 */
final class LocalOutputStore implements OutputStore {

    private static final long serialVersionUID = 1L;

    /** A string, as {@link Path} is not serializable. */
    private final String root;

    LocalOutputStore(String root) {
        this.root = root;
    }

    @Override
    public long modified(String relative) throws IOException {
        try {
            return Files.getLastModifiedTime(resolve(relative)).toMillis();
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    @Override
    public void write(String relative, byte[] bytes) throws IOException {
        AtomicFiles.write(resolve(relative), bytes);
    }

    @Override
    public long now() throws IOException {
        Path folder = Files.createDirectories(Path.of(root));
        Path marker = AtomicFiles.createTemporary(folder.resolve(".enhance4j-clock"));
        try {
            return Files.getLastModifiedTime(marker).toMillis();
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    @Override
    public String describe(String relative) {
        return resolve(relative).toString();
    }

    private Path resolve(String relative) {
        return Path.of(root).resolve(relative);
    }
}
