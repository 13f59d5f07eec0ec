package io.github.enhance4j.backend.onnx;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import io.github.enhance4j.image.Tensor;
import io.github.enhance4j.spi.InferenceEngine;
import io.github.enhance4j.spi.TiledEnhancer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enhancer reads the ONNX engine's outputs straight from their native buffers, row by row; the images it makes
 * from batches of several tiles are exactly those made one tile at a time from outputs copied into arrays, across
 * tiles, seams, the mirrored margin and alpha.
 */
class OnnxTilingTest {

    /** The same engine, but every output copied into a Java array, as engines without native buffers return. */
    private static final class CopyingEngine implements InferenceEngine {
        private final OnnxEngine engine;

        CopyingEngine(OnnxEngine engine) {
            this.engine = engine;
        }

        @Override
        public ModelInfo info() {
            return engine.info();
        }

        @Override
        public Tensor run(Tensor input) {
            return engine.runWithoutReuse(input);
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    private static BufferedImage noise(int w, int h, int type, long seed) {
        BufferedImage image = new BufferedImage(w, h, type);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, r.nextInt());
            }
        }
        return image;
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR})
    void readingOutputsFromNativeBuffers_givesTheImageThatCopiedOutputsGive(int type) {
        byte[] model = ModelGenerators.espcn(2, 11);
        EnhanceOptions options = EnhanceOptions.builder().device(Device.CPU).tileSize(40).tileOverlap(8)
                .tilesPerBatch(3).build();
        BufferedImage image = noise(101, 77, type, type);
        BufferedImage direct;
        BufferedImage copied;
        OnnxEngine engine = OnnxEngine.open(ModelSource.of(model, "espcn.onnx"), options);
        try (Enhancer e = TiledEnhancer.create(engine, options)) {
            direct = e.enhance(image);
            direct = e.enhance(image); // the second time in reused buffers
            assertThat(engine.lentOutputs()).as("every output released").isZero();
        }
        EnhanceOptions oneTileAtATime = EnhanceOptions.builder().device(Device.CPU).tileSize(40).tileOverlap(8)
                .tilesPerBatch(1).build();
        try (Enhancer e = TiledEnhancer.create(new CopyingEngine(OnnxEngine.open(ModelSource.of(model,
                "espcn.onnx"), oneTileAtATime)), oneTileAtATime)) {
            copied = e.enhance(image);
        }

        assertThat(direct.getWidth()).isEqualTo(202);
        assertThat(direct.getRaster().getPixels(0, 0, 202, 154, (int[]) null))
                .containsExactly(copied.getRaster().getPixels(0, 0, 202, 154, (int[]) null));
    }
}
