package io.github.enhance4j.video;

import io.github.enhance4j.video.internal.VideoInput;
import io.github.enhance4j.video.internal.VideoOutput;

import java.nio.file.Files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

/**
 * Looks into video files without decoding them: whether a file is a video (by its content, whatever its name), and
 * what it holds. Thread-safe.
 */
public final class VideoFiles {

    private VideoFiles() {
    }

    /**
     * Tells whether FFmpeg reads the file as a video: a container it recognises by content (not by the file name)
     * with at least one video stream that is not a cover picture. Still images (PNG, JPEG, ...) are not videos;
     * animated GIFs are.
     *
     * @param file any file
     * @return {@code true} if {@link VideoEnhancer} can open it; never throws
     */
    public static boolean isVideo(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (!Files.isRegularFile(file) || !VideoInput.looksLikeVideo(file)) {
                return false;
            }
            try (VideoInput input = VideoInput.open(file)) {
                return true;
            }
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Tells whether a file name's extension names a container FFmpeg writes video into ({@code .mp4}, {@code .mkv},
     * {@code .mov}, {@code .webm}, {@code .avi}, ...), as {@link VideoEnhancer} needs of its output.
     *
     * @param file a file name; the file need not exist
     * @return whether {@link VideoEnhancer#enhance(Path, Path)} can write a video under that name
     */
    public static boolean isVideoName(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        if (name == null || name.toString().lastIndexOf('.') <= 0) {
            return false;
        }
        try {
            return VideoOutput.canHoldVideo(file);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Reads what a video file declares: size, frame rate, frame count, duration, rotation and its other streams.
     *
     * @param file the video file
     * @return what it holds
     * @throws VideoReadException if it is missing, unreadable, not a video or damaged
     */
    public static VideoInfo probe(Path file) {
        Objects.requireNonNull(file, "file");
        try (VideoInput input = VideoInput.open(file)) {
            int audio = 0;
            int subtitles = 0;
            for (int i = 0; i < input.format().nb_streams(); i++) {
                int type = input.format().streams(i).codecpar().codec_type();
                audio += type == AVMEDIA_TYPE_AUDIO ? 1 : 0;
                subtitles += type == AVMEDIA_TYPE_SUBTITLE ? 1 : 0;
            }
            return new VideoInfo(file, input.container(), input.codecName(),
                    input.videoStream().codecpar().width(), input.videoStream().codecpar().height(),
                    av_q2d(input.frameRate()), input.expectedFrames(),
                    Duration.ofNanos(Math.round(input.durationSeconds() * 1e9)), input.rotation(), audio, subtitles);
        }
    }
}
