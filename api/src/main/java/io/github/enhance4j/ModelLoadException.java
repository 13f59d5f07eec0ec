package io.github.enhance4j;

import java.util.Objects;

/**
 * A model could not be loaded. {@link #model()} names the file or resource; {@link #reason()} says what kind of
 * problem it is, and the message says what exactly and what to do.
 */
public class ModelLoadException extends EnhanceException {

    private static final long serialVersionUID = 1L;

    /** The kind of problem. */
    public enum Reason {
        /** No file or resource under that name. */
        NOT_FOUND,
        /** It exists but cannot be read (a folder, no permission, an I/O error). */
        UNREADABLE,
        /** No installed backend recognises the format. */
        UNSUPPORTED_FORMAT,
        /** The format is recognised but the content is damaged or truncated. */
        CORRUPT,
        /** A valid model that enhance4j cannot use: wrong rank, several inputs, integer input, unknown operator. */
        INCOMPATIBLE
    }

    /** @serial the model's path or resource name */
    private final String model;
    /** @serial the kind of problem */
    private final Reason reason;

    /**
     * An exception without an underlying cause.
     *
     * @param model   the model's path or resource name
     * @param reason  the kind of problem
     * @param message what exactly, for people; the exception's message is {@code "Cannot load model MODEL: MESSAGE"}
     */
    public ModelLoadException(String model, Reason reason, String message) {
        this(model, reason, message, null);
    }

    /**
     * An exception with the failure that caused it.
     *
     * @param model   the model's path or resource name
     * @param reason  the kind of problem
     * @param message what exactly, for people; the exception's message is {@code "Cannot load model MODEL: MESSAGE"}
     * @param cause   the underlying failure, or {@code null}
     */
    public ModelLoadException(String model, Reason reason, String message, Throwable cause) {
        super("Cannot load model " + model + ": " + message, cause);
        this.model = Objects.requireNonNull(model, "model");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@return the model's path or resource name} */
    public String model() {
        return model;
    }

    /** {@return the kind of problem} */
    public Reason reason() {
        return reason;
    }
}
