package io.github.enhance4j.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader, or a process killed half-way, sees the old file or the new one and never a part:
 * the content goes to a hidden temporary file in the same folder, is forced to disk, and is then renamed over the
 * target. For backends' models and checkpoints.
 */
public final class AtomicFiles {

    /** Writes the content to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the whole content.
         *
         * @param out the temporary file's stream; closed by the caller
         * @throws IOException if writing fails; the target is then left as it was
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes bytes atomically, as {@link #write(Path, Content)}.
     *
     * @param target the file to write or replace
     * @param bytes  its new content
     * @throws IOException if writing fails; the target is then left as it was
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes a file atomically. Creates the target's folder if needed; on any failure the target is untouched and no
     * temporary file stays.
     *
     * @param target  the file to write or replace
     * @param content writes the new content
     * @throws IOException if writing fails
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = createTemporary(absolute);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new empty hidden file next to {@code target}, {@code .NAME-RANDOM.tmp}, for writers that produce the file
     * themselves (an encoder, say) and rename it onto the target when done: the same folder keeps the rename atomic,
     * and a killed run leaves nothing under the target's name. Not {@link Files#createTempFile}: that makes the file
     * readable by its owner only, and the renamed result would keep those permissions; a plain create gets the usual
     * ones (umask).
     *
     * @param target the file that the temporary one will become; its folder must exist
     * @return the new, empty temporary file
     * @throws IOException if the folder cannot be written
     */
    public static Path createTemporary(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = target.resolveSibling("." + target.getFileName() + "-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
