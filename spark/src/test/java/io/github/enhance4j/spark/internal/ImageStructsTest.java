package io.github.enhance4j.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageStructsTest {

    @Test
    void toImage_readsBgrAndBgraAndGrey() {
        BufferedImage bgr = ImageStructs.toImage(2, 1, 3, new byte[] {1, 2, 3, 4, 5, 6});
        BufferedImage bgra = ImageStructs.toImage(1, 1, 4, new byte[] {10, 20, 30, (byte) 200});
        BufferedImage grey = ImageStructs.toImage(1, 2, 1, new byte[] {7, 8});

        assertThat(bgr.getRGB(0, 0)).isEqualTo(0xFF030201);
        assertThat(bgr.getRGB(1, 0)).isEqualTo(0xFF060504);
        assertThat(bgra.getRGB(0, 0)).isEqualTo(0xC81E140A);
        assertThat(grey.getRaster().getSample(0, 1, 0)).isEqualTo(8);
    }

    @Test
    void toImage_refusesDataOfTheWrongLengthOrChannels() {
        assertThatThrownBy(() -> ImageStructs.toImage(2, 2, 3, new byte[5]))
                .hasMessageContaining("5 bytes where width x height x nChannels = 2 x 2 x 3 = 12");
        assertThatThrownBy(() -> ImageStructs.toImage(2, 2, 2, new byte[8])).hasMessageContaining("nChannels=2");
    }
}
