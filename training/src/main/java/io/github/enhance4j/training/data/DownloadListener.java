package io.github.enhance4j.training.data;

/**
 * Progress of a {@link Downloader#download download}, for a progress bar. Called on the thread that called
 * {@code download}, a few times a second and once at the end.
 */
@FunctionalInterface
public interface DownloadListener {

    /** Ignores progress. */
    DownloadListener NONE = (done, total) -> {
    };

    /**
     * @param bytesDone  bytes of the file present so far, including those of a resumed earlier attempt
     * @param bytesTotal the file's size, or -1 when the server does not say
     */
    void progress(long bytesDone, long bytesTotal);
}
