package io.github.enhance4j.video;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link VideoFiles#probe(Path)} finds in a video file without decoding it. Immutable.
 */
public final class VideoInfo {

    private final Path file;
    private final String container;
    private final String codec;
    private final int width;
    private final int height;
    private final double frameRate;
    private final long frameCount;
    private final Duration duration;
    private final int rotation;
    private final int audioStreams;
    private final int subtitleStreams;

    VideoInfo(Path file, String container, String codec, int width, int height, double frameRate, long frameCount,
            Duration duration, int rotation, int audioStreams, int subtitleStreams) {
        this.file = file;
        this.container = container;
        this.codec = codec;
        this.width = width;
        this.height = height;
        this.frameRate = frameRate;
        this.frameCount = frameCount;
        this.duration = duration;
        this.rotation = rotation;
        this.audioStreams = audioStreams;
        this.subtitleStreams = subtitleStreams;
    }

    /** {@return the file} */
    public Path file() {
        return file;
    }

    /** {@return FFmpeg's name for the container, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2} or {@code matroska,webm}} */
    public String container() {
        return container;
    }

    /** {@return the video codec's FFmpeg name, e.g. {@code h264}} */
    public String codec() {
        return codec;
    }

    /** {@return the width of the stored frames in pixels (before any rotation)} */
    public int width() {
        return width;
    }

    /** {@return the height of the stored frames in pixels (before any rotation)} */
    public int height() {
        return height;
    }

    /** {@return frames per second: the nominal rate, or the average for a variable frame rate; 0 if unknown} */
    public double frameRate() {
        return frameRate;
    }

    /**
     * {@return the number of frames: the container's count where it keeps one (MP4, MOV), else duration times
     * frame rate; 0 if unknown}
     */
    public long frameCount() {
        return frameCount;
    }

    /** {@return the video stream's duration, {@link Duration#ZERO} if unknown} */
    public Duration duration() {
        return duration;
    }

    /** {@return the clockwise turn in degrees (0, 90, 180 or 270) that players apply when showing the frames} */
    public int rotation() {
        return rotation;
    }

    /** {@return the number of audio streams} */
    public int audioStreams() {
        return audioStreams;
    }

    /** {@return the number of subtitle streams} */
    public int subtitleStreams() {
        return subtitleStreams;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%s: %s %dx%d %.3f fps, %d frames, %.3f s%s, %d audio, %d subtitle (%s)", file, codec, width, height,
                frameRate, frameCount, duration.toMillis() / 1000.0, rotation == 0 ? "" : ", rotated " + rotation,
                audioStreams, subtitleStreams, container);
    }
}
