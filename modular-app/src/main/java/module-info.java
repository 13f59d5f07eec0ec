/**
 * A host application on the module path: it requires the models (and through them the API) and nothing of the
 * backend, which the API finds with {@link java.util.ServiceLoader} at run time.
 */
module io.github.enhance4j.it.modular {
    requires io.github.enhance4j.models;
}
