package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.enhance4j.ImageReadException;
import io.github.enhance4j.ImageReadException.Reason;
import io.github.enhance4j.ImageWriteException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.InflaterInputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ImageFilesTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path dir;

    static Stream<Arguments> pngLayouts() {
        return Stream.of("INT_RGB", "INT_ARGB", "BYTE_GRAY", "USHORT_GRAY", "RGB16", "RGBA16", "GREY_ALPHA8")
                .map(name -> Arguments.of(name, TestLayouts.layouts().get(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pngLayouts")
    void writeThenRead_pngKeepsEverySample(String name, BiFunction<Integer, Integer, BufferedImage> layout)
            throws IOException {
        BufferedImage original = TestLayouts.fillRandom(layout.apply(31, 17), 42);
        Path file = dir.resolve("image.png");

        ImageFiles.write(original, file);
        BufferedImage back = ImageFiles.read(file);

        assertThat(PixelFormat.of(back).colorChannels()).isEqualTo(PixelFormat.of(original).colorChannels());
        assertThat(PixelFormat.of(back).bitsPerSample()).isEqualTo(PixelFormat.of(original).bitsPerSample());
        assertThat(Pixels.read(back).sameSamples(Pixels.read(original))).isTrue();
        assertThat(dirEntries()).containsExactly("image.png");
    }

    @Test
    void read_jpegIsReadable() {
        Path file = dir.resolve("photo.jpg");
        ImageFiles.write(quadrants(), file);

        BufferedImage back = ImageFiles.read(file);

        assertThat(back.getWidth()).isEqualTo(64);
        assertThat(back.getHeight()).isEqualTo(32);
        assertThat(PixelFormat.of(back).colorChannels()).isEqualTo(3);
    }

    @Test
    void read_fromStreamNamesTheSourceInErrors() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", png);

        BufferedImage image = ImageFiles.read(new ByteArrayInputStream(png.toByteArray()), "upload", 100);

        assertThat(image.getWidth()).isEqualTo(3);
        assertThatThrownBy(() -> ImageFiles.read(new ByteArrayInputStream(png.toByteArray()), "upload", 5))
                .isInstanceOfSatisfying(ImageReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
                    assertThat(e.source()).isEqualTo("upload");
                });
    }

    @Test
    void read_missingFileIsNotFound() {
        Path missing = dir.resolve("nope.png");

        assertThatThrownBy(() -> ImageFiles.read(missing))
                .isInstanceOfSatisfying(ImageReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.source()).isEqualTo(missing.toString());
                });
    }

    @Test
    void read_folderIsUnreadable() {
        assertThatThrownBy(() -> ImageFiles.read(dir))
                .isInstanceOfSatisfying(ImageReadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
                .hasMessageContaining("folder");
    }

    /** An empty file is what a failed download or copy leaves, so it counts as damaged, not as a format. */
    @Test
    void read_emptyFileIsCorrupt() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.png"));

        assertThatThrownBy(() -> ImageFiles.read(empty))
                .isInstanceOfSatisfying(ImageReadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
                .hasMessageContaining("empty");
    }

    @Test
    void read_randomBytesAreAnUnsupportedFormatWithAdvice() throws IOException {
        byte[] noise = new byte[1000];
        new Random(1).nextBytes(noise);
        noise[0] = 'x'; // keep clear of the lenient WBMP signature, which starts with 0
        Path file = Files.write(dir.resolve("noise.png"), noise);

        assertThatThrownBy(() -> ImageFiles.read(file))
                .isInstanceOfSatisfying(ImageReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("png")
                .hasMessageContaining("jpeg")
                .hasMessageContaining("com.twelvemonkeys.imageio:imageio-webp")
                .hasMessageContaining("its first bytes: 78 ");
    }

    @Test
    void read_webPageSavedAsJpeg_saysWhatTheFileStartsWith() throws IOException {
        Path file = Files.writeString(dir.resolve("photo.jpg"), "<!DOCTYPE html>\n<html><body>404 Not Found</body>");

        assertThatThrownBy(() -> ImageFiles.read(file))
                .isInstanceOfSatisfying(ImageReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("it starts with the text \"<!DOCTYPE html>\", not an image");
    }

    @Test
    void read_truncatedPngIsCorrupt() throws IOException {
        Path whole = dir.resolve("whole.png");
        ImageFiles.write(TestLayouts.fillRandom(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), 2), whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ImageFiles.read(cut))
                .isInstanceOfSatisfying(ImageReadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
    }

    @Test
    void read_pngDeclaringSeventyThousandSquaredIsTooLargeBeforeDecoding() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeaderOnly(70_000, 70_000));

        assertThatThrownBy(() -> ImageFiles.read(bomb))
                .isInstanceOfSatisfying(ImageReadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("70000x70000")
                .hasMessageContaining(String.valueOf(ImageFiles.DEFAULT_MAX_PIXELS))
                .hasMessageContaining(ImageFiles.MAX_PIXELS_PROPERTY);
    }

    @Test
    void read_systemPropertyLowersTheDefaultLimit() throws IOException {
        Path file = dir.resolve("small.png");
        ImageFiles.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), file);
        System.setProperty(ImageFiles.MAX_PIXELS_PROPERTY, "399");
        try {
            assertThat(ImageFiles.defaultMaxPixels()).isEqualTo(399);
            assertThatThrownBy(() -> ImageFiles.read(file))
                    .isInstanceOfSatisfying(ImageReadException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        } finally {
            System.clearProperty(ImageFiles.MAX_PIXELS_PROPERTY);
        }
        assertThat(ImageFiles.read(file).getWidth()).isEqualTo(20);
    }

    @Test
    void read_animatedGifGivesTheFirstFrame() throws IOException {
        Path gif = dir.resolve("anim.gif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(gif.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(filled(0xFF0000), null, null), null);
            writer.writeToSequence(new IIOImage(filled(0x0000FF), null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }

        BufferedImage first = ImageFiles.read(gif);

        assertThat(first.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @ParameterizedTest(name = "orientation {0} {1}")
    @CsvSource({"3, BIG_ENDIAN", "6, BIG_ENDIAN", "8, BIG_ENDIAN", "6, LITTLE_ENDIAN", "8, LITTLE_ENDIAN"})
    void read_jpegWithExifOrientationIsTurnedUpright(int orientation, String byteOrder) throws IOException {
        ByteOrder order = byteOrder.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Path file = Files.write(dir.resolve("exif.jpg"),
                withApp1(jpegBytes(quadrants()), ExifOrientationTest.exifPayload(order, orientation)));

        BufferedImage upright = ImageFiles.read(file);

        // quadrants: top-left red, top-right green, bottom-left blue, bottom-right white
        int[][] expected = switch (orientation) {
            case 3 -> new int[][] {{0xFFFFFF, 0x0000FF}, {0x00FF00, 0xFF0000}};
            case 6 -> new int[][] {{0x0000FF, 0xFF0000}, {0xFFFFFF, 0x00FF00}};
            case 8 -> new int[][] {{0x00FF00, 0xFFFFFF}, {0xFF0000, 0x0000FF}};
            default -> throw new IllegalArgumentException();
        };
        boolean turned = orientation >= 5;
        assertThat(upright.getWidth()).isEqualTo(turned ? 32 : 64);
        assertThat(upright.getHeight()).isEqualTo(turned ? 64 : 32);
        for (int row = 0; row < 2; row++) {
            for (int col = 0; col < 2; col++) {
                int x = upright.getWidth() / 4 + col * upright.getWidth() / 2;
                int y = upright.getHeight() / 4 + row * upright.getHeight() / 2;
                assertColourNear(upright.getRGB(x, y), expected[row][col]);
            }
        }
    }

    @Test
    void read_jpegWithMalformedExifIsReadUnturned() throws IOException {
        byte[] broken = ExifOrientationTest.exifPayload(ByteOrder.BIG_ENDIAN, 6);
        broken[6 + 4] = 0x7F; // IFD0 offset far outside the block
        Path file = Files.write(dir.resolve("broken.jpg"), withApp1(jpegBytes(quadrants()), broken));

        BufferedImage image = ImageFiles.read(file);

        assertThat(image.getWidth()).isEqualTo(64);
        assertColourNear(image.getRGB(16, 8), 0xFF0000);
    }

    @Test
    void write_unknownExtensionListsTheWritableOnes() {
        Path file = dir.resolve("image.xyz");

        assertThatThrownBy(() -> ImageFiles.write(quadrants(), file))
                .isInstanceOfSatisfying(ImageWriteException.class, e -> assertThat(e.target()).isEqualTo(file))
                .hasMessageContaining(".xyz")
                .hasMessageContaining("png");
        assertThat(dirEntries()).isEmpty();
    }

    @Test
    void write_intoMissingFolderSaysSo() {
        Path file = dir.resolve("missing").resolve("image.png");

        assertThatThrownBy(() -> ImageFiles.write(quadrants(), file))
                .isInstanceOf(ImageWriteException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void write_failingMoveLeavesNoTemporaryFileAndNoTarget() throws IOException {
        Path occupied = Files.createDirectories(dir.resolve("taken.png"));
        Files.createFile(occupied.resolve("keep"));

        assertThatThrownBy(() -> ImageFiles.write(quadrants(), occupied)).isInstanceOf(ImageWriteException.class);

        assertThat(dirEntries()).containsExactly("taken.png");
    }

    @Test
    void write_replacesAnExistingFile() throws IOException {
        Path file = Files.writeString(dir.resolve("old.png"), "not an image");

        ImageFiles.write(quadrants(), file);

        assertThat(ImageFiles.read(file).getWidth()).isEqualTo(64);
        assertThat(dirEntries()).containsExactly("old.png");
    }

    @Test
    void write_withFormatNameIgnoresTheExtension() {
        Path file = dir.resolve("image.dat");

        ImageFiles.write(quadrants(), file, "PNG");

        assertThat(ImageFiles.read(file).getRGB(0, 0)).isEqualTo(0xFFFF0000);
    }

    @Test
    void encode_givesTheBytesThatWriteWouldWrite() throws IOException {
        BufferedImage image = TestLayouts.fillRandom(TestLayouts.layouts().get("INT_ARGB").apply(23, 11), 7);
        Path file = dir.resolve("image.png");
        ImageFiles.write(image, file, "png");

        byte[] encoded = ImageFiles.encode(image, "PNG");

        assertThat(encoded).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void encode_jpegFromTranslucentImageIsFlattenedOnWhite() throws IOException {
        BufferedImage argb = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);

        BufferedImage back = ImageFiles.read(new ByteArrayInputStream(ImageFiles.encode(argb, "jpg")), "jpg", 1000);

        assertColourNear(back.getRGB(8, 8), 0xFFFFFF);
    }

    @Test
    void encode_unknownFormatListsTheWritableOnes() {
        assertThatThrownBy(() -> ImageFiles.encode(quadrants(), "xyz"))
                .isInstanceOfSatisfying(ImageWriteException.class,
                        e -> assertThat(e.target()).isEqualTo(Path.of("in-memory.xyz")))
                .hasMessageContaining("'xyz'")
                .hasMessageContaining("png");
    }

    @Test
    void write_jpegFromTranslucentImageIsFlattenedOnWhite() {
        BufferedImage argb = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                argb.setRGB(x, y, x < 8 ? 0x00FF0000 : 0xFF000000); // transparent red left, opaque black right
            }
        }
        Path file = dir.resolve("flat.jpg");

        ImageFiles.write(argb, file);
        BufferedImage back = ImageFiles.read(file);

        assertColourNear(back.getRGB(2, 8), 0xFFFFFF);
        assertColourNear(back.getRGB(13, 8), 0x000000);
    }

    @Test
    void write_sixteenBitToBmpAndGifRoundsToEightBits() {
        BufferedImage sixteen = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
        Arrays.fill(((java.awt.image.DataBufferUShort) sixteen.getRaster().getDataBuffer()).getData(), (short) 0x8080);

        for (String name : new String[] {"grey.bmp", "grey.gif"}) {
            ImageFiles.write(sixteen, dir.resolve(name));
            FloatImage back = Pixels.read(ImageFiles.read(dir.resolve(name)));

            assertThat(back.get(0, 1, 1)).as(name).isEqualTo(0x80 / 255f);
        }
    }

    @Test
    void write_wbmpFromColourBecomesBlackAndWhite() {
        Path file = dir.resolve("bw.wbmp");

        ImageFiles.write(quadrants(), file);
        BufferedImage back = ImageFiles.read(file);

        assertThat(back.getRGB(48, 24)).isEqualTo(0xFFFFFFFF);
        assertThat(back.getRGB(16, 24)).isEqualTo(0xFF000000);
    }

    @Test
    void write_premultipliedImageIsStoredUnpremultiplied() {
        BufferedImage pre = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE);
        pre.getRaster().setPixel(0, 0, new int[] {100, 50, 0, 200});
        Path file = dir.resolve("pre.png");

        ImageFiles.write(pre, file);

        assertThat(ImageFiles.read(file).getRGB(0, 0)).isEqualTo(pre.getRGB(0, 0));
    }

    @Test
    void write_pngEmbedsTheProfileOfANonSrgbImage() throws IOException {
        BufferedImage linear = TestLayouts.layouts().get("LINEAR_RGB8").apply(4, 4);
        Path file = dir.resolve("linear.png");

        ImageFiles.write(linear, file);

        byte[] iccp = pngChunk(Files.readAllBytes(file), "iCCP");
        assertThat(iccp).isNotNull();
        int compressed = indexOf(iccp, (byte) 0) + 2; // name, NUL, compression method
        byte[] profile = new InflaterInputStream(new ByteArrayInputStream(iccp, compressed, iccp.length - compressed))
                .readAllBytes();
        assertThat(profile).isEqualTo(linearProfile());
    }

    @Test
    void write_jpegAndTiffEmbedTheProfileOfANonSrgbImage() throws IOException {
        BufferedImage linear = TestLayouts.layouts().get("LINEAR_RGB8").apply(4, 4);

        ImageFiles.write(linear, dir.resolve("linear.jpg"));
        ImageFiles.write(linear, dir.resolve("linear.tif"));

        String jpeg = new String(Files.readAllBytes(dir.resolve("linear.jpg")), StandardCharsets.ISO_8859_1);
        assertThat(jpeg).contains("ICC_PROFILE");
        ColorSpace tiffSpace = ImageFiles.read(dir.resolve("linear.tif")).getColorModel().getColorSpace();
        // the colour management system re-serialises a loaded profile, so compare what it does, not its bytes
        assertThat(tiffSpace.isCS_sRGB()).isFalse();
        float[] half = {0.5f, 0.5f, 0.5f};
        assertThat(tiffSpace.toRGB(half))
                .containsExactly(ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB).toRGB(half), within(0.01f));
    }

    @Test
    void write_bmpConvertsANonSrgbImageToSrgb() {
        BufferedImage linear = TestLayouts.layouts().get("LINEAR_RGB8").apply(2, 2);
        linear.getRaster().setPixel(0, 0, new int[] {128, 0, 255});
        Path file = dir.resolve("linear.bmp");

        ImageFiles.write(linear, file);
        int[] rgb = ImageFiles.read(file).getRaster().getPixel(0, 0, (int[]) null);

        // linear 0.502 is sRGB 0.737 (value 188); 0 and 1 are the same in both
        assertThat(rgb[0]).isCloseTo(188, within(2));
        assertThat(rgb[1]).isZero();
        assertThat(rgb[2]).isEqualTo(255);
    }

    private static byte[] linearProfile() {
        return ((ICC_ColorSpace) ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB)).getProfile().getData();
    }

    private static void assertColourNear(int argb, int expectedRgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            assertThat((argb >> shift) & 0xFF).as("channel at bit %d of %06X", shift, argb & 0xFFFFFF)
                    .isCloseTo((expectedRgb >> shift) & 0xFF, within(40));
        }
    }

    /** 64x32: red, green over blue, white; every rotation and flip of it is different. */
    private static BufferedImage quadrants() {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                int rgb = y < 16 ? (x < 32 ? 0xFF0000 : 0x00FF00) : (x < 32 ? 0x0000FF : 0xFFFFFF);
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static BufferedImage filled(int rgb) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static byte[] jpegBytes(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "jpeg", out)).isTrue();
        return out.toByteArray();
    }

    /** The JPEG with an APP1 segment holding {@code payload} spliced in right after SOI. */
    private static byte[] withApp1(byte[] jpeg, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG signature and an IHDR chunk with a correct CRC, and nothing else: a header that promises pixels. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        out.writeBytes(chunk("IHDR", ihdr.array()));
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    /** The data of the first chunk of {@code type}, or null. */
    private static byte[] pngChunk(byte[] png, String type) {
        ByteBuffer buffer = ByteBuffer.wrap(png).position(PNG_SIGNATURE.length);
        while (buffer.remaining() >= 12) {
            int length = buffer.getInt();
            byte[] name = new byte[4];
            buffer.get(name);
            byte[] data = new byte[length];
            buffer.get(data).getInt();
            if (new String(name, StandardCharsets.ISO_8859_1).equals(type)) {
                return data;
            }
        }
        return null;
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private String[] dirEntries() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void write_resultGetsTheUsualPermissionsNotTempFileOnes() throws Exception {
        Path target = dir.resolve("perm.png");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                target.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system only");
        Path plain = java.nio.file.Files.createFile(dir.resolve("plain.bin"));

        ImageFiles.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), target);

        assertThat(java.nio.file.Files.getPosixFilePermissions(target))
                .isEqualTo(java.nio.file.Files.getPosixFilePermissions(plain));
    }
}
