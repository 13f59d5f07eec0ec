/**
 * Spring Boot auto-configuration for enhance4j.
 *
 * <p>With this starter on the class path an application gets one shared {@link io.github.enhance4j.Enhancer} bean,
 * loaded at start-up from the {@code enhance4j.*} properties ({@link io.github.enhance4j.spring.boot.Enhance4jProperties})
 * and closed when the context closes, and an {@link io.github.enhance4j.spring.boot.EnhancerRegistry} that holds it
 * beside further models by name ({@code enhance4j.models.NAME.model}). An application that defines its own
 * {@code Enhancer} or {@code EnhancerRegistry} bean keeps it: the auto-configuration backs off. Where Actuator is
 * present a health indicator ({@code enhance4j}) reports the loaded models and their devices, and where Micrometer
 * is present each model's calls are timed and counted ({@link io.github.enhance4j.spring.boot.EnhancerMetrics}).
 *
 * <pre>{@code
 * enhance4j.model=sr-x2                 # a bundled model, classpath:models/x4.onnx, or a file
 * enhance4j.device=auto                 # auto, cpu, cuda:0
 * enhance4j.models.faces.model=seed-autoencoder
 * }</pre>
 */
package io.github.enhance4j.spring.boot;
