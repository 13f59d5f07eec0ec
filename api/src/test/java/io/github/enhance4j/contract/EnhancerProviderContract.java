package io.github.enhance4j.contract;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.image.PixelFormat;
import io.github.enhance4j.spi.EnhancerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link EnhancerProvider} must do. Shipped in the {@code enhance4j-api} test-jar; each backend extends
 * it with its provider and a small valid model (TwelveMonkeys' conformance tests are the model for this).
 */
public abstract class EnhancerProviderContract {

    @TempDir
    protected Path tempDir;

    /** A fresh instance of the provider under test. */
    protected abstract EnhancerProvider provider();

    /** A small valid model in the provider's format; RGB in, RGB out, any scale. */
    protected abstract ModelSource validModel();

    /** Options used to open {@link #validModel()}; override to pin a device or threads. */
    protected EnhanceOptions options() {
        return EnhanceOptions.defaults();
    }

    protected Enhancer open() {
        return provider().open(validModel(), options());
    }

    protected static BufferedImage randomImage(int type, int w, int h, long seed) {
        BufferedImage image = new BufferedImage(w, h, type);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, r.nextInt());
            }
        }
        return image;
    }

    @Test
    void provider_isRegisteredForServiceLoader() {
        Class<?> type = provider().getClass();
        List<Class<?>> found = new ArrayList<>();
        ServiceLoader.load(EnhancerProvider.class, type.getClassLoader()).stream()
                .forEach(p -> found.add(p.type()));

        assertThat(found).as("META-INF/services/%s must list %s", EnhancerProvider.class.getName(), type.getName())
                .contains(type);
    }

    @Test
    void name_isShortStableLowerCase() {
        String name = provider().name();

        assertThat(name).matches("[a-z][a-z0-9-]{1,31}").isEqualTo(provider().name());
        assertThat(provider().priority()).isEqualTo(provider().priority());
        assertThat(provider().artifact()).contains(":");
    }

    @Test
    void supports_validModel_isTrue() {
        assertThat(provider().supports(validModel())).isTrue();
    }

    @Test
    void supports_emptyRandomOrForeignBytes_isFalseWithoutThrowing() {
        EnhancerProvider p = provider();
        byte[] random = new byte[4096];
        new Random(1).nextBytes(random);

        assertThat(p.supports(ModelSource.of(new byte[0], "empty.onnx"))).isFalse();
        assertThat(p.supports(ModelSource.of(random, "random.onnx"))).isFalse();
        assertThat(p.supports(ModelSource.of("GIF89a-not-a-model".getBytes(), "image.onnx"))).isFalse();
        assertThat(p.supports(ModelSource.of(tempDir.resolve("missing.onnx")))).isFalse();
    }

    @Test
    void open_randomBytes_throwsModelLoadException() {
        byte[] random = new byte[2048];
        new Random(2).nextBytes(random);

        assertThatThrownBy(() -> provider().open(ModelSource.of(random, "random.bin"), options()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("random.bin");
    }

    @Test
    void open_validModel_infoNamesThisBackend() {
        try (Enhancer e = open()) {
            assertThat(e.info().backend()).isEqualTo(provider().name());
            assertThat(e.info().scale()).isBetween(1, 16);
            assertThat(e.info().channels()).isIn(1, 3);
            assertThat(e.info().device()).isNotBlank();
        }
    }

    @Test
    void enhance_rgbTypes_giveScaledImageOfSameType() {
        try (Enhancer e = open()) {
            int s = e.info().scale();
            for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR}) {
                BufferedImage out = e.enhance(randomImage(type, 37, 23, type));

                assertThat(out.getWidth()).isEqualTo(37 * s);
                assertThat(out.getHeight()).isEqualTo(23 * s);
                assertThat(out.getType()).isEqualTo(type);
            }
        }
    }

    @Test
    void enhance_grey_staysGrey_and16BitStays16Bit() {
        try (Enhancer e = open()) {
            BufferedImage grey = e.enhance(randomImage(BufferedImage.TYPE_BYTE_GRAY, 20, 16, 3));
            BufferedImage grey16 = e.enhance(randomImage(BufferedImage.TYPE_USHORT_GRAY, 20, 16, 4));

            assertThat(grey.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(PixelFormat.of(grey16).bitsPerSample()).isEqualTo(16);
            assertThat(PixelFormat.of(grey16).colorChannels()).isEqualTo(1);
        }
    }

    @Test
    void enhance_alpha_isKept() {
        BufferedImage in = randomImage(BufferedImage.TYPE_INT_ARGB, 32, 32, 5);
        int[] px = ((DataBufferInt) in.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int x = i % 32;
            px[i] = x < 16 ? px[i] & 0x00ffffff : px[i] | 0xff000000; // left half transparent, right half opaque
        }
        try (Enhancer e = open()) {
            BufferedImage out = e.enhance(in);
            int s = e.info().scale();

            assertThat(out.getColorModel().hasAlpha()).isTrue();
            assertThat(out.getRGB(2 * s, 16 * s) >>> 24).isZero();
            assertThat(out.getRGB(30 * s, 16 * s) >>> 24).isEqualTo(255);
        }
    }

    @Test
    void enhance_concurrentCalls_matchSequentialResults() throws Exception {
        List<BufferedImage> inputs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            inputs.add(randomImage(BufferedImage.TYPE_INT_RGB, 24 + i, 20, 100 + i));
        }
        try (Enhancer e = open()) {
            List<int[]> expected = new ArrayList<>();
            for (BufferedImage in : inputs) {
                expected.add(pixels(e.enhance(in)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<int[]>> futures = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (BufferedImage in : inputs) {
                        futures.add(pool.submit(() -> pixels(e.enhance(in))));
                    }
                }
                for (int k = 0; k < futures.size(); k++) {
                    assertThat(futures.get(k).get()).isEqualTo(expected.get(k % inputs.size()));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void close_isIdempotent_andUseAfterCloseThrowsIllegalState() {
        Enhancer e = open();
        e.close();
        e.close();

        assertThatThrownBy(() -> e.enhance(randomImage(BufferedImage.TYPE_INT_RGB, 8, 8, 6)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(e.info().backend()).isEqualTo(provider().name());
    }

    @Test
    void enhance_null_throwsNullPointer() {
        try (Enhancer e = open()) {
            assertThatThrownBy(() -> e.enhance((BufferedImage) null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void enhance_paths_writeOutputAndNeverOverwriteInput() throws Exception {
        Path input = tempDir.resolve("in.png");
        ImageIO.write(randomImage(BufferedImage.TYPE_INT_RGB, 20, 12, 7), "png", input.toFile());
        byte[] original = Files.readAllBytes(input);
        Path output = tempDir.resolve("out.png");
        try (Enhancer e = open()) {
            e.enhance(input, output);

            BufferedImage written = ImageIO.read(output.toFile());
            assertThat(written.getWidth()).isEqualTo(20 * e.info().scale());
            assertThatThrownBy(() -> e.enhance(input, input)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Refusing to overwrite the input");
            assertThat(Files.readAllBytes(input)).isEqualTo(original);
        }
    }
}
