package io.github.enhance4j.video;

import io.github.enhance4j.Enhancer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Enhances every frame of a video with an {@link Enhancer} and writes a new video file, with the input's frame count,
 * timestamps (so frame rate, variable or not, and duration), rotation flag, audio and subtitle streams:
 *
 * <pre>{@code
 * try (Enhancer enhancer = Enhancer.load(BundledModel.SR_X2.source())) {
 *     VideoResult r = VideoEnhancer.of(enhancer).enhance(Path.of("clip.mp4"), Path.of("clip_x2.mp4"),
 *             p -> System.out.println(p));
 * }
 * }</pre>
 *
 * <p>Decoding, enhancing and encoding run at once on separate threads, joined by bounded queues: memory holds a few
 * frames whatever the video's length. The result is written to a hidden temporary file beside the target and renamed
 * to it only when complete, so an interrupted run (an exception, Ctrl-C, a killed process) never leaves a partial
 * video under the target's name. The input is never changed.
 *
 * <p>The output container comes from the target's extension ({@code .mp4}, {@code .mkv}, {@code .mov},
 * {@code .webm}, {@code .avi}, ...) unless {@link VideoOptions.Builder#format(String)} names one. Audio and subtitle
 * streams are copied unchanged where the container can hold them (Matroska holds every codec; a stream another
 * container cannot hold is left out and listed in {@link VideoResult#droppedStreams()}). An enhanced size the
 * encoder cannot take (odd sizes for 4:2:0 video) is padded by repeating the last column or row, and said in a log
 * line and in {@link VideoResult#notes()}.
 *
 * <p><b>Thread safety:</b> immutable; concurrent calls of {@code enhance} are independent (they share the
 * enhancer, which is thread-safe).
 */
public final class VideoEnhancer {

    private final Enhancer enhancer;
    private final VideoOptions options;

    private VideoEnhancer(Enhancer enhancer, VideoOptions options) {
        this.enhancer = Objects.requireNonNull(enhancer, "enhancer");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A video enhancer with the default options (H.264 at CRF {@value VideoOptions#DEFAULT_CRF} for MP4).
     *
     * @param enhancer the model that enhances each frame; not closed by this class
     * @return the video enhancer
     */
    public static VideoEnhancer of(Enhancer enhancer) {
        return new VideoEnhancer(enhancer, VideoOptions.defaults());
    }

    /**
     * A video enhancer.
     *
     * @param enhancer the model that enhances each frame; not closed by this class
     * @param options  how to encode
     * @return the video enhancer
     */
    public static VideoEnhancer of(Enhancer enhancer, VideoOptions options) {
        return new VideoEnhancer(enhancer, options);
    }

    /** {@return the options} */
    public VideoOptions options() {
        return options;
    }

    /**
     * Enhances a video into a new file, replacing any file of that name once it is complete.
     *
     * @param input  the video to read
     * @param output the video to write; its extension names the container
     * @return what was written
     * @throws VideoReadException       if the input is missing, not a video, damaged or cut short
     * @throws VideoWriteException      if the output cannot be written (no file is then left under its name)
     * @throws IllegalArgumentException if {@code output} is the input file
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
     */
    public VideoResult enhance(Path input, Path output) {
        return enhance(input, output, VideoProgressListener.NONE);
    }

    /**
     * Enhances a video into a new file, reporting progress after every frame.
     *
     * @param input    the video to read
     * @param output   the video to write; its extension names the container
     * @param listener told after every frame written, on this thread
     * @return what was written
     * @throws VideoReadException       if the input is missing, not a video, damaged or cut short
     * @throws VideoWriteException      if the output cannot be written (no file is then left under its name)
     * @throws IllegalArgumentException if {@code output} is the input file
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
     */
    public VideoResult enhance(Path input, Path output, VideoProgressListener listener) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(listener, "listener");
        return new VideoJob(enhancer, options, input, output, listener).run();
    }
}
