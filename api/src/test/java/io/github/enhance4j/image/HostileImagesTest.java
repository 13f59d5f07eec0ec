package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.enhance4j.ImageReadException;
import io.github.enhance4j.ImageReadException.Reason;
import io.github.enhance4j.testing.AllocationCounter;
import io.github.enhance4j.testing.HostileImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broken and hostile files through {@link ImageFiles#read}: each gives the right image or an
 * {@link ImageReadException} with a reason, never another exception, an error or a silently incomplete image.
 * The files come from {@link HostileImages}; the fuzz test ({@code ImageBytesFuzzTest}) covers random mutations.
 */
class HostileImagesTest {

    private static final long LIMIT = 1_000_000;

    @TempDir
    Path dir;

    private static BufferedImage read(byte[] bytes) {
        return ImageFiles.read(new ByteArrayInputStream(bytes), "test", LIMIT);
    }

    private static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
    void read_truncatedAtEveryLength_givesTheWholeImageOrCorrupt(String format) {
        byte[] whole = HostileImages.valid(format);
        int[] expected = argb(read(whole));
        List<String> wrong = new ArrayList<>();
        for (int keep = 0; keep < whole.length; keep++) {
            try {
                BufferedImage image = read(HostileImages.truncated(whole, keep));
                // a cut in trailing bytes the decoder does not need may decode; then it must be the whole image
                if (!java.util.Arrays.equals(argb(image), expected)) {
                    wrong.add(keep + ": decoded an incomplete image without an error");
                }
            } catch (ImageReadException e) {
                if (e.reason() != Reason.CORRUPT && e.reason() != Reason.UNSUPPORTED_FORMAT) {
                    wrong.add(keep + ": " + e.reason());
                }
            } catch (RuntimeException e) {
                wrong.add(keep + ": " + e);
            }
        }
        assertThat(wrong).as("%s of %d bytes cut short", format, whole.length).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
    void read_bitFlipped_givesAnImageOrAReason(String format) {
        byte[] whole = HostileImages.valid(format);
        List<String> wrong = new ArrayList<>();
        int decoded = 0;
        for (int seed = 0; seed < 300; seed++) {
            byte[] damaged = HostileImages.bitFlipped(whole, 1 + seed % 4, seed);
            try {
                BufferedImage image = read(damaged);
                // a flip in pixel data gives other pixels, which no decoder can notice; the size stays in bounds
                assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(LIMIT);
                decoded++;
            } catch (ImageReadException e) {
                assertThat(e.reason()).isNotNull();
                assertThat(e.getMessage()).startsWith("Cannot read image test: ").doesNotContain("\n");
            } catch (RuntimeException e) {
                wrong.add("seed " + seed + ": " + e);
            }
        }
        System.out.printf("%s: 300 bit-flipped files, %d decoded, %d refused%n", format, decoded, 300 - decoded);
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
    void read_headerDeclaring65535Squared_isRefusedBeforeAnyLargeAllocation(String format) {
        byte[] bomb = HostileImages.declaring(format, HostileImages.BOMB_SIDE, HostileImages.BOMB_SIDE);
        org.junit.jupiter.api.Assumptions.assumeTrue(AllocationCounter.supported(),
                "this JVM does not count allocated bytes per thread");
        long before = AllocationCounter.currentThread();

        assertThatThrownBy(() -> ImageFiles.read(new ByteArrayInputStream(bomb), "bomb." + format,
                ImageFiles.DEFAULT_MAX_PIXELS))
                .isInstanceOfSatisfying(ImageReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("above the limit of " + ImageFiles.DEFAULT_MAX_PIXELS)
                // the JDK's JPEG decoder stops at 65500 a side before anyone can ask it for the size
                .hasMessageContaining(format.equals("jpeg") ? "Maximum supported image dimension is 65500"
                        : "65535x65535 = 4294836225 pixels");

        long allocated = AllocationCounter.currentThread() - before;
        // the decoded image would take 12 GiB and more; the refusal costs the header parse and the message
        assertThat(allocated).as("bytes allocated refusing the %s bomb", format).isLessThan(16L << 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
    void read_aboveAConfiguredLimit_isTooLargeNamingTheLimit(String format) {
        byte[] big = HostileImages.declaring(format, 5000, 4000);

        assertThatThrownBy(() -> ImageFiles.read(new ByteArrayInputStream(big), "big", 10_000_000))
                .isInstanceOfSatisfying(ImageReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("5000x4000 = 20000000 pixels, above the limit of 10000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "gif", "bmp", "tiff"})
    void read_onePixelImage_isExact(String format) {
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        pixel.setRGB(0, 0, 0x336699);

        BufferedImage back = read(HostileImages.encode(pixel, format));

        assertThat(back.getWidth()).isEqualTo(1);
        assertThat(back.getHeight()).isEqualTo(1);
        assertThat(back.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x336699);
    }

    @Test
    void read_onePixelJpeg_isCloseToTheColour() {
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        pixel.setRGB(0, 0, 0x336699);

        int back = read(HostileImages.encode(pixel, "jpeg")).getRGB(0, 0);

        assertThat((back >> 16) & 0xFF).isBetween(0x33 - 6, 0x33 + 6);
        assertThat((back >> 8) & 0xFF).isBetween(0x66 - 6, 0x66 + 6);
        assertThat(back & 0xFF).isBetween(0x99 - 6, 0x99 + 6);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void read_cmykOrYcckJpegWithoutPlugin_isUnsupportedAndNamesThePlugin(boolean ycck) {
        byte[] jpeg = HostileImages.cmykJpeg(16, 8, ycck);

        assertThatThrownBy(() -> read(jpeg))
                .isInstanceOfSatisfying(ImageReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("CMYK")
                .hasMessageContaining("com.twelvemonkeys.imageio:imageio-jpeg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "gif"})
    void read_paletteWithTransparency_keepsTheTransparentPixels(String format) {
        BufferedImage palette = HostileImages.paletteWithTransparency(8, 8);

        BufferedImage back = read(HostileImages.encode(palette, format));

        assertThat(back.getColorModel().hasAlpha()).isTrue();
        assertThat(argb(back)).containsExactly(argb(palette));
        assertThat(back.getRGB(0, 0) >>> 24).isZero();
        assertThat(back.getRGB(1, 0)).isEqualTo(0xFFFF0000);
    }

    @Test
    void read_sixteenBitGreyWithAlphaPng_keepsBothSixteenBitChannels() {
        BufferedImage grey16Alpha = TestLayouts.fillRandom(TestLayouts.layouts().get("GREY_ALPHA16").apply(9, 7), 5);

        BufferedImage back = read(HostileImages.encode(grey16Alpha, "png"));

        assertThat(PixelFormat.of(back)).isEqualTo(PixelFormat.of(grey16Alpha));
        assertThat(back.getRaster().getPixels(0, 0, 9, 7, (int[]) null))
                .containsExactly(grey16Alpha.getRaster().getPixels(0, 0, 9, 7, (int[]) null));
    }

    @Test
    void read_extensionThatLies_decodesByContent() throws IOException {
        BufferedImage original = HostileImages.noise(12, 10, BufferedImage.TYPE_INT_RGB, 3);
        Path pngNamedJpg = Files.write(dir.resolve("photo.jpg"), HostileImages.encode(original, "png"));
        Path jpegNamedPng = Files.write(dir.resolve("photo.png"), HostileImages.encode(original, "jpeg"));
        Path gifNamedBmp = Files.write(dir.resolve("photo.bmp"), HostileImages.animatedGif(4, 4));

        assertThat(argb(ImageFiles.read(pngNamedJpg))).containsExactly(argb(original));
        assertThat(ImageFiles.read(jpegNamedPng).getWidth()).isEqualTo(12);
        assertThat(ImageFiles.read(gifNamedBmp).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
    }
}
