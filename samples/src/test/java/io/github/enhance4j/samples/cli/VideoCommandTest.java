package io.github.enhance4j.samples.cli;

import io.github.enhance4j.video.testing.TestClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Videos through the {@code enhance} command with the bundled default model (sr-x2), clips made in code. */
class VideoCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return EnhanceCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void video_toNamedOutput_isEnlarged_withItsFramesRateAndSound() {
        Path clip = TestClips.write(dir.resolve("clip.mp4"), TestClips.spec().frames(6).fps(12).audio());
        Path target = dir.resolve("clip_x2.mp4");

        int code = run(clip.toString(), "-o", target.toString());

        assertThat(code).as(stderr()).isZero();
        TestClips.Report r = TestClips.inspect(target);
        assertThat(r.width()).isEqualTo(128);
        assertThat(r.height()).isEqualTo(96);
        assertThat(r.decodedFrames()).isEqualTo(6);
        assertThat(r.frameRate()).isEqualTo(TestClips.inspect(clip).frameRate()).isCloseTo(12.0, within(0.02));
        assertThat(r.audioStreams()).isEqualTo(1);
        assertThat(r.videoCodec()).isEqualTo("h264");
        assertThat(stdout()).contains("1 enhanced, 0 skipped, 0 failed");
        assertThat(stderr()).contains("clip.mp4").contains("6/6").contains("frames/s");
    }

    @Test
    void folder_videosByContent_badVideoFails_andEverythingElseCompletes() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        TestClips.write(in.resolve("a.mp4"), TestClips.spec().frames(3));
        TestClips.write(in.resolve("b.mkv"), TestClips.spec().frames(2).container("matroska").audio());
        Files.copy(in.resolve("a.mp4"), in.resolve("camera-dump"));
        ImageIO.write(new BufferedImage(10, 8, BufferedImage.TYPE_INT_RGB), "png", in.resolve("c.png").toFile());
        byte[] whole = Files.readAllBytes(in.resolve("a.mp4"));
        Files.write(in.resolve("broken.mp4"), Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(in.resolve("notes.txt"), "not a video\n");
        Path outDir = dir.resolve("out");

        int code = run("-q", in.toString(), "-o", outDir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stdout()).contains("4 enhanced, 0 skipped, 1 failed");
        assertThat(stderr()).contains("failed: " + in.resolve("broken.mp4") + ": Cannot read video")
                .contains("cut short");
        assertThat(TestClips.inspect(outDir.resolve("a_enhanced.mp4")).width()).isEqualTo(128);
        assertThat(TestClips.inspect(outDir.resolve("b_enhanced.mkv")).audioStreams()).isEqualTo(1);
        assertThat(TestClips.inspect(outDir.resolve("camera-dump_enhanced.mp4")).decodedFrames()).isEqualTo(3);
        assertThat(ImageIO.read(outDir.resolve("c_enhanced.png").toFile()).getWidth()).isEqualTo(20);
        assertThat(outDir.resolve("broken_enhanced.mp4")).doesNotExist();
        assertThat(outDir.resolve("notes_enhanced.txt")).doesNotExist();

        int again = run("-q", in.toString(), "-o", outDir.toString());

        assertThat(again).isEqualTo(1);
        assertThat(stdout()).contains("0 enhanced, 4 skipped, 1 failed");
    }

    @Test
    void crfAndCodec_areUsed_andABadCrfIsAUsageError() {
        Path clip = TestClips.write(dir.resolve("clip.mp4"), TestClips.spec().frames(2));

        int code = run("-q", "--crf", "30", "--codec", "mpeg4", clip.toString(), "-o", dir.resolve("x.mkv").toString());
        int bad = run("-q", "--crf", "99", clip.toString());

        assertThat(code).as(stderr()).isZero();
        assertThat(TestClips.inspect(dir.resolve("x.mkv")).videoCodec()).isEqualTo("mpeg4");
        assertThat(bad).isEqualTo(2);
        assertThat(stderr()).contains("crf must be 0..63");
    }
}
