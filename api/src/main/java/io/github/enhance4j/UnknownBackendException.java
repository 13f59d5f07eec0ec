package io.github.enhance4j;

import java.util.List;

/**
 * A backend was asked for by name ({@link EnhanceOptions.Builder#backend(String)}, {@link TrainingConfig} or the
 * system property {@code enhance4j.backend}) but no provider of that name is installed. The message lists the
 * available ones.
 */
public class UnknownBackendException extends EnhanceException {

    private static final long serialVersionUID = 1L;

    private final String requested;
    private final List<String> available;

    public UnknownBackendException(String requested, List<String> available, String message) {
        super(message);
        this.requested = requested;
        this.available = List.copyOf(available);
    }

    public String requested() {
        return requested;
    }

    /** Names of the backends that are installed. */
    public List<String> available() {
        return available;
    }
}
