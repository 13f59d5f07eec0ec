package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PixelFormatTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "INT_RGB, 3, false, 8", "INT_ARGB, 3, true, 8", "INT_ARGB_PRE, 3, true, 8", "INT_BGR, 3, false, 8",
        "3BYTE_BGR, 3, false, 8", "4BYTE_ABGR, 3, true, 8", "4BYTE_ABGR_PRE, 3, true, 8", "BYTE_GRAY, 1, false, 8",
        "USHORT_GRAY, 1, false, 16", "USHORT_565_RGB, 3, false, 8", "USHORT_555_RGB, 3, false, 8",
        "RGB16, 3, false, 16", "RGBA16, 3, true, 16", "GREY_ALPHA8, 1, true, 8", "GREY_ALPHA16, 1, true, 16",
        "LINEAR_RGB8, 3, false, 8"})
    void of_describesChannelsAlphaAndDepth(String layout, int channels, boolean alpha, int bits) {
        BufferedImage image = TestLayouts.layouts().get(layout).apply(2, 2);

        PixelFormat format = PixelFormat.of(image);

        assertThat(format.colorChannels()).isEqualTo(channels);
        assertThat(format.hasAlpha()).isEqualTo(alpha);
        assertThat(format.bitsPerSample()).isEqualTo(bits);
    }

    @Test
    void createImage_keepsTheStandardType() {
        PixelFormat format = PixelFormat.of(new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_565_RGB));

        BufferedImage created = format.createImage(5, 4);

        assertThat(created.getType()).isEqualTo(BufferedImage.TYPE_USHORT_565_RGB);
        assertThat(created.getWidth()).isEqualTo(5);
        assertThat(created.getHeight()).isEqualTo(4);
    }

    @Test
    void createImage_customLayoutKeepsItsColourSpaceAndDepth() {
        BufferedImage linear = TestLayouts.component(ColorSpace.CS_LINEAR_RGB, true, false, DataBuffer.TYPE_USHORT,
                1, 1);

        BufferedImage created = PixelFormat.of(linear).createImage(3, 2);

        assertThat(created.getColorModel().getColorSpace()).isSameAs(ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB));
        assertThat(created.getColorModel().getComponentSize()).containsExactly(16, 16, 16, 16);
        assertThat(PixelFormat.of(created)).isEqualTo(PixelFormat.of(linear));
    }

    @Test
    void createImage_paletteBecomesTrueColourWithAlphaOnlyWhenTransparent() {
        PixelFormat opaque = PixelFormat.of(TestLayouts.binary(4, 1, 1));
        PixelFormat transparent = PixelFormat.of(TestLayouts.indexedWithTransparency(1, 1));

        assertThat(opaque.createImage(1, 1).getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(opaque.hasAlpha()).isFalse();
        assertThat(transparent.createImage(1, 1).getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(transparent.hasAlpha()).isTrue();
    }

    @Test
    void equals_holdsForImagesOfOneLayoutAndNotAcrossLayouts() {
        PixelFormat rgb = PixelFormat.of(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));

        assertThat(rgb).isEqualTo(PixelFormat.of(new BufferedImage(9, 9, BufferedImage.TYPE_INT_RGB)))
                .hasSameHashCodeAs(PixelFormat.of(new BufferedImage(9, 9, BufferedImage.TYPE_INT_RGB)))
                .isNotEqualTo(PixelFormat.of(new BufferedImage(1, 1, BufferedImage.TYPE_INT_BGR)))
                .isNotEqualTo(PixelFormat.of(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB)));
        assertThat(PixelFormat.of(TestLayouts.layouts().get("RGB16").apply(1, 1)))
                .isNotEqualTo(PixelFormat.of(TestLayouts.layouts().get("LINEAR_RGB8").apply(1, 1)));
    }

    @Test
    void toString_namesChannelsDepthSpaceAndLayout() {
        assertThat(PixelFormat.of(TestLayouts.layouts().get("GREY_ALPHA16").apply(1, 1)))
                .hasToString("PixelFormat[grey+alpha, 16-bit, grey, custom]");
        assertThat(PixelFormat.of(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE)))
                .hasToString("PixelFormat[RGB+alpha premultiplied, 8-bit, sRGB, INT_ARGB_PRE]");
    }
}
