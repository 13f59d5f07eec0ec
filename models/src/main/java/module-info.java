/**
 * The models enhance4j ships: {@link io.github.enhance4j.models.BundledModel}. Open, so that the ONNX files in the
 * package can also be read as plain class-path resources.
 */
open module io.github.enhance4j.models {
    requires transitive io.github.enhance4j;

    exports io.github.enhance4j.models;
}
