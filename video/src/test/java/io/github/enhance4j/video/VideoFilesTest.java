package io.github.enhance4j.video;

import io.github.enhance4j.video.testing.TestClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class VideoFilesTest {

    @TempDir
    Path dir;

    @Test
    void isVideo_goesByContent_notByName() throws IOException {
        Path mp4 = TestClips.write(dir.resolve("clip.mp4"), TestClips.spec().frames(2));
        Path disguised = Files.copy(mp4, dir.resolve("clip.dat"));
        Path png = dir.resolve("still.mp4");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Path text = Files.writeString(dir.resolve("readme.mkv"), "hello");

        assertThat(VideoFiles.isVideo(mp4)).isTrue();
        assertThat(VideoFiles.isVideo(disguised)).isTrue();
        assertThat(VideoFiles.isVideo(png)).isFalse();
        assertThat(VideoFiles.isVideo(text)).isFalse();
        assertThat(VideoFiles.isVideo(dir.resolve("missing.mp4"))).isFalse();
        assertThat(VideoFiles.isVideo(dir)).isFalse();
    }

    @Test
    void isVideo_textFile_isNotAVideo_evenWhereFfmpegShowsTextAsPictures() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "plain text, no video\n".repeat(100));

        assertThat(VideoFiles.isVideo(text)).isFalse();
        assertThatThrownBy(() -> VideoFiles.probe(text)).isInstanceOfSatisfying(VideoReadException.class,
                e -> assertThat(e.reason()).isEqualTo(VideoReadException.Reason.NOT_A_VIDEO));
    }

    @Test
    void isVideoName_knowsTheContainersThatHoldVideo() {
        assertThat(VideoFiles.isVideoName(Path.of("a/clip.mp4"))).isTrue();
        assertThat(VideoFiles.isVideoName(Path.of("clip.MKV"))).isTrue();
        assertThat(VideoFiles.isVideoName(Path.of("clip.webm"))).isTrue();
        assertThat(VideoFiles.isVideoName(Path.of("clip.mov"))).isTrue();
        assertThat(VideoFiles.isVideoName(Path.of("photo.png"))).isFalse();
        assertThat(VideoFiles.isVideoName(Path.of("anim.gif"))).isFalse();
        assertThat(VideoFiles.isVideoName(Path.of("song.mp3"))).isFalse();
        assertThat(VideoFiles.isVideoName(Path.of("clip"))).isFalse();
        assertThat(VideoFiles.isVideoName(Path.of("notes.txt"))).isFalse();
    }

    @Test
    void probe_readsWhatTheContainerDeclares() {
        Path mkv = TestClips.write(dir.resolve("clip.mp4"), TestClips.spec().size(80, 60).frames(15).fps(15).audio()
                .rotation(270));

        VideoInfo info = VideoFiles.probe(mkv);

        assertThat(info.width()).isEqualTo(80);
        assertThat(info.height()).isEqualTo(60);
        assertThat(info.frameRate()).isCloseTo(15.0, within(0.01));
        assertThat(info.frameCount()).isEqualTo(15);
        assertThat(info.duration().toMillis()).isBetween(990L, 1010L);
        assertThat(info.rotation()).isEqualTo(270);
        assertThat(info.audioStreams()).isEqualTo(1);
        assertThat(info.codec()).isEqualTo("mpeg4");
        assertThat(info.container()).contains("mp4");
    }
}
