package io.github.enhance4j;

/**
 * The root of every exception that enhance4j throws on purpose. All of them are unchecked: see the package
 * documentation for why.
 */
public class EnhanceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EnhanceException(String message) {
        super(message);
    }

    public EnhanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
