package io.github.enhance4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;

/**
 * A class loader that sees exactly the given service registrations, as if only those backend jars were on the
 * class path. Classes themselves come from the parent (the test class path).
 */
public final class ServiceScenario {

    private ServiceScenario() {
    }

    public static ClassLoader with(Path folder, Class<?> service, List<String> providerClassNames) {
        try {
            Path services = folder.resolve("META-INF/services");
            Files.createDirectories(services);
            Files.write(services.resolve(service.getName()), providerClassNames);
            return new IsolatedServicesLoader(new URL[] {folder.toUri().toURL()}, ServiceScenario.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hides the parent's service registrations, so that the test class path's own do not leak in. */
    private static final class IsolatedServicesLoader extends URLClassLoader {
        IsolatedServicesLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("META-INF/services/") ? findResources(name) : super.getResources(name);
        }
    }
}
