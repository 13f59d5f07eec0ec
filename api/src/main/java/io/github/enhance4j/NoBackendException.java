package io.github.enhance4j;

import java.util.List;

/**
 * No backend could be found on the class path (or module path). The message names the Maven coordinates to add,
 * the providers that were found, the providers that failed to load and why, and the fat-jar pitfall.
 */
public class NoBackendException extends EnhanceException {

    private static final long serialVersionUID = 1L;

    /** @serial one line per provider that could not be loaded */
    private final List<String> failures;

    /**
     * An exception listing the providers that failed.
     *
     * @param message  what to add to the class path, for people
     * @param failures one line per provider that was registered but could not be loaded, with the reason
     */
    public NoBackendException(String message, List<String> failures) {
        super(message);
        this.failures = List.copyOf(failures);
    }

    /** {@return one line per provider that was registered but could not be loaded, with the reason} */
    public List<String> failures() {
        return failures;
    }
}
