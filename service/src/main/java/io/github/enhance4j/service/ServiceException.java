package io.github.enhance4j.service;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses or cannot complete, with what the client is told: an HTTP status, a short code
 * (the problem type's last part), a title and a detail written for people. Never carries internals.
 */
final class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final long retryAfterSeconds;

    ServiceException(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, 0);
    }

    ServiceException(HttpStatus status, String code, String title, String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }

    /** Seconds for a {@code Retry-After} header, or 0 for none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
