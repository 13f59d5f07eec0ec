package io.github.enhance4j.samples.cli;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.image.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line end to end, with the bundled default model (sr-x2). */
class EnhanceCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EnhanceCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path image(String relative, String format, int w, int h) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(relative.hashCode());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt());
            }
        }
        assertThat(ImageIO.write(img, format, file.toFile())).isTrue();
        return file;
    }

    private static BufferedImage read(Path p) throws IOException {
        return ImageIO.read(p.toFile());
    }

    @Test
    void demo_writesPictureAndPrintsPsnr() throws IOException {
        Path picture = dir.resolve("demo.png");

        int code = run("--demo", "-o", picture.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).contains("built-in restore")
                .contains("RGB-PSNR against the original (" + Demo.PHOTO_DAMAGE)
                .containsPattern("unsharp mask +\\d+\\.\\d\\d dB").containsPattern("enhanced +\\d+\\.\\d\\d dB  \\(\\+");
        BufferedImage demo = read(picture);
        assertThat(demo.getWidth()).isGreaterThan(4 * 250);
    }

    @Test
    void demo_withASuperResolutionModel_downscalesTheChart() throws IOException {
        Path picture = dir.resolve("sr-demo.png");

        int code = run("--demo", "-m", "sr-x2", "-o", picture.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).contains("built-in sr-x2").contains("Y-PSNR against the original (bicubic /2)")
                .containsPattern("enhanced +\\d+\\.\\d\\d dB  \\(\\+");
    }

    @Test
    void demo_withTheSeedAutoencoder_pixelatesInsteadOfDownscaling() throws IOException {
        Path picture = dir.resolve("seed-demo.png");

        int code = run("--demo", "-m", "seed-autoencoder", "-o", picture.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).contains("built-in seed-autoencoder").contains("pixelated 40%");
    }

    @Test
    void model_byBundledName_usesThatModel() throws IOException {
        Path in = image("named.png", "png", 10, 6);

        int code = run("-q", "-m", "SR-X4", in.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(read(dir.resolve("named_enhanced.png")).getWidth()).isEqualTo(40);
    }

    @Test
    void model_neitherFileNorBundledName_isAUsageErrorListingTheNames() throws IOException {
        Path in = image("x.png", "png", 10, 6);

        int code = run("-m", "no-such-model.onnx", in.toString());

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("no model file 'no-such-model.onnx'").contains("sr-x2, sr-x4, seed-autoencoder");
        assertThat(dir.resolve("x_enhanced.png")).doesNotExist();
    }

    @Test
    void file_withOutputFile_isEnlargedByTheModelScale() throws IOException {
        Path in = image("in.png", "png", 24, 16);
        Path target = dir.resolve("result.jpg");

        int code = run("-q", in.toString(), "-o", target.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(read(target).getWidth()).isEqualTo(48);
        assertThat(stdout()).contains("1 enhanced, 0 skipped, 0 failed");
    }

    @Test
    void outputFileWithAnUnknownExtension_isRefused_insteadOfBecomingAFolder() throws IOException {
        Path in = image("in.png", "png", 24, 16);
        Path typo = dir.resolve("result.pgn");

        int code = run("-q", in.toString(), "-o", typo.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("names no format this tool writes (.pgn)").contains(".png").contains(".jpg");
        assertThat(typo).doesNotExist();
        // a folder that exists is written into, whatever its name
        Files.createDirectories(typo);
        assertThat(run("-q", in.toString(), "-o", typo.toString())).as(stderr()).isZero();
        assertThat(typo.resolve("in_enhanced.png")).isRegularFile();
    }

    @Test
    void folder_isSearchedRecursively_andMirroredIntoTheOutputFolder() throws IOException {
        Path src = dir.resolve("src");
        image("src/a.png", "png", 20, 12);
        image("src/sub/b.jpg", "jpg", 16, 16);
        image("src/sub/deeper/c.bmp", "bmp", 10, 8);
        Files.writeString(src.resolve("notes.txt"), "not an image");
        Path outDir = dir.resolve("out");

        int code = run("-q", src.toString(), "-o", outDir.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(read(outDir.resolve("a_enhanced.png")).getWidth()).isEqualTo(40);
        assertThat(read(outDir.resolve("sub/b_enhanced.jpg")).getHeight()).isEqualTo(32);
        assertThat(read(outDir.resolve("sub/deeper/c_enhanced.bmp")).getWidth()).isEqualTo(20);
        assertThat(stdout())
                .containsPattern("3 enhanced, 0 skipped, 0 failed in \\d+\\.\\d s \\(\\d+\\.\\d images/s\\)");
    }

    /**
     * A folder goes through the pipeline (images decoded ahead, several enhanced at once with the cores divided
     * among them, written behind): each result must be what enhancing that image alone gives, within 1/255.
     */
    @Test
    void folder_throughThePipeline_matchesEnhancingEachImageAlone() throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inputs.add(image("same/s" + i + ".png", "png", 40, 30));
        }
        inputs.add(image("same/other1.png", "png", 33, 21));
        inputs.add(image("same/other2.png", "png", 17, 45));
        Path outDir = dir.resolve("same-out");

        int code = run("-q", dir.resolve("same").toString(), "-o", outDir.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).contains("8 enhanced, 0 skipped, 0 failed");
        try (Enhancer alone = Enhancer.load(DefaultModel.source(), EnhanceOptions.defaults())) {
            for (Path in : inputs) {
                BufferedImage expected = alone.enhance(ImageFiles.read(in));
                String name = in.getFileName().toString().replace(".png", "_enhanced.png");
                BufferedImage actual = read(outDir.resolve(name));
                assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
                assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
                assertThat(maxDifference(expected, actual)).as(name).isLessThanOrEqualTo(1);
            }
        }
    }

    /** The largest difference of any channel of any pixel, in levels of 255. */
    private static int maxDifference(BufferedImage a, BufferedImage b) {
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    max = Math.max(max, Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF)));
                }
            }
        }
        return max;
    }

    @Test
    void glob_limitsWhichFilesAFolderContributes() throws IOException {
        image("g/a.png", "png", 8, 8);
        image("g/b.jpg", "jpg", 8, 8);

        int code = run("-q", "--glob", "*.jpg", dir.resolve("g").toString());

        assertThat(code).isZero();
        assertThat(dir.resolve("g/b_enhanced.jpg")).exists();
        assertThat(dir.resolve("g/a_enhanced.png")).doesNotExist();
    }

    @Test
    void existingOutputs_areSkippedAndCounted_andReplacedWithOverwrite() throws IOException {
        Path in = image("s/a.png", "png", 12, 12);
        image("s/b.png", "png", 12, 12);
        Path existing = dir.resolve("s/a_enhanced.png");
        Files.writeString(existing, "keep me");

        int first = run("-q", dir.resolve("s").toString());
        String firstOut = stdout();
        out.reset();
        int second = run("-q", "--overwrite", in.toString());

        assertThat(first).isZero();
        assertThat(firstOut).contains("1 enhanced, 1 skipped, 0 failed").contains("use --overwrite");
        assertThat(second).isZero();
        assertThat(read(existing).getWidth()).isEqualTo(24);
    }

    @Test
    void outputFolderInsideTheInputFolder_isNeverReadBack_soASecondRunSkipsEverything() throws IOException {
        image("p/a.jpg", "jpg", 12, 10);
        image("p/sub/b.png", "png", 10, 8);
        Path photos = dir.resolve("p");
        Path enhanced = photos.resolve("enhanced");

        int first = run("-q", photos.toString(), "-o", enhanced.toString());
        String firstOut = stdout();
        out.reset();
        int second = run("-q", photos.toString(), "-o", enhanced.toString());

        assertThat(first).as(stderr()).isZero();
        assertThat(firstOut).contains("2 enhanced, 0 skipped, 0 failed");
        assertThat(second).as(stderr()).isZero();
        assertThat(stdout()).contains("0 enhanced, 2 skipped, 0 failed");
        assertThat(stderr()).doesNotContain("would overwrite");
        try (Stream<Path> files = Files.walk(photos)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("_enhanced_enhanced"));
        }
    }

    @Test
    void outputFolderSameAsTheInputFolder_resultsAreNotInputsOnASecondRun() throws IOException {
        image("q/a.png", "png", 8, 8);
        Path folder = dir.resolve("q");

        int first = run("-q", folder.toString(), "-o", folder.toString());
        out.reset();
        int second = run("-q", folder.toString(), "-o", folder.toString());

        assertThat(first).as(stderr()).isZero();
        assertThat(second).as(stderr()).isZero();
        assertThat(stdout()).contains("0 enhanced, 1 skipped, 0 failed");
        assertThat(folder.resolve("a_enhanced_enhanced.png")).doesNotExist();
    }

    @Test
    void oneBrokenFile_failsAlone_andTheExitCodeSaysSo() throws IOException {
        image("m/good1.png", "png", 10, 10);
        image("m/good2.png", "png", 10, 10);
        Path broken = dir.resolve("m/broken.png");
        byte[] bytes = Files.readAllBytes(image("m/tmp.png", "png", 30, 30));
        Files.delete(dir.resolve("m/tmp.png"));
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        int code = run("-q", dir.resolve("m").toString(), dir.resolve("missing.png").toString());

        assertThat(code).isEqualTo(1);
        assertThat(stdout()).contains("2 enhanced, 0 skipped, 2 failed");
        assertThat(stderr()).contains("failed: " + broken).contains("missing.png: no such file or folder");
        assertThat(dir.resolve("m/good1_enhanced.png")).exists();
        assertThat(dir.resolve("m/good2_enhanced.png")).exists();
        assertThat(dir.resolve("m/broken_enhanced.png")).doesNotExist();
    }

    @Test
    void outputThatWouldReplaceAnInput_isRefused() throws IOException {
        Path in = image("i/a.png", "png", 8, 8);
        byte[] before = Files.readAllBytes(in);

        int code = run("-q", "--suffix", "", in.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("would overwrite an input");
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
    }

    @Test
    void compare_writesBicubicBesideEnhanced() throws IOException {
        Path in = image("c/a.png", "png", 20, 10);

        int code = run("-q", "--compare", in.toString());

        assertThat(code).isZero();
        BufferedImage compare = read(dir.resolve("c/a_enhanced_compare.png"));
        assertThat(compare.getWidth()).isEqualTo(2 * 40 + 4);
        assertThat(compare.getHeight()).isGreaterThan(20);
    }

    @Test
    void outscale_resizesToAnyFactor() throws IOException {
        Path in = image("o/a.png", "png", 20, 10);

        int code = run("-q", "--outscale", "2.5", in.toString());

        assertThat(code).isZero();
        assertThat(read(dir.resolve("o/a_enhanced.png")).getWidth()).isEqualTo(50);
    }

    @Test
    void usageErrors_exitWithTwoAndSayWhy() {
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).contains("no input");
        assertThat(run("--scale", "2", "--outscale", "3", "x.png")).isEqualTo(2);
        assertThat(stderr()).contains("--scale and --outscale exclude each other");
        assertThat(run("--device", "tpu", "x.png")).isEqualTo(2);
        assertThat(stderr()).contains("Unknown device 'tpu'");
    }

    @Test
    void missingModel_isAUsageErrorNamingIt() throws IOException {
        Path in = image("x/a.png", "png", 8, 8);

        int code = run("-m", dir.resolve("nope.onnx").toString(), in.toString());

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("no model file").contains("nope.onnx");
    }

    @Test
    void help_listsTheOptions() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("--model").contains("--overwrite").contains("--demo").contains("Exit codes");
    }

    @Test
    void help_namesEveryBundledModel() {
        assertThat(run("--help")).isZero();
        String help = stdout().replaceAll("\\s+", " ");
        for (io.github.enhance4j.models.BundledModel m : io.github.enhance4j.models.BundledModel.values()) {
            assertThat(help).as("--help names " + m.id()).contains(m.id());
        }
    }

    @Test
    void noInputIsEverModified() throws IOException {
        image("n/a.png", "png", 8, 8);
        image("n/b.gif", "gif", 8, 8);
        Path folder = dir.resolve("n");
        java.util.Map<Path, byte[]> before;
        try (Stream<Path> files = Files.list(folder)) {
            before = files.collect(Collectors.toMap(p -> p, p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }

        assertThat(run("-q", "--overwrite", folder.toString())).isZero();

        for (java.util.Map.Entry<Path, byte[]> e : before.entrySet()) {
            assertThat(Files.readAllBytes(e.getKey())).isEqualTo(e.getValue());
        }
    }
}
