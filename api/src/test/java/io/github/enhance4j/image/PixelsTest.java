package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PixelsTest {

    private static final int W = 37;
    private static final int H = 23;

    static Stream<Arguments> layouts() {
        return TestLayouts.layouts().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void readThenWrite_givesEverySampleBack(String name, BiFunction<Integer, Integer, BufferedImage> layout) {
        BufferedImage original = TestLayouts.fillRandom(layout.apply(W, H), name.hashCode());

        BufferedImage copy = Pixels.toBufferedImage(Pixels.read(original), PixelFormat.of(original));

        assertThat(copy.getColorModel().getClass()).isEqualTo(original.getColorModel().getClass());
        assertThat(copy.getType()).isEqualTo(original.getType());
        assertThat(TestLayouts.samples(copy)).isEqualTo(TestLayouts.samples(original));
        if (original.getColorModel().getNumColorComponents() == 3) {
            assertThat(TestLayouts.argb(copy)).isEqualTo(TestLayouts.argb(original));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void readRegion_matchesTheSameRegionOfAWholeRead(String name, BiFunction<Integer, Integer, BufferedImage> layout) {
        BufferedImage image = TestLayouts.fillRandom(layout.apply(W, H), 7);
        FloatImage whole = Pixels.read(image);

        FloatImage region = Pixels.read(image, 5, 3, 20, 11);

        for (int c = 0; c < whole.channels(); c++) {
            for (int y = 0; y < 11; y++) {
                for (int x = 0; x < 20; x++) {
                    assertThat(region.get(c, x, y)).as("%s c%d (%d,%d)", name, c, x, y)
                            .isEqualTo(whole.get(c, x + 5, y + 3));
                    assertThat(region.alpha(x, y)).isEqualTo(whole.alpha(x + 5, y + 3));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void writeRegion_changesOnlyTheRegion(String name, BiFunction<Integer, Integer, BufferedImage> layout) {
        BufferedImage original = TestLayouts.fillRandom(layout.apply(W, H), 11);
        BufferedImage target = TestLayouts.fillRandom(layout.apply(W, H), 11);
        FloatImage patch = new FloatImage(4, 3, 3, true);
        java.util.Arrays.fill(patch.colorData(), 1f);
        java.util.Arrays.fill(patch.alphaData(), 1f);

        Pixels.write(patch, target, 10, 6);

        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean inside = x >= 10 && x < 14 && y >= 6 && y < 9;
                int[] expected = inside ? maxSamples(target) : original.getRaster().getPixel(x, y, (int[]) null);
                assertThat(target.getRaster().getPixel(x, y, (int[]) null)).as("%s (%d,%d)", name, x, y)
                        .isEqualTo(expected);
            }
        }
    }

    private static int[] maxSamples(BufferedImage image) {
        int bands = image.getRaster().getNumBands();
        int[] max = new int[bands];
        for (int b = 0; b < bands; b++) {
            max[b] = (1 << image.getColorModel().getComponentSize(b)) - 1;
        }
        return max;
    }

    @Test
    void read_subimageReadsItsOwnPixels() {
        BufferedImage[] parents = {
                TestLayouts.fillRandom(new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB), 3),
                TestLayouts.fillRandom(new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR), 3),
                TestLayouts.fillRandom(new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY), 3)};
        for (BufferedImage parent : parents) {
            FloatImage whole = Pixels.read(parent);

            FloatImage sub = Pixels.read(parent.getSubimage(6, 4, 10, 8));

            assertThat(sub.get(0, 0, 0)).isEqualTo(whole.get(0, 6, 4));
            assertThat(sub.get(0, 9, 7)).isEqualTo(whole.get(0, 15, 11));
        }
    }

    @Test
    void write_intoSubimageLandsInTheParentAtItsOffset() {
        BufferedImage parent = new BufferedImage(W, H, BufferedImage.TYPE_4BYTE_ABGR);
        FloatImage white = new FloatImage(1, 1, 3, false);
        java.util.Arrays.fill(white.colorData(), 1f);

        Pixels.write(white, parent.getSubimage(6, 4, 10, 8), 2, 1);

        assertThat(parent.getRGB(8, 5)).isEqualTo(0xFFFFFFFF);
        assertThat(parent.getRGB(7, 5)).isZero();
    }

    @Test
    void writeRegion_equalsWritingTheRegionCopiedOut() {
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY,
                BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_BYTE_INDEXED};
        FloatImage source = new FloatImage(9, 7, 3, true);
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < source.colorData().length; i++) {
            source.colorData()[i] = r.nextFloat() * 1.2f - 0.1f;
        }
        for (int i = 0; i < source.alphaData().length; i++) {
            source.alphaData()[i] = r.nextFloat();
        }
        FloatImage part = new FloatImage(4, 3, 3, true);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    part.set(c, x, y, source.get(c, x + 2, y + 3));
                    part.alphaData()[y * 4 + x] = source.alpha(x + 2, y + 3);
                }
            }
        }
        for (int type : types) {
            BufferedImage direct = new BufferedImage(6, 5, type);
            BufferedImage copied = new BufferedImage(6, 5, type);

            Pixels.write(source, 2, 3, 4, 3, direct, 1, 2);
            Pixels.write(part, copied, 1, 2);

            assertThat(direct.getRGB(0, 0, 6, 5, null, 0, 6)).as("type %d", type)
                    .isEqualTo(copied.getRGB(0, 0, 6, 5, null, 0, 6));
        }
        assertThatThrownBy(() -> Pixels.write(source, 6, 0, 4, 3, new BufferedImage(6, 5, BufferedImage.TYPE_INT_RGB),
                0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit inside");
    }

    @Test
    void read_greyIsOneChannelOfRawSamplesWithoutGamma() {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 128);
        grey.getRaster().setSample(1, 0, 0, 255);

        FloatImage read = Pixels.read(grey);

        assertThat(read.channels()).isEqualTo(1);
        assertThat(read.hasAlpha()).isFalse();
        assertThat(read.get(0, 0, 0)).isEqualTo(128 / 255f);
        assertThat(read.get(0, 1, 0)).isEqualTo(1f);
    }

    @Test
    void readThenWrite_sixteenBitKeepsValuesThatEightBitsCannotHold() {
        BufferedImage image = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        int[] values = {1, 257, 32769, 65534};
        image.getRaster().setPixels(0, 0, 4, 1, values);

        FloatImage read = Pixels.read(image);
        BufferedImage copy = Pixels.toBufferedImage(read, PixelFormat.of(image));

        assertThat(read.get(0, 1, 0)).isEqualTo(257 / 65535f);
        assertThat(PixelFormat.of(copy).bitsPerSample()).isEqualTo(16);
        assertThat(copy.getRaster().getPixels(0, 0, 4, 1, (int[]) null)).containsExactly(values);
    }

    @Test
    void read_greyAlphaIsOneChannelPlusAlpha() {
        BufferedImage image = TestLayouts.component(ColorSpace.CS_GRAY, true, false, DataBuffer.TYPE_USHORT, 1, 1);
        image.getRaster().setPixel(0, 0, new int[] {1000, 65535});

        FloatImage read = Pixels.read(image);

        assertThat(read.channels()).isEqualTo(1);
        assertThat(read.get(0, 0, 0)).isEqualTo(1000 / 65535f);
        assertThat(read.alpha(0, 0)).isEqualTo(1f);
    }

    @Test
    void read_premultipliedIsUnpremultipliedAndZeroAlphaGivesBlack() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB_PRE);
        image.getRaster().setPixel(0, 0, new int[] {64, 32, 128, 128});
        image.getRaster().setPixel(1, 0, new int[] {0, 0, 0, 0});

        FloatImage read = Pixels.read(image);

        assertThat(read.get(0, 0, 0)).isCloseTo(64 / 128f, within(1e-6f));
        assertThat(read.get(1, 0, 0)).isCloseTo(32 / 128f, within(1e-6f));
        assertThat(read.get(2, 0, 0)).isCloseTo(1f, within(1e-6f));
        assertThat(read.alpha(0, 0)).isEqualTo(128 / 255f);
        assertThat(read.get(0, 1, 0)).isZero();
    }

    @Test
    void write_premultipliedTargetGetsPremultipliedSamples() {
        FloatImage source = new FloatImage(1, 1, 3, new float[] {1f, 0.5f, 0f}, new float[] {0.5f});
        BufferedImage target = new BufferedImage(1, 1, BufferedImage.TYPE_4BYTE_ABGR_PRE);

        Pixels.write(source, target, 0, 0);

        assertThat(target.getRaster().getPixel(0, 0, (int[]) null)).containsExactly(128, 64, 0, 128);
    }

    @Test
    void read_paletteBecomesTrueColourWithTheSameColoursAndAlpha() {
        BufferedImage palette = TestLayouts.fillRandom(TestLayouts.indexedWithTransparency(W, H), 5);

        FloatImage read = Pixels.read(palette);
        BufferedImage copy = Pixels.toBufferedImage(read, PixelFormat.of(palette));

        assertThat(read.channels()).isEqualTo(3);
        assertThat(read.hasAlpha()).isTrue();
        assertThat(copy.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(TestLayouts.argb(copy)).isEqualTo(TestLayouts.argb(palette));
    }

    @Test
    void read_binaryPalettesOfOneTwoAndFourBitsKeepTheirColours() {
        for (int bits : new int[] {1, 2, 4}) {
            BufferedImage palette = TestLayouts.fillRandom(TestLayouts.binary(bits, W, H), bits);

            BufferedImage copy = Pixels.toBufferedImage(Pixels.read(palette), PixelFormat.of(palette));

            assertThat(copy.getType()).as("%d bits", bits).isEqualTo(BufferedImage.TYPE_INT_RGB);
            assertThat(TestLayouts.argb(copy)).as("%d bits", bits).isEqualTo(TestLayouts.argb(palette));
        }
    }

    @Test
    void write_intoPaletteTargetPicksTheMatchingEntry() {
        BufferedImage palette = TestLayouts.binary(2, 2, 1);
        int colour = palette.getColorModel().getRGB(2);
        FloatImage source = new FloatImage(1, 1, 3, new float[] {((colour >> 16) & 0xFF) / 255f,
                ((colour >> 8) & 0xFF) / 255f, (colour & 0xFF) / 255f}, null);

        Pixels.write(source, palette, 1, 0);

        assertThat(palette.getRaster().getSample(1, 0, 0)).isEqualTo(2);
    }

    @Test
    void read_layoutWithoutDirectPathIsReadAsSrgb() {
        ColorModel floats = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
        BufferedImage image = new BufferedImage(floats, floats.createCompatibleWritableRaster(1, 1), false, null);
        image.getRaster().setPixel(0, 0, new float[] {0.2f, 0.6f, 1f});

        FloatImage read = Pixels.read(image);

        assertThat(PixelFormat.of(image).createImage(1, 1).getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(read.get(0, 0, 0)).isEqualTo(51 / 255f);
        assertThat(read.get(1, 0, 0)).isEqualTo(153 / 255f);
        assertThat(read.get(2, 0, 0)).isEqualTo(1f);
    }

    @Test
    void write_clampsOutOfRangeValuesAndNaN() {
        FloatImage source = new FloatImage(3, 1, 1, new float[] {-0.5f, 1.5f, Float.NaN}, null);
        BufferedImage target = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);

        Pixels.write(source, target, 0, 0);

        assertThat(target.getRaster().getPixels(0, 0, 3, 1, (int[]) null)).containsExactly(0, 65535, 0);
    }

    @Test
    void write_roundsToTheNearestSample() {
        FloatImage source = new FloatImage(2, 1, 1, new float[] {100.49f / 255, 100.51f / 255}, null);
        BufferedImage target = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);

        Pixels.write(source, target, 0, 0);

        assertThat(target.getRaster().getPixels(0, 0, 2, 1, (int[]) null)).containsExactly(100, 101);
    }

    @Test
    void write_greySourceIntoColourTargetGivesEqualChannels() {
        FloatImage grey = new FloatImage(1, 1, 1, new float[] {0.4f}, null);
        BufferedImage target = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR);

        Pixels.write(grey, target, 0, 0);

        assertThat(target.getRaster().getPixel(0, 0, (int[]) null)).containsExactly(102, 102, 102);
    }

    @Test
    void write_colourSourceIntoGreyTargetUsesBt601Luma() {
        FloatImage colour = new FloatImage(3, 1, 3, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, null);
        BufferedImage target = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);

        Pixels.write(colour, target, 0, 0);

        assertThat(target.getRaster().getPixels(0, 0, 3, 1, (int[]) null))
                .containsExactly(Math.round(0.299f * 255), Math.round(0.587f * 255), Math.round(0.114f * 255));
    }

    @Test
    void write_sourceWithoutAlphaMakesTargetAlphaOpaque() {
        FloatImage opaque = new FloatImage(1, 1, 3, new float[] {0, 0, 0}, null);
        BufferedImage target = TestLayouts.component(ColorSpace.CS_sRGB, true, false, DataBuffer.TYPE_USHORT, 1, 1);

        Pixels.write(opaque, target, 0, 0);

        assertThat(target.getRaster().getSample(0, 0, 3)).isEqualTo(65535);
    }

    @Test
    void write_sourceAlphaIsIgnoredByTargetWithoutAlpha() {
        FloatImage translucent = new FloatImage(1, 1, 3, new float[] {1, 1, 1}, new float[] {0f});
        BufferedImage target = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

        Pixels.write(translucent, target, 0, 0);

        assertThat(target.getRGB(0, 0)).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void read_regionOutsideTheImageIsRejected() {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);

        assertThatThrownBy(() -> Pixels.read(image, 5, 5, 6, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10x10");
    }

    @Test
    void write_sourceReachingOutsideTheTargetIsRejected() {
        BufferedImage target = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);

        assertThatThrownBy(() -> Pixels.write(new FloatImage(4, 4, 3, false), target, 8, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
    }

    @Test
    void toBufferedImage_choosesStandardEightBitTypes() {
        assertThat(Pixels.toBufferedImage(new FloatImage(2, 2, 1, false)).getType())
                .isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(Pixels.toBufferedImage(new FloatImage(2, 2, 3, false)).getType())
                .isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(Pixels.toBufferedImage(new FloatImage(2, 2, 3, true)).getType())
                .isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(Pixels.toBufferedImage(new FloatImage(2, 2, 1, true)).getType())
                .isEqualTo(BufferedImage.TYPE_INT_ARGB);
    }
}
