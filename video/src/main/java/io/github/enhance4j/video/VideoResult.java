package io.github.enhance4j.video;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What {@link VideoEnhancer#enhance(Path, Path)} wrote. Immutable. */
public final class VideoResult {

    private final Path output;
    private final long frames;
    private final int inputWidth;
    private final int inputHeight;
    private final int outputWidth;
    private final int outputHeight;
    private final String encoder;
    private final List<String> copiedStreams;
    private final List<String> droppedStreams;
    private final List<String> notes;
    private final Duration elapsed;

    VideoResult(Path output, long frames, int inputWidth, int inputHeight, int outputWidth, int outputHeight,
            String encoder, List<String> copiedStreams, List<String> droppedStreams, List<String> notes,
            Duration elapsed) {
        this.output = output;
        this.frames = frames;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.outputWidth = outputWidth;
        this.outputHeight = outputHeight;
        this.encoder = encoder;
        this.copiedStreams = List.copyOf(copiedStreams);
        this.droppedStreams = List.copyOf(droppedStreams);
        this.notes = List.copyOf(notes);
        this.elapsed = elapsed;
    }

    /** {@return the file written} */
    public Path output() {
        return output;
    }

    /** {@return the number of frames enhanced and written (the input's, none dropped or added)} */
    public long frames() {
        return frames;
    }

    /** {@return the width of the input's frames} */
    public int inputWidth() {
        return inputWidth;
    }

    /** {@return the height of the input's frames} */
    public int inputHeight() {
        return inputHeight;
    }

    /** {@return the width of the written frames (the enhanced width, padded to what the encoder needs)} */
    public int outputWidth() {
        return outputWidth;
    }

    /** {@return the height of the written frames (the enhanced height, padded to what the encoder needs)} */
    public int outputHeight() {
        return outputHeight;
    }

    /** {@return the FFmpeg encoder that wrote the video, e.g. {@code libx264}} */
    public String encoder() {
        return encoder;
    }

    /** {@return the streams copied unchanged, e.g. {@code #1 audio aac}} */
    public List<String> copiedStreams() {
        return copiedStreams;
    }

    /** {@return the streams left out, each with the reason, e.g. {@code #2 subtitle subrip: mp4 cannot hold it}} */
    public List<String> droppedStreams() {
        return droppedStreams;
    }

    /** {@return what was adjusted on the way, e.g. an odd size padded for the encoder; also logged} */
    public List<String> notes() {
        return notes;
    }

    /** {@return the time the whole video took} */
    public Duration elapsed() {
        return elapsed;
    }

    /** {@return frames per second over the whole video, decoding and encoding included} */
    public double framesPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : frames * 1e9 / nanos;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d frames %dx%d -> %dx%d %s, %.2f frames/s%s%s", frames,
                inputWidth, inputHeight, outputWidth, outputHeight, encoder, framesPerSecond(),
                copiedStreams.isEmpty() ? "" : ", copied " + String.join(", ", copiedStreams),
                droppedStreams.isEmpty() ? "" : ", dropped " + String.join("; ", droppedStreams));
    }
}
