package io.github.enhance4j.video;

import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.spi.AtomicFiles;
import io.github.enhance4j.video.internal.VideoInput;
import io.github.enhance4j.video.internal.VideoOutput;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;

/**
 * One video from input to output: a decoding thread, a pool that enhances frames, and the calling thread that
 * encodes and writes them in order. The queue between them holds futures in file order, so frames leave in the
 * order they came whatever order the pool finishes them in; a semaphore bounds the frames in flight.
 */
final class VideoJob {

    private static final Logger LOG = LoggerFactory.getLogger(VideoJob.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Packets of copied streams waiting between two frames; they are small (audio, subtitles). */
    private static final int QUEUE_CAPACITY = 512;

    private final Enhancer enhancer;
    private final VideoOptions options;
    private final Path input;
    private final Path output;
    private final VideoProgressListener listener;

    private record Frame(Future<BufferedImage> image, long pts, long duration) {
    }

    private record Packet(AVPacket packet) {
    }

    private record Failure(Throwable error) {
    }

    private enum End { END }

    VideoJob(Enhancer enhancer, VideoOptions options, Path input, Path output, VideoProgressListener listener) {
        this.enhancer = enhancer;
        this.options = options;
        this.input = input;
        this.output = output;
        this.listener = listener;
    }

    VideoResult run() {
        long start = System.nanoTime();
        Path target = output.toAbsolutePath().normalize();
        if (target.equals(input.toAbsolutePath().normalize()) || isSameFile(input, target)) {
            throw new IllegalArgumentException("the output " + output + " is the input file; choose another name");
        }
        String container = options.format() != null ? options.format()
                : VideoOutput.canHoldVideo(target) ? VideoOutput.containerFor(target) : null;
        if (container == null) {
            throw new VideoWriteException(target, "its name does not say which container to write: end it in .mp4,"
                    + " .mkv, .mov or .webm, or set VideoOptions.format", null);
        }
        try (VideoInput in = VideoInput.open(input)) {
            Path temp = createTemporary(target);
            Thread cleanup = new Thread(() -> deleteQuietly(temp), "enhance4j-video-cleanup");
            boolean hooked = addHook(cleanup);
            try {
                VideoResult result;
                try (VideoOutput out = new VideoOutput(target, temp, container, options, in)) {
                    long frames = pipeline(in, out, start);
                    out.finish();
                    result = new VideoResult(target, frames, in.videoStream().codecpar().width(),
                            in.videoStream().codecpar().height(), out.width(), out.height(), out.encoderName(),
                            out.copiedStreams(), out.droppedStreams(), out.notes(),
                            Duration.ofNanos(System.nanoTime() - start));
                }
                commit(temp, target);
                LOG.info("{} -> {}: {}", input.getFileName(), target.getFileName(), result);
                return result;
            } finally {
                deleteQuietly(temp);
                if (hooked) {
                    removeHook(cleanup);
                }
            }
        }
    }

    private long pipeline(VideoInput in, VideoOutput out, long start) {
        int parallel = options.parallelFrames();
        Semaphore inFlight = new Semaphore(2 * parallel);
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        ExecutorService pool = Executors.newFixedThreadPool(parallel,
                r -> daemon(r, "enhance4j-video-enhance-" + THREADS.incrementAndGet()));
        Thread reader = daemon(() -> decode(in, out, queue, inFlight, pool),
                "enhance4j-video-decode-" + THREADS.incrementAndGet());
        reader.start();
        long expected = in.expectedFrames();
        long frames = 0;
        boolean done = false;
        try {
            while (true) {
                Object item = queue.take();
                if (item == End.END) {
                    break;
                } else if (item instanceof Failure f) {
                    throw rethrow(f.error());
                } else if (item instanceof Packet p) {
                    out.writePacket(p.packet());
                } else {
                    Frame f = (Frame) item;
                    BufferedImage enhanced;
                    try {
                        enhanced = f.image().get();
                    } catch (ExecutionException e) {
                        throw rethrow(e.getCause());
                    } finally {
                        inFlight.release();
                    }
                    out.writeFrame(enhanced, f.pts(), f.duration());
                    frames++;
                    listener.progress(new VideoProgress(frames, Math.max(expected, frames), System.nanoTime() - start));
                }
            }
            reader.join();
            done = true;
            return frames;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException c = new CancellationException("interrupted while enhancing " + input);
            c.initCause(e);
            throw c;
        } finally {
            if (!done) {
                stop(reader, queue);
            }
            pool.shutdownNow();
        }
    }

    /** The decoding thread: frames go to the pool and their futures to the queue, copied packets straight to it. */
    private void decode(VideoInput in, VideoOutput out, BlockingQueue<Object> queue, Semaphore inFlight,
            ExecutorService pool) {
        try {
            in.read(new VideoInput.Sink() {
                @Override
                public void frame(BufferedImage image, long pts, long duration) throws InterruptedException {
                    inFlight.acquire();
                    queue.put(new Frame(pool.submit(() -> enhancer.enhance(image)), pts, duration));
                }

                @Override
                public void packet(AVPacket packet) throws InterruptedException {
                    try {
                        queue.put(new Packet(packet));
                    } catch (InterruptedException e) {
                        av_packet_free(packet);
                        throw e;
                    }
                }
            }, out::copies);
            queue.put(End.END);
        } catch (InterruptedException e) {
            // stopped by the writer, which has its own exception to report
        } catch (Throwable t) {
            try {
                queue.put(new Failure(t));
            } catch (InterruptedException ignored) {
                // the writer has stopped already
            }
        }
    }

    /** Stops the decoding thread after a failure and frees what is still queued; returns once it has ended. */
    private static void stop(Thread reader, BlockingQueue<Object> queue) {
        reader.interrupt();
        boolean interrupted = false;
        while (reader.isAlive()) {
            discard(queue);
            try {
                reader.join(50);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        discard(queue);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void discard(BlockingQueue<Object> queue) {
        List<Object> left = new ArrayList<>();
        queue.drainTo(left);
        for (Object item : left) {
            if (item instanceof Packet p) {
                av_packet_free(p.packet());
            } else if (item instanceof Frame f) {
                f.image().cancel(true);
            }
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new EnhanceException("enhancing a frame failed: " + t, t);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Forces the finished file to disk and renames it over the target in one step. */
    private static void commit(Path temp, Path target) {
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new VideoWriteException(target, "cannot move the finished video into place: " + e, e);
        }
    }

    /** A new empty hidden file beside the target ({@link AtomicFiles#createTemporary}), its folder made first. */
    private static Path createTemporary(Path target) {
        try {
            Files.createDirectories(target.getParent());
            return AtomicFiles.createTemporary(target);
        } catch (IOException e) {
            throw new VideoWriteException(target, "cannot create a file in " + target.getParent() + ": " + e, e);
        }
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs and finds nothing to delete
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete the temporary file {}: {}", file, e.toString());
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VideoJob[%s -> %s]", input, output);
    }
}
