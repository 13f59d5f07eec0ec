/**
 * enhance4j API: {@link io.github.enhance4j.Enhancer} and {@link io.github.enhance4j.Trainer} for users,
 * {@code io.github.enhance4j.spi} for backend authors, {@code io.github.enhance4j.image} for the imaging core.
 * Backends are found with {@link java.util.ServiceLoader}.
 */
module io.github.enhance4j {
    requires transitive java.desktop;
    requires org.slf4j;

    exports io.github.enhance4j;
    exports io.github.enhance4j.spi;
    exports io.github.enhance4j.image;

    uses io.github.enhance4j.spi.EnhancerProvider;
    uses io.github.enhance4j.spi.TrainerProvider;
}
