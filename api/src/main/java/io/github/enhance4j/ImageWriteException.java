package io.github.enhance4j;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image could not be written: no ImageIO writer for the requested format, the target folder is missing or
 * not writable, or the disk is full. When this is thrown no partial file is left under the target name.
 */
public class ImageWriteException extends EnhanceException {

    private static final long serialVersionUID = 1L;

    private final Path target;

    public ImageWriteException(Path target, String message, Throwable cause) {
        super("Cannot write image " + target + ": " + message, cause);
        this.target = Objects.requireNonNull(target, "target");
    }

    public Path target() {
        return target;
    }
}
