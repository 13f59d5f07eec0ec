package io.github.enhance4j;

import java.util.List;

/**
 * A backend was asked for by name ({@link EnhanceOptions.Builder#backend(String)}, {@link TrainingConfig} or the
 * system property {@code enhance4j.backend}) but no provider of that name is installed. The message lists the
 * available ones.
 */
public class UnknownBackendException extends EnhanceException {

    private static final long serialVersionUID = 1L;

    /** @serial the backend name that was asked for */
    private final String requested;
    /** @serial the names of the installed backends */
    private final List<String> available;

    /**
     * An exception naming what was asked for and what there is.
     *
     * @param requested the backend name that was asked for
     * @param available the names of the installed backends
     * @param message   the explanation, for people
     */
    public UnknownBackendException(String requested, List<String> available, String message) {
        super(message);
        this.requested = requested;
        this.available = List.copyOf(available);
    }

    /** {@return the backend name that was asked for} */
    public String requested() {
        return requested;
    }

    /** {@return the names of the backends that are installed} */
    public List<String> available() {
        return available;
    }
}
