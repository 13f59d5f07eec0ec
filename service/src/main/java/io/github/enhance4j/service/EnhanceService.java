package io.github.enhance4j.service;

import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.ImageReadException;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.image.PixelFormat;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.Resampler;
import io.github.enhance4j.spring.boot.Enhance4jProperties;
import io.github.enhance4j.spring.boot.EnhancerMetrics;
import io.github.enhance4j.spring.boot.EnhancerRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Admission, checks and the work of one enhancement. A request first takes one of {@code max-concurrent + queue}
 * slots (none free: 503 before its body is even read), then its image's header is checked against the pixel limits
 * (413/422 before decoding), then a worker thread decodes, enhances and encodes it while the request thread is free
 * for other requests. The time limit covers the wait and the work; a request past it is answered with 503 at once,
 * and its work, which cannot be interrupted inside a model, keeps its slot until it ends, so the slots always tell
 * how busy the machine really is.
 */
@Service
class EnhanceService implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EnhanceService.class);
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error):?\\s*");

    static {
        // decode uploads from memory: ImageIO's default file cache would write every upload to the temp folder
        ImageIO.setUseCache(false);
    }

    private final EnhancerRegistry registry;
    private final ServiceProperties limits;
    private final long maxPixels;
    private final EnhancerMetrics metrics;
    private final Semaphore slots;
    private final ThreadPoolExecutor workers;
    private final Path workDir;
    /** Seconds per image, smoothed, for Retry-After. */
    private volatile double averageSeconds = 1;

    EnhanceService(EnhancerRegistry registry, ServiceProperties limits, Enhance4jProperties enhance4j,
            ObjectProvider<EnhancerMetrics> metrics) throws IOException {
        this.registry = registry;
        this.limits = limits;
        this.maxPixels = enhance4j.maxPixels();
        this.metrics = metrics.getIfAvailable(() -> EnhancerMetrics.NONE);
        this.slots = new Semaphore(limits.maxConcurrent() + limits.queue());
        AtomicInteger n = new AtomicInteger();
        // unbounded queue, bounded by the slots: a task is only submitted while holding one
        this.workers = new ThreadPoolExecutor(limits.maxConcurrent(), limits.maxConcurrent(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "enhance-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.workDir = Files.createTempDirectory("enhance4j-service-");
    }

    long maxPixels() {
        return maxPixels;
    }

    ServiceProperties limits() {
        return limits;
    }

    EnhancerRegistry registry() {
        return registry;
    }

    /** Checks the request's parameters; the same checks as in the API's reference. */
    Job prepare(String model, Integer scale, Double outscale, String format) {
        EnhancerRegistry.Model chosen;
        if (model == null || model.isBlank()) {
            chosen = registry.defaultModel();
        } else {
            chosen = registry.find(model.strip()).orElseThrow(() -> new ServiceException(HttpStatus.BAD_REQUEST,
                    "unknown-model", "Unknown model", "There is no model called '" + abbreviate(model)
                    + "'. Models: " + String.join(", ", registry.names()) + " (GET /api/models)."));
        }
        if (scale != null && outscale != null) {
            throw badParameter("Give scale or outscale, not both.");
        }
        Double factor = null;
        if (scale != null) {
            if (scale < 1 || scale > 8) {
                throw badParameter("scale must be a whole number from 1 to 8, got " + scale + ".");
            }
            factor = scale.doubleValue();
        }
        if (outscale != null) {
            if (!(outscale > 0 && outscale <= 8)) {
                throw badParameter("outscale must be above 0 and at most 8, got " + outscale + ".");
            }
            factor = outscale;
        }
        if (format != null && !format.isBlank()) {
            OutputFormat.choose(format, null); // fails now on an unknown one
        }
        return new Job(chosen, factor, format);
    }

    /**
     * Takes a slot or refuses at once with 503.
     *
     * @return the slot, to hand to {@link #submit}, or to release when the request fails before
     */
    Slot admit(Job job) {
        if (!slots.tryAcquire()) {
            metrics.failed(job.model().name(), "busy");
            long retry = retryAfterSeconds();
            throw new ServiceException(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Too many images at once",
                    "All " + limits.maxConcurrent() + " workers are busy and " + limits.queue()
                            + " images are waiting; try again in " + retry + " s.", retry);
        }
        return new Slot();
    }

    /**
     * Checks the image's declared size, then enhances it on a worker.
     *
     * @return the encoded result, or a {@link ServiceException} (possibly wrapped in a {@link CompletionException})
     */
    CompletableFuture<Result> submit(Slot slot, Job job, byte[] image) {
        try {
            Header header = probe(job, image);
            CompletableFuture<Result> result = new CompletableFuture<>();
            AtomicBoolean claimed = new AtomicBoolean();
            Future<?> task = workers.submit(() -> {
                if (claimed.compareAndSet(false, true)) {
                    work(slot, job, image, header, result);
                }
            });
            result.orTimeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
            result.whenComplete((r, e) -> {
                if (unwrap(e) instanceof TimeoutException && claimed.compareAndSet(false, true)) {
                    // timed out before a worker took it: it never runs, and its place is free now
                    task.cancel(false);
                    workers.remove((Runnable) task);
                    slot.release();
                }
            });
            return result.exceptionallyCompose(e -> CompletableFuture.failedFuture(translate(job, unwrap(e))));
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
    }

    private void work(Slot slot, Job job, byte[] bytes, Header header, CompletableFuture<Result> result) {
        long start = System.nanoTime();
        try {
            BufferedImage image = ImageFiles.read(new ByteArrayInputStream(bytes), "the upload", maxPixels);
            BufferedImage out = enhance(job, image);
            OutputFormat format = OutputFormat.choose(job.format(), header.format());
            Path file = workDir.resolve(UUID.randomUUID() + "." + format.extension());
            ImageFiles.write(out, file, format.imageIoName());
            Result r = new Result(file, format, out.getWidth(), out.getHeight(), job.model().name());
            if (!result.complete(r)) {
                r.delete(); // nobody waits for it any more
            }
        } catch (Throwable e) {
            result.completeExceptionally(e);
        } finally {
            slot.release();
            double seconds = (System.nanoTime() - start) / 1e9;
            averageSeconds = 0.8 * averageSeconds + 0.2 * seconds;
        }
    }

    /** Enhances to the requested size the way EnhanceOptions.outscale does, without loading a model per size. */
    private static BufferedImage enhance(Job job, BufferedImage image) {
        var enhancer = job.model().enhancer();
        int scale = enhancer.info().scale();
        if (job.factor() == null || job.factor() == scale) {
            return enhancer.enhance(image);
        }
        if (scale == 1) {
            // restoration models work at the final size: enlarge conventionally first
            return enhancer.enhance(resize(image, job.factor(), Resampler.BICUBIC));
        }
        return resize(enhancer.enhance(image), job.factor() / scale, Resampler.LANCZOS3);
    }

    private static BufferedImage resize(BufferedImage image, double factor, Resampler resampler) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        if (w == image.getWidth() && h == image.getHeight()) {
            return image;
        }
        return Pixels.toBufferedImage(resampler.resize(Pixels.read(image), w, h), PixelFormat.of(image));
    }

    /** Reads width and height from the header only; nothing is decoded. */
    private Header probe(Job job, byte[] image) {
        if (image.length == 0) {
            throw new ServiceException(HttpStatus.BAD_REQUEST, "empty-upload", "No image",
                    "The request carried no image: send it as the body (Content-Type: image/...) or as the "
                            + "multipart field 'image'.");
        }
        long width;
        long height;
        String format;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unsupported(job);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                format = reader.getFormatName().toLowerCase(Locale.ROOT);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ServiceException se) {
                throw se;
            }
            // a header the reader cannot parse: decoding says precisely why, on a worker
            return new Header(null);
        }
        long pixels = width * height;
        if (pixels > maxPixels) {
            metrics.failed(job.model().name(), "too_large");
            throw new ServiceException(HttpStatus.PAYLOAD_TOO_LARGE, "image-too-large", "Image too large",
                    "The image is " + width + " x " + height + " = " + number(pixels) + " pixels; this service "
                            + "takes at most " + number(maxPixels) + " pixels.");
        }
        int scale = job.model().info().scale();
        double factor = job.factor() == null ? scale : job.factor();
        long outW = Math.max(1, Math.round(width * factor));
        long outH = Math.max(1, Math.round(height * factor));
        double largest = Math.max(factor, scale);
        long work = Math.round(width * largest) * Math.round(height * largest);
        if (outW * outH > limits.maxOutputPixels() || work > limits.maxOutputPixels()) {
            metrics.failed(job.model().name(), "result_too_large");
            String why = outW * outH > limits.maxOutputPixels()
                    ? "the result would be " + outW + " x " + outH + " = " + number(outW * outH) + " pixels"
                    : "the model '" + job.model().name() + "' makes it " + Math.round(width * largest) + " x "
                            + Math.round(height * largest) + " = " + number(work) + " pixels before resizing";
            throw new ServiceException(HttpStatus.UNPROCESSABLE_ENTITY, "result-too-large", "Result too large",
                    "The image is " + width + " x " + height + " and " + why + "; this service makes at most "
                            + number(limits.maxOutputPixels()) + " pixels. Send a smaller image or ask for a "
                            + "smaller scale.");
        }
        return new Header(format);
    }

    private ServiceException unsupported(Job job) {
        metrics.failed(job.model().name(), "unsupported_format");
        return new ServiceException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-format", "Not an image",
                "The upload is not an image this service can read. It reads " + readableFormats() + ".");
    }

    private ServiceException translate(Job job, Throwable e) {
        String model = job.model().name();
        if (e instanceof ServiceException se) {
            return se;
        }
        if (e instanceof TimeoutException) {
            metrics.failed(model, "timeout");
            long retry = retryAfterSeconds();
            return new ServiceException(HttpStatus.SERVICE_UNAVAILABLE, "timeout", "Took too long",
                    "The image was not done within " + seconds(limits.timeout()) + "; the service is busy or the "
                            + "image is large. Try again in " + retry + " s, or send a smaller image.", retry);
        }
        if (e instanceof ImageReadException read) {
            return switch (read.reason()) {
                case TOO_LARGE -> new ServiceException(HttpStatus.PAYLOAD_TOO_LARGE, "image-too-large",
                        "Image too large", "The image declares more than " + number(maxPixels)
                                + " pixels, the most this service takes.");
                case UNSUPPORTED_FORMAT -> unsupported(job);
                default -> new ServiceException(HttpStatus.UNPROCESSABLE_ENTITY, "corrupt-image",
                        "Damaged image", "The image could not be decoded: " + reasonOnly(read) + ".");
            };
        }
        if (e instanceof OutOfMemoryError) {
            LOG.warn("Out of memory enhancing an image with {}", model, e);
            metrics.failed(model, "out_of_memory");
            return new ServiceException(HttpStatus.SERVICE_UNAVAILABLE, "out-of-memory", "Out of memory",
                    "The server ran out of memory for this image; try a smaller one.", retryAfterSeconds());
        }
        if (e instanceof CancellationException) {
            return new ServiceException(HttpStatus.SERVICE_UNAVAILABLE, "cancelled", "Cancelled",
                    "The service is shutting down.", 5);
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Enhancing an image with {} failed (incident {})", model, incident, e);
        metrics.failed(model, e instanceof EnhanceException ? "enhance" : "error");
        return new ServiceException(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Enhancement failed",
                "The image could not be enhanced; the server's log has the details under incident " + incident
                        + ".");
    }

    /** The API's message without its "Cannot read image the upload: " prefix. */
    private static String reasonOnly(ImageReadException e) {
        String m = String.valueOf(e.getMessage());
        String prefix = "Cannot read image " + e.source() + ": ";
        m = m.startsWith(prefix) ? m.substring(prefix.length()) : m;
        m = EXCEPTION_NAME.matcher(m).replaceAll(""); // "javax.imageio.IIOException: " says nothing to a client
        m = m.length() > 300 ? m.substring(0, 300) + "..." : m;
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    long retryAfterSeconds() {
        double waiting = (double) (limits.maxConcurrent() + limits.queue() - slots.availablePermits())
                / limits.maxConcurrent();
        return Math.max(1, Math.min(60, (long) Math.ceil(averageSeconds * Math.max(1, waiting))));
    }

    private static ServiceException badParameter(String detail) {
        return new ServiceException(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", detail);
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static String abbreviate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }

    static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String readableFormats() {
        return "PNG, JPEG, GIF, BMP, TIFF and WebP";
    }

    @Override
    public void destroy() throws IOException {
        workers.shutdownNow();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One request's validated parameters. */
    record Job(EnhancerRegistry.Model model, Double factor, String format) {
    }

    private record Header(String format) {
    }

    /** One of the {@code max-concurrent + queue} places; released exactly once. */
    final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (!released.getAndSet(true)) {
                slots.release();
            }
        }
    }

    /** An encoded result in the work folder; deleted once sent. */
    record Result(Path file, OutputFormat format, int width, int height, String model) {
        void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Could not delete {}", file, e);
            }
        }
    }
}
