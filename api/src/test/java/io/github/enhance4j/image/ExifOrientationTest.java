package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExifOrientationTest {

    /** An APP1 payload: "Exif\0\0", a TIFF header and an IFD0 with an unrelated tag then the orientation. */
    static byte[] exifPayload(ByteOrder order, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4).order(order);
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(4).putInt(0); // Make, unrelated
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        payload.writeBytes(tiff.array());
        return payload.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({"1", "3", "6", "8"})
    void parse_readsTheOrientationInBothByteOrders(int orientation) {
        assertThat(ExifOrientation.parse(exifPayload(ByteOrder.BIG_ENDIAN, orientation))).isEqualTo(orientation);
        assertThat(ExifOrientation.parse(exifPayload(ByteOrder.LITTLE_ENDIAN, orientation))).isEqualTo(orientation);
    }

    @Test
    void parse_withoutOrientationTagIsNormal() {
        byte[] payload = exifPayload(ByteOrder.BIG_ENDIAN, 6);
        payload[6 + 8 + 1] = 1; // IFD0 entry count 2 -> 1: the orientation entry is no longer listed

        assertThat(ExifOrientation.parse(payload)).isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void parse_malformedBlocksAreRejected() {
        byte[] truncated = java.util.Arrays.copyOf(exifPayload(ByteOrder.BIG_ENDIAN, 6), 20);
        byte[] badOrder = exifPayload(ByteOrder.BIG_ENDIAN, 6);
        badOrder[6] = 'X';
        byte[] outOfRange = exifPayload(ByteOrder.BIG_ENDIAN, 9);

        assertThatThrownBy(() -> ExifOrientation.parse(truncated)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExifOrientation.parse(badOrder)).hasMessageContaining("byte order");
        assertThatThrownBy(() -> ExifOrientation.parse(outOfRange)).hasMessageContaining("not 1..8");
    }

    /**
     * A 3x2 image with pixel values 0..5 in reading order, and the expected upright result as rows of those
     * values, from the EXIF specification's description of each orientation.
     */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource(delimiter = ';', value = {
        "1; 0 1 2/3 4 5", "2; 2 1 0/5 4 3", "3; 5 4 3/2 1 0", "4; 3 4 5/0 1 2",
        "5; 0 3/1 4/2 5", "6; 3 0/4 1/5 2", "7; 5 2/4 1/3 0", "8; 2 5/1 4/0 3"})
    void apply_turnsThePixelsUpright(int orientation, String expectedRows) {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setPixels(0, 0, 3, 2, new int[] {0, 1, 2, 3, 4, 5});

        BufferedImage upright = ExifOrientation.apply(image, orientation);

        String[] rows = expectedRows.split("/");
        assertThat(upright.getHeight()).isEqualTo(rows.length);
        for (int y = 0; y < rows.length; y++) {
            int[] expected = java.util.Arrays.stream(rows[y].trim().split(" ")).mapToInt(Integer::parseInt).toArray();
            assertThat(upright.getRaster().getPixels(0, y, expected.length, 1, (int[]) null))
                    .as("row %d", y).containsExactly(expected);
        }
    }

    @Test
    void apply_keepsThePixelFormatIncludingPalettes() {
        BufferedImage palette = TestLayouts.fillRandom(TestLayouts.binary(2, 5, 3), 1);
        BufferedImage sixteen = TestLayouts.layouts().get("RGBA16").apply(5, 3);

        BufferedImage turnedPalette = ExifOrientation.apply(palette, 6);
        BufferedImage turnedSixteen = ExifOrientation.apply(sixteen, 6);

        assertThat(turnedPalette.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        assertThat(turnedPalette.getRGB(2, 0)).isEqualTo(palette.getRGB(0, 0));
        assertThat(PixelFormat.of(turnedSixteen)).isEqualTo(PixelFormat.of(sixteen));
        assertThat(turnedSixteen.getWidth()).isEqualTo(3);
    }
}
