package io.github.enhance4j.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.models.BundledModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocatorTest {

    @TempDir
    Path dir;

    private final Configuration conf = new Configuration();

    @Test
    void locate_findsBundledModelsByIdInAnyCase() {
        assertThat(ModelLocator.locate(" SR-X4 ", conf))
                .isEqualTo(new ModelLocator.Location("SR-X4", ModelLocator.Kind.BUNDLED, "sr-x4"));
    }

    @Test
    void locate_findsLocalFilesAndUris() throws IOException {
        Path file = Files.write(dir.resolve("x2.onnx"), BundledModel.SR_X2.source().readAllBytes());

        assertThat(ModelLocator.locate(file.toString(), conf).kind()).isEqualTo(ModelLocator.Kind.LOCAL_FILE);
        assertThat(ModelLocator.locate(file.toUri().toString(), conf).kind())
                .isEqualTo(ModelLocator.Kind.HADOOP_URI);
    }

    @Test
    void locate_nowhereNamesEveryPlaceLookedIn() {
        assertThatThrownBy(() -> ModelLocator.locate("x9.onnx", conf))
                .isInstanceOfSatisfying(ModelLoadException.class,
                        e -> assertThat(e.reason()).isEqualTo(ModelLoadException.Reason.NOT_FOUND))
                .hasMessageContaining("sr-x2, sr-x4, seed-autoencoder")
                .hasMessageContaining("--files")
                .hasMessageContaining("hdfs://");
        assertThatThrownBy(() -> ModelLocator.locate(dir.toUri() + "missing.onnx", conf))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("no file at that URI");
    }

    @Test
    void enhancer_isSharedByLocationsWithTheSameContent() throws IOException {
        Path file = Files.write(dir.resolve("copy.onnx"), BundledModel.SR_X2.source().readAllBytes());
        EnhanceOptions options = EnhanceOptions.builder().threads(1).build();
        try (EnhancerCache cache = new EnhancerCache()) {
            Enhancer bundled = cache.enhancer(ModelLocator.locate("sr-x2", conf), () -> conf, options);
            Enhancer copy = cache.enhancer(ModelLocator.locate(file.toString(), conf), () -> conf, options);
            Enhancer otherOptions = cache.enhancer(ModelLocator.locate("sr-x2", conf), () -> conf,
                    options.toBuilder().threads(2).build());

            assertThat(copy).isSameAs(bundled);
            assertThat(otherOptions).isNotSameAs(bundled);
            assertThat(cache.loadedCount()).isEqualTo(2);
            cache.close();
            cache.close();
            assertThatThrownBy(() -> bundled.enhance(new java.awt.image.BufferedImage(4, 4, 1)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> cache.enhancer(ModelLocator.locate("sr-x2", conf), () -> conf, options))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("shutting down");
        }
    }
}
