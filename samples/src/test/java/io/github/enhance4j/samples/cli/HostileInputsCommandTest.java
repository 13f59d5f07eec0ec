package io.github.enhance4j.samples.cli;

import io.github.enhance4j.ImageReadException;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.testing.HostileImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Broken and hostile files through the {@code enhance} command, with the TwelveMonkeys plugins on the class path as
 * in the fat jar: each bad file gets one line saying why, every other file is still enhanced.
 */
class HostileInputsCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EnhanceCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve("in").resolve(name), bytes);
    }

    @Test
    void textSavedAsAnImage_saysWhatItIs_withoutAdvisingPluginsThatAreInstalled() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        Path page = file("photo.jpg", "<!DOCTYPE html>\n<html>404</html>".getBytes(StandardCharsets.US_ASCII));

        int code = run("-q", page.toString(), "-o", dir.resolve("out.png").toString());

        String error = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(error).contains("it starts with the text \"<!DOCTYPE html>\", not an image")
                .contains("webp").doesNotContain("com.twelvemonkeys.imageio:imageio-webp");
        assertThat(dir.resolve("out.png")).doesNotExist();
    }

    @Test
    void folderOfHostileFiles_eachBadFileFailsOnOneLine_andTheOthersAreEnhanced() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        byte[] png = HostileImages.encode(HostileImages.noise(12, 10, BufferedImage.TYPE_INT_RGB, 1), "png");
        byte[] jpeg = HostileImages.encode(HostileImages.noise(12, 10, BufferedImage.TYPE_INT_RGB, 2), "jpeg");
        // good ones, some unusual
        file("good.png", png);
        file("good.jpg", jpeg);
        file("png-named.jpg", png);
        file("one-pixel.bmp", HostileImages.encode(HostileImages.noise(1, 1, BufferedImage.TYPE_INT_RGB, 3), "bmp"));
        file("animated.gif", HostileImages.animatedGif(6, 5));
        file("palette.png", HostileImages.encode(HostileImages.paletteWithTransparency(6, 6), "png"));
        file("cmyk.jpg", HostileImages.cmykJpeg(8, 8, false));
        // bad ones
        file("empty.png", new byte[0]);
        file("cut.png", HostileImages.truncated(png, png.length / 2));
        file("cut.jpg", HostileImages.truncated(jpeg, jpeg.length * 2 / 3));
        file("noise.gif", HostileImages.bitFlipped(new byte[3000], 9000, 4));
        for (String format : HostileImages.FORMATS) {
            file("bomb-" + format + "." + (format.equals("jpeg") ? "jpg" : format),
                    HostileImages.declaring(format, HostileImages.BOMB_SIDE, HostileImages.BOMB_SIDE));
        }
        List<String> bad = List.of("empty.png", "cut.png", "cut.jpg", "noise.gif", "bomb-png.png", "bomb-jpeg.jpg",
                "bomb-gif.gif", "bomb-bmp.bmp", "bomb-tiff.tiff");

        int code = run("-q", dir.resolve("in").toString(), "-o", dir.resolve("out").toString());

        List<String> failed = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("failed: "))
                .collect(Collectors.toList());
        System.out.println(String.join("\n", failed));
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("7 enhanced, 0 skipped, 9 failed");
        for (String name : bad) {
            assertThat(failed).as(name).filteredOn(l -> l.startsWith("failed: " + dir.resolve("in").resolve(name)
                    + ": Cannot read image ")).hasSize(1);
        }
        assertThat(failed).filteredOn(l -> l.contains("bomb-")).allSatisfy(l -> assertThat(l).contains("limit"));
        for (String name : List.of("good", "png-named", "one-pixel", "animated", "palette", "cmyk")) {
            Path result;
            try (var files = Files.list(dir.resolve("out"))) {
                result = files.filter(p -> p.getFileName().toString().startsWith(name + "_enhanced."))
                        .findFirst().orElseThrow(() -> new AssertionError("no output for " + name));
            }
            assertThat(ImageFiles.read(result).getWidth()).as(name).isGreaterThan(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
    void read_bombWithPluginsInstalled_isStillTooLarge(String format) {
        byte[] bomb = HostileImages.declaring(format, HostileImages.BOMB_SIDE, HostileImages.BOMB_SIDE);

        assertThatThrownBy(() -> ImageFiles.read(new ByteArrayInputStream(bomb), "bomb", ImageFiles.DEFAULT_MAX_PIXELS))
                .isInstanceOfSatisfying(ImageReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(ImageReadException.Reason.TOO_LARGE));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void read_cmykAndYcckJpegWithThePlugin_decodeToRgb(boolean ycck) {
        BufferedImage image = ImageFiles.read(new ByteArrayInputStream(HostileImages.cmykJpeg(8, 8, ycck)), "cmyk",
                ImageFiles.DEFAULT_MAX_PIXELS);

        assertThat(image.getWidth()).isEqualTo(8);
        assertThat(image.getColorModel().getColorSpace().getType()).isEqualTo(java.awt.color.ColorSpace.TYPE_RGB);
    }

    @Test
    void read_truncatedJpegWithThePlugin_isCorruptNotGreyFilled() {
        byte[] jpeg = HostileImages.encode(HostileImages.noise(40, 30, BufferedImage.TYPE_INT_RGB, 5), "jpeg");
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int keep = jpeg.length / 2; keep < jpeg.length - 2; keep += 7) {
            try {
                ImageFiles.read(new ByteArrayInputStream(HostileImages.truncated(jpeg, keep)), "cut", 1_000_000);
                outcomes.merge("decoded", 1, Integer::sum);
            } catch (ImageReadException e) {
                outcomes.merge(e.reason().toString(), 1, Integer::sum);
            }
        }
        assertThat(outcomes).containsOnlyKeys("CORRUPT");
    }
}
