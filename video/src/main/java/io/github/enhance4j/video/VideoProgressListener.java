package io.github.enhance4j.video;

/**
 * Told after every frame written. Called on the thread that called {@link VideoEnhancer#enhance}, so it must be
 * quick; an exception it throws stops the video (and no output file is left).
 */
@FunctionalInterface
public interface VideoProgressListener {

    /** A listener that does nothing. */
    VideoProgressListener NONE = p -> { };

    /**
     * Reports progress.
     *
     * @param progress frames done, frames expected and time spent
     */
    void progress(VideoProgress progress);
}
