package io.github.enhance4j.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds service providers and keeps going past broken ones, remembering why each failed, so that one bad jar
 * neither hides the others nor disappears without a word.
 */
final class ProviderDiscovery<P> {

    /** A guard against a provider iterator that keeps failing without advancing. */
    private static final int MAX_ATTEMPTS = 1000;

    private final List<P> providers;
    private final List<String> failures;

    private ProviderDiscovery(List<P> providers, List<String> failures) {
        this.providers = List.copyOf(providers);
        this.failures = List.copyOf(failures);
    }

    static <P> ProviderDiscovery<P> discover(Class<P> service, ClassLoader loader) {
        List<P> found = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Iterator<P> it = ServiceLoader.load(service, loader).iterator();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                failed.add(describe(e));
            }
        }
        return new ProviderDiscovery<>(found, failed);
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" <- ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    List<P> providers() {
        return providers;
    }

    List<String> failures() {
        return failures;
    }
}
