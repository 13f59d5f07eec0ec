package io.github.enhance4j.spark.internal;

import io.github.enhance4j.ModelSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A model's bytes as fetched once per executor JVM, with the SHA-256 of its content: the key under which
 * {@link EnhancerCache} shares one loaded model, whatever location it came from.
 */
public final class ModelBytes {

    private final String name;
    private final byte[] bytes;
    private final String sha256;

    private ModelBytes(String name, byte[] bytes, String sha256) {
        this.name = name;
        this.bytes = bytes;
        this.sha256 = sha256;
    }

    /**
     * Hashes the bytes.
     *
     * @param name  where the model came from, for messages
     * @param bytes the model's content; kept, not copied, and never changed
     * @return the model with its hash
     */
    public static ModelBytes of(String name, byte[] bytes) {
        return new ModelBytes(name, bytes, sha256(bytes));
    }

    /** {@return where the model came from} */
    public String name() {
        return name;
    }

    /** {@return the SHA-256 of the content, hexadecimal} */
    public String sha256() {
        return sha256;
    }

    /** {@return the size in bytes} */
    public int size() {
        return bytes.length;
    }

    /** {@return a source for {@code Enhancer.load}, named after the location so that messages say where it came from} */
    public ModelSource source() {
        return ModelSource.of(bytes, name);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must have", e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + bytes.length + " bytes, sha256 " + sha256.substring(0, 12) + "...)";
    }
}
