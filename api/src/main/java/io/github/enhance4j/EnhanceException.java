package io.github.enhance4j;

/**
 * The root of every exception that enhance4j throws on purpose. All of them are unchecked: see the package
 * documentation for why.
 */
public class EnhanceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message and no cause.
     *
     * @param message what went wrong and what to do
     */
    public EnhanceException(String message) {
        super(message);
    }

    /**
     * An exception with a message and the exception that caused it.
     *
     * @param message what went wrong and what to do
     * @param cause   the underlying failure, or {@code null}
     */
    public EnhanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
