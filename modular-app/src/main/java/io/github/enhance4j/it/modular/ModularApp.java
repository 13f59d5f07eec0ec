package io.github.enhance4j.it.modular;

import io.github.enhance4j.Enhancer;
import io.github.enhance4j.models.BundledModel;

import java.nio.file.Path;

/**
 * {@code java --module-path ... -m io.github.enhance4j.it.modular/io.github.enhance4j.it.modular.ModularApp IN OUT}:
 * enhances IN with the bundled {@code sr-x2} into OUT and prints which modules did the work.
 */
public final class ModularApp {

    private ModularApp() {
    }

    /**
     * Runs the application.
     *
     * @param args the input and output image files
     */
    public static void main(String[] args) {
        try (Enhancer enhancer = Enhancer.load(BundledModel.SR_X2.source())) {
            enhancer.enhance(Path.of(args[0]), Path.of(args[1]));
            System.out.println("backend=" + enhancer.info().backend());
        }
        System.out.println("app=" + ModularApp.class.getModule().getName());
        System.out.println("api=" + Enhancer.class.getModule().getName());
        System.out.println("models=" + BundledModel.class.getModule().getName());
        System.out.println("backend-module=" + ModuleLayer.boot().findModule("io.github.enhance4j.backend.onnx")
                .map(Module::getName).orElse("none"));
    }
}
