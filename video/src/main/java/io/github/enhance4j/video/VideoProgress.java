package io.github.enhance4j.video;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How far a video has come: frames written, frames expected, time spent. Immutable; a new one is made for each
 * report.
 */
public final class VideoProgress {

    private final long framesDone;
    private final long framesTotal;
    private final long elapsedNanos;

    /**
     * A progress report.
     *
     * @param framesDone   frames enhanced and encoded so far
     * @param framesTotal  frames expected in all, or 0 if the container does not say
     * @param elapsedNanos time since the video was opened, in nanoseconds
     */
    public VideoProgress(long framesDone, long framesTotal, long elapsedNanos) {
        this.framesDone = framesDone;
        this.framesTotal = framesTotal;
        this.elapsedNanos = elapsedNanos;
    }

    /** {@return frames enhanced and encoded so far} */
    public long framesDone() {
        return framesDone;
    }

    /**
     * {@return frames expected in all (the container's count, else duration times frame rate), or 0 if unknown} An
     * estimate for variable frame rates: {@link #framesDone()} may end above or below it.
     */
    public long framesTotal() {
        return framesTotal;
    }

    /** {@return time since the video was opened} */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos);
    }

    /** {@return frames per second so far, 0 before the first frame} */
    public double framesPerSecond() {
        return elapsedNanos <= 0 ? 0 : framesDone * 1e9 / elapsedNanos;
    }

    /** {@return the estimated time left in milliseconds, if the total is known and a frame is done} */
    public OptionalLong remainingMillis() {
        if (framesTotal <= 0 || framesDone <= 0) {
            return OptionalLong.empty();
        }
        long left = Math.max(0, framesTotal - framesDone);
        return OptionalLong.of(Math.round(left * (elapsedNanos / 1e6) / framesDone));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d/%d frames, %.2f frames/s", framesDone, framesTotal,
                framesPerSecond());
    }
}
