package io.github.enhance4j.video;

import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.video.testing.TestClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Whole videos through {@link VideoEnhancer}, with clips made in code and an enhancer without a model. */
class VideoEnhancerTest {

    @TempDir
    Path dir;

    private Path clip(String name, TestClips.Spec spec) {
        return TestClips.write(dir.resolve(name), spec);
    }

    private List<String> filesIn(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void enhance_mp4WithSound_keepsFramesRateDurationAndAudio() {
        Path in = clip("in.mp4", TestClips.spec().frames(12).fps(12).audio());
        TestClips.Report before = TestClips.inspect(in);
        List<VideoProgress> progress = new ArrayList<>();

        VideoResult r = VideoEnhancer.of(new ScaleEnhancer(2)).enhance(in, dir.resolve("out.mp4"), progress::add);

        TestClips.Report after = TestClips.inspect(dir.resolve("out.mp4"));
        assertThat(after.videoCodec()).isEqualTo("h264");
        assertThat(after.width()).isEqualTo(128);
        assertThat(after.height()).isEqualTo(96);
        assertThat(after.decodedFrames()).isEqualTo(12).isEqualTo(after.videoPackets());
        assertThat(after.frameRate()).isCloseTo(12.0, within(0.01));
        assertThat(after.ptsSeconds()).containsExactlyElementsOf(before.ptsSeconds());
        assertThat(VideoFiles.probe(dir.resolve("out.mp4")).duration()).isEqualTo(VideoFiles.probe(in).duration());
        assertThat(VideoFiles.probe(in).duration().toMillis()).isEqualTo(1000);
        assertThat(after.audioStreams()).isEqualTo(1);
        assertThat(after.audioCodec()).isEqualTo("aac");
        assertThat(after.audioPackets()).isEqualTo(before.audioPackets());
        assertThat(after.audioSeconds()).isCloseTo(before.audioSeconds(), within(0.001));
        assertThat(r.frames()).isEqualTo(12);
        assertThat(r.encoder()).isEqualTo("libx264");
        assertThat(r.copiedStreams()).containsExactly("#1 audio aac");
        assertThat(r.notes()).isEmpty();
        assertThat(progress).hasSize(12);
        assertThat(progress.get(11).framesDone()).isEqualTo(12);
        assertThat(progress.get(0).framesTotal()).isEqualTo(12);
        assertThat(filesIn(dir)).containsExactly("in.mp4", "out.mp4");
    }

    @Test
    void enhance_withoutSound_writesVideoOnly() {
        Path in = clip("silent.mp4", TestClips.spec().frames(5));

        VideoEnhancer.of(new ScaleEnhancer(2)).enhance(in, dir.resolve("out.mp4"));

        TestClips.Report after = TestClips.inspect(dir.resolve("out.mp4"));
        assertThat(after.audioStreams()).isZero();
        assertThat(after.decodedFrames()).isEqualTo(5);
    }

    @Test
    void enhance_oddSizeAtScale1_isPaddedForYuv420_andSaysSo() {
        Path in = clip("odd.mkv", TestClips.spec().size(321, 241).frames(3).container("matroska"));

        VideoResult r = VideoEnhancer.of(new ScaleEnhancer(1)).enhance(in, dir.resolve("odd_out.mp4"));

        TestClips.Report after = TestClips.inspect(dir.resolve("odd_out.mp4"));
        assertThat(after.width()).isEqualTo(322);
        assertThat(after.height()).isEqualTo(242);
        assertThat(after.decodedFrames()).isEqualTo(3);
        assertThat(r.outputWidth()).isEqualTo(322);
        assertThat(r.notes()).singleElement().asString().contains("321x241").contains("padded to 322x242");
    }

    @Test
    void enhance_oddSizeAtScale2_isEvenAlready() {
        Path in = clip("odd.mkv", TestClips.spec().size(321, 241).frames(2).container("matroska"));

        VideoResult r = VideoEnhancer.of(new ScaleEnhancer(2)).enhance(in, dir.resolve("odd_x2.mp4"));

        assertThat(TestClips.inspect(dir.resolve("odd_x2.mp4")).width()).isEqualTo(642);
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void enhance_variableFrameRate_keepsEveryTimestamp() {
        Path in = clip("vfr.mkv", TestClips.spec().container("matroska").ptsMillis(0, 100, 300, 350, 700, 1000, 1040));
        TestClips.Report before = TestClips.inspect(in);

        VideoEnhancer.of(new ScaleEnhancer(2)).enhance(in, dir.resolve("vfr_out.mkv"));

        TestClips.Report after = TestClips.inspect(dir.resolve("vfr_out.mkv"));
        assertThat(after.ptsSeconds()).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b))
                .containsExactly(0.0, 0.1, 0.3, 0.35, 0.7, 1.0, 1.04);
        assertThat(after.ptsSeconds()).isEqualTo(before.ptsSeconds());
        assertThat(after.decodedFrames()).isEqualTo(7);
    }

    @Test
    void enhance_rotationFlag_isKept() {
        Path in = clip("portrait.mp4", TestClips.spec().frames(3).rotation(90));
        assertThat(VideoFiles.probe(in).rotation()).isEqualTo(90);

        VideoResult r = VideoEnhancer.of(new ScaleEnhancer(2)).enhance(in, dir.resolve("portrait_x2.mp4"));

        TestClips.Report after = TestClips.inspect(dir.resolve("portrait_x2.mp4"));
        assertThat(after.rotation()).isEqualTo(90);
        assertThat(after.width()).isEqualTo(128);
        assertThat(r.notes()).anyMatch(n -> n.contains("rotation"));
    }

    @Test
    void enhance_subtitles_copiedIntoMatroska_leftOutOfMp4WithReason() {
        Path in = clip("subs.mkv", TestClips.spec().frames(4).container("matroska").audio().subtitle());

        VideoResult mkv = VideoEnhancer.of(new ScaleEnhancer(2)).enhance(in, dir.resolve("subs_x2.mkv"));
        VideoResult mp4 = VideoEnhancer.of(new ScaleEnhancer(2)).enhance(in, dir.resolve("subs_x2.mp4"));

        assertThat(TestClips.inspect(dir.resolve("subs_x2.mkv")).subtitleStreams()).isEqualTo(1);
        assertThat(mkv.copiedStreams()).containsExactly("#1 audio aac", "#2 subtitle subrip");
        assertThat(TestClips.inspect(dir.resolve("subs_x2.mp4")).subtitleStreams()).isZero();
        assertThat(TestClips.inspect(dir.resolve("subs_x2.mp4")).audioStreams()).isEqualTo(1);
        assertThat(mp4.droppedStreams()).containsExactly("#2 subtitle subrip: mp4 cannot hold it (.mkv can)");
    }

    @Test
    void enhance_audioOff_leavesSoundOut() {
        Path in = clip("in.mp4", TestClips.spec().frames(3).audio());

        VideoResult r = VideoEnhancer.of(new ScaleEnhancer(2), VideoOptions.builder().audio(false).build())
                .enhance(in, dir.resolve("mute.mp4"));

        assertThat(TestClips.inspect(dir.resolve("mute.mp4")).audioStreams()).isZero();
        assertThat(r.droppedStreams()).containsExactly("#1 audio aac: left out as asked");
    }

    @Test
    void enhance_webm_usesVp9_andAnotherCodecOnRequest() {
        Path in = clip("in.mp4", TestClips.spec().frames(3));

        VideoResult webm = VideoEnhancer.of(new ScaleEnhancer(2)).enhance(in, dir.resolve("out.webm"));
        VideoResult mpeg4 = VideoEnhancer.of(new ScaleEnhancer(2), VideoOptions.builder().codec("mpeg4").build())
                .enhance(in, dir.resolve("out.avi"));

        assertThat(webm.encoder()).isEqualTo("libvpx-vp9");
        assertThat(TestClips.inspect(dir.resolve("out.webm")).decodedFrames()).isEqualTo(3);
        assertThat(mpeg4.encoder()).isEqualTo("mpeg4");
        assertThat(mpeg4.notes()).anyMatch(n -> n.contains("has no CRF"));
        assertThat(TestClips.inspect(dir.resolve("out.avi")).decodedFrames()).isEqualTo(3);
    }

    @Test
    void enhance_crf_changesTheSize() {
        Path in = clip("in.mp4", TestClips.spec().frames(6));

        VideoEnhancer.of(new ScaleEnhancer(2), VideoOptions.builder().crf(10).build()).enhance(in, dir.resolve("q10.mp4"));
        VideoEnhancer.of(new ScaleEnhancer(2), VideoOptions.builder().crf(40).build()).enhance(in, dir.resolve("q40.mp4"));

        assertThat(dir.resolve("q10.mp4").toFile().length()).isGreaterThan(dir.resolve("q40.mp4").toFile().length());
    }

    @Test
    void enhance_truncatedMp4_failsClearly_andWritesNothing() throws IOException {
        Path whole = clip("whole.mp4", TestClips.spec().frames(10).audio());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.delete(whole);

        assertThatThrownBy(() -> VideoEnhancer.of(new ScaleEnhancer(2)).enhance(cut, dir.resolve("out.mp4")))
                .isInstanceOfSatisfying(VideoReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(VideoReadException.Reason.CORRUPT);
                    assertThat(e.getMessage()).startsWith("Cannot read video " + cut).contains("cut short");
                });
        assertThat(filesIn(dir)).containsExactly("cut.mp4");
    }

    @Test
    void enhance_truncatedMp4WithIndexFirst_isReportedAsCutShort() throws IOException {
        Path whole = clip("whole.mp4", TestClips.spec().frames(20).muxerOptions("+faststart"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Files.delete(whole);

        assertThatThrownBy(() -> VideoEnhancer.of(new ScaleEnhancer(2)).enhance(cut, dir.resolve("out.mp4")))
                .isInstanceOfSatisfying(VideoReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(VideoReadException.Reason.TRUNCATED);
                    assertThat(e.getMessage()).contains("of the 20 frames");
                });
        assertThat(filesIn(dir)).containsExactly("cut.mp4");
    }

    @Test
    void enhance_notAVideo_missing_andImage_haveTheirReasons() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all, just text\n".repeat(50));
        Path png = dir.resolve("picture.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        VideoEnhancer v = VideoEnhancer.of(new ScaleEnhancer(2));

        assertThatThrownBy(() -> v.enhance(text, dir.resolve("a.mp4"))).isInstanceOfSatisfying(
                VideoReadException.class, e -> assertThat(e.reason()).isEqualTo(VideoReadException.Reason.NOT_A_VIDEO));
        assertThatThrownBy(() -> v.enhance(png, dir.resolve("b.mp4"))).isInstanceOfSatisfying(
                VideoReadException.class, e -> assertThat(e.reason()).isEqualTo(VideoReadException.Reason.NOT_A_VIDEO));
        assertThatThrownBy(() -> v.enhance(dir.resolve("none.mp4"), dir.resolve("c.mp4"))).isInstanceOfSatisfying(
                VideoReadException.class, e -> assertThat(e.reason()).isEqualTo(VideoReadException.Reason.NOT_FOUND));
        assertThat(filesIn(dir)).containsExactly("notes.mp4", "picture.png");
    }

    @Test
    void enhance_enhancerFailsMidway_leavesNoFile_andKeepsAnOldOutput() throws IOException {
        Path in = clip("in.mp4", TestClips.spec().frames(10).audio());
        Path out = Files.writeString(dir.resolve("out.mp4"), "old result");
        int[] seen = {0};
        ScaleEnhancer failing = new ScaleEnhancer(2, image -> {
            synchronized (seen) {
                if (++seen[0] == 6) {
                    throw new EnhanceException("model failed on purpose");
                }
            }
            return image;
        });

        assertThatThrownBy(() -> VideoEnhancer.of(failing).enhance(in, out))
                .isInstanceOf(EnhanceException.class).hasMessage("model failed on purpose");
        assertThat(out).hasContent("old result");
        assertThat(filesIn(dir)).containsExactly("in.mp4", "out.mp4");
    }

    @Test
    void enhance_listenerThrows_stopsAndLeavesNoFile() {
        Path in = clip("in.mp4", TestClips.spec().frames(10));

        assertThatThrownBy(() -> VideoEnhancer.of(new ScaleEnhancer(2)).enhance(in, dir.resolve("out.mp4"), p -> {
            if (p.framesDone() == 3) {
                throw new IllegalStateException("cancelled by the user");
            }
        })).hasMessage("cancelled by the user");
        assertThat(filesIn(dir)).containsExactly("in.mp4");
    }

    @Test
    void enhance_framesInFlight_areBoundedByParallelFrames() {
        Path in = clip("in.mp4", TestClips.spec().frames(12));
        ScaleEnhancer slow = new ScaleEnhancer(2, image -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return image;
        });

        VideoEnhancer.of(slow, VideoOptions.builder().parallelFrames(3).build()).enhance(in, dir.resolve("out.mp4"));

        assertThat(slow.calls.get()).isEqualTo(12);
        assertThat(slow.mostAtOnce.get()).isBetween(2, 3);
    }

    @Test
    void enhance_outputIsTheInput_isRefused() {
        Path in = clip("in.mp4", TestClips.spec().frames(2));

        assertThatThrownBy(() -> VideoEnhancer.of(new ScaleEnhancer(2)).enhance(in, in))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is the input file");
    }

    @Test
    void enhance_unknownExtension_orCodec_isAWriteError() {
        Path in = clip("in.mp4", TestClips.spec().frames(2));
        VideoEnhancer v = VideoEnhancer.of(new ScaleEnhancer(2));

        assertThatThrownBy(() -> v.enhance(in, dir.resolve("out.notavideo")))
                .isInstanceOf(VideoWriteException.class).hasMessageContaining("end it in .mp4");
        assertThatThrownBy(() -> v.enhance(in, dir.resolve("out.png")))
                .isInstanceOf(VideoWriteException.class).hasMessageContaining("end it in .mp4");
        assertThatThrownBy(() -> VideoEnhancer.of(new ScaleEnhancer(2), VideoOptions.builder().codec("nosuch").build())
                .enhance(in, dir.resolve("out.mp4")))
                .isInstanceOf(VideoWriteException.class).hasMessageContaining("no encoder 'nosuch'");
        assertThatThrownBy(() -> VideoEnhancer.of(new ScaleEnhancer(2), VideoOptions.builder().codec("libx264").build())
                .enhance(in, dir.resolve("out.webm")))
                .isInstanceOf(VideoWriteException.class).hasMessageContaining("cannot hold h264");
        assertThat(filesIn(dir)).containsExactly("in.mp4");
    }
}
