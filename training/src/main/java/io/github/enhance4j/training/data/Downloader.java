package io.github.enhance4j.training.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads a file into a cache folder, resumably and checksum verified, with the JDK's {@link HttpClient}.
 *
 * <p>The file is written to {@code <cache>/<name>.part}; only when its SHA-256 matches is it renamed (atomically
 * where the file system can) to {@code <cache>/<name>}, so the final name never holds a partial or wrong file.
 * When a {@code .part} exists, the download resumes with an HTTP {@code Range} request; a server that ignores
 * the range and sends the whole file restarts it from the beginning. A file already in the cache with the right
 * checksum is returned at once, without touching the network.
 *
 * <p>Connecting waits at most the connect timeout; waiting for the answer, and any pause in the data, at most the
 * read timeout. Failures are {@link DatasetException}s: {@code UNREACHABLE} (offline, unknown host, refused,
 * timeout; the {@code .part} is kept so the next attempt resumes), {@code DOWNLOAD_FAILED} (an HTTP error),
 * {@code CHECKSUM_MISMATCH} (the {@code .part} is deleted).
 *
 * <p>Thread-safe, but two downloads of the same file into the same cache at once (from threads or processes)
 * corrupt each other's {@code .part}.
 */
public final class Downloader {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final long PROGRESS_INTERVAL_MS = 200;
    private static final int MAX_ATTEMPTS = 3;

    private final HttpClient client;
    private final Duration readTimeout;

    /** With {@link #DEFAULT_CONNECT_TIMEOUT} and {@link #DEFAULT_READ_TIMEOUT}. */
    public Downloader() {
        this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public Downloader(Duration connectTimeout, Duration readTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, got connect " + connectTimeout
                    + ", read " + readTimeout);
        }
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault() == null ? HttpClient.Builder.NO_PROXY : ProxySelector.getDefault())
                .build();
    }

    /**
     * Downloads {@code uri} into {@code cacheDir} unless it is there already.
     *
     * @param uri            an http or https address whose last path segment names the file
     * @param cacheDir       the folder for the file, created if missing
     * @param expectedSha256 the file's SHA-256, 64 hexadecimal digits (any case)
     * @param listener       progress, or {@link DownloadListener#NONE}
     * @return the verified file, {@code cacheDir/<last path segment>}
     * @throws DatasetException when the server cannot be reached or answers with an error, or the checksum differs
     */
    public Path download(URI uri, Path cacheDir, String expectedSha256, DownloadListener listener) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(listener, "listener");
        String expected = Objects.requireNonNull(expectedSha256, "expectedSha256").strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(expected).matches()) {
            throw new IllegalArgumentException("expected SHA-256 must be 64 hexadecimal digits, got '"
                    + expectedSha256 + "'");
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https addresses can be downloaded, got " + uri);
        }
        Path target = cacheDir.resolve(fileName(uri));
        Path part = cacheDir.resolve(target.getFileName() + ".part");
        try {
            Files.createDirectories(cacheDir);
            if (Files.isRegularFile(target)) {
                if (sha256(target).equals(expected)) {
                    long size = Files.size(target);
                    listener.progress(size, size);
                    return target;
                }
                LOG.warn("{} is in the cache but its checksum is not {}; downloading it again", target, expected);
                Files.delete(target);
            }
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                if (fetch(uri, part, listener)) {
                    break;
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw new DatasetException(uri.toString(), DatasetException.Reason.DOWNLOAD_FAILED,
                            "Download of " + uri + " did not complete after " + MAX_ATTEMPTS + " attempts; the"
                                    + " server answers range requests inconsistently. Download it yourself.");
                }
            }
            String actual = sha256(part);
            if (!actual.equals(expected)) {
                Files.deleteIfExists(part);
                throw new DatasetException(uri.toString(), DatasetException.Reason.CHECKSUM_MISMATCH,
                        "Download of " + uri + " has SHA-256 " + actual + ", expected " + expected + "; the file"
                                + " was deleted. It was damaged in transit or changed on the server: run again, or"
                                + " download it yourself and check it.");
            }
            move(part, target);
            return target;
        } catch (IOException e) {
            throw new DatasetException(cacheDir.toString(), DatasetException.Reason.CORRUPT,
                    "Cannot write the download cache " + cacheDir + ": " + describe(e)
                            + ". Check the folder's permissions and free space.", e);
        }
    }

    /** One request; true when {@code part} now holds the whole file, false when it must be requested again. */
    private boolean fetch(URI uri, Path part, DownloadListener listener) throws IOException {
        long offset = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout).GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
            LOG.info("Resuming the download of {} at byte {}", uri, offset);
        }
        AtomicReference<FileSink> sinkHolder = new AtomicReference<>();
        HttpResponse.BodyHandler<Void> handler = info -> {
            int status = info.statusCode();
            if (status == 200 || (status == 206 && rangeStart(info.headers()) == offset)) {
                boolean append = status == 206;
                long total = status == 206 ? rangeTotal(info.headers())
                        : info.headers().firstValueAsLong("Content-Length").orElse(-1);
                FileSink sink = new FileSink(part, append, append ? offset : 0, total);
                sinkHolder.set(sink);
                return sink;
            }
            return HttpResponse.BodySubscribers.replacing(null);
        };
        CompletableFuture<HttpResponse<Void>> future = client.sendAsync(request.build(), handler);
        HttpResponse<Void> response = await(uri, future, sinkHolder, listener);
        FileSink sink = sinkHolder.get();
        int status = response.statusCode();
        if (sink != null) {
            if (status == 200 && offset > 0) {
                LOG.info("{} ignored the range request; downloaded the whole file again", uri.getHost());
            }
            sink.close();
            if (sink.total >= 0 && sink.done != sink.total) {
                throw new DatasetException(uri.toString(), DatasetException.Reason.DOWNLOAD_FAILED,
                        "Download of " + uri + " ended after " + sink.done + " of " + sink.total + " bytes; run"
                                + " again to resume.");
            }
            listener.progress(sink.done, sink.total >= 0 ? sink.total : sink.done);
            return true;
        }
        if (status == 206 || status == 416) {
            // An unexpected range, or one past the end: the .part is of no use, start over.
            LOG.info("{} answered the range request with {}; restarting the download", uri.getHost(), status);
            Files.deleteIfExists(part);
            return false;
        }
        throw new DatasetException(uri.toString(), DatasetException.Reason.DOWNLOAD_FAILED,
                "Download of " + uri + " failed: the server answered HTTP " + status + reasonPhrase(status)
                        + ". Check the address, or download the file yourself and pass its path.");
    }

    private HttpResponse<Void> await(URI uri, CompletableFuture<HttpResponse<Void>> future,
                                     AtomicReference<FileSink> sinkHolder, DownloadListener listener) {
        long readTimeoutNanos = readTimeout.toNanos();
        while (true) {
            try {
                return future.get(PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                FileSink sink = sinkHolder.get();
                if (sink != null) {
                    listener.progress(sink.done, sink.total);
                    if (System.nanoTime() - sink.lastData > readTimeoutNanos) {
                        sink.abort();
                        future.cancel(true);
                        throw new DatasetException(uri.toString(), DatasetException.Reason.UNREACHABLE,
                                "Download of " + uri + " stalled: no data for " + readTimeout.toSeconds()
                                        + " s after " + sink.done + " bytes. Run again to resume.");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort(sinkHolder);
                future.cancel(true);
                throw new DatasetException(uri.toString(), DatasetException.Reason.DOWNLOAD_FAILED,
                        "Download of " + uri + " interrupted; run again to resume.", e);
            } catch (ExecutionException | CancellationException e) {
                abort(sinkHolder);
                throw failure(uri, e.getCause() == null ? e : e.getCause(), sinkHolder.get());
            }
        }
    }

    private static void abort(AtomicReference<FileSink> sinkHolder) {
        FileSink sink = sinkHolder.get();
        if (sink != null) {
            sink.abort();
        }
    }

    private static DatasetException failure(URI uri, Throwable cause, FileSink sink) {
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        if (sink == null && isUnreachable(cause)) {
            return new DatasetException(uri.toString(), DatasetException.Reason.UNREACHABLE,
                    "Cannot reach " + host + ": " + describe(cause) + ". Check the network connection or proxy"
                            + " (-Dhttps.proxyHost=...), or download " + uri + " yourself and pass the file's path"
                            + " instead.", cause);
        }
        String progress = sink == null ? "" : " after " + sink.done + " bytes";
        return new DatasetException(uri.toString(), DatasetException.Reason.DOWNLOAD_FAILED,
                "Download of " + uri + " failed" + progress + ": " + describe(cause) + ". Run again to resume.",
                cause);
    }

    private static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof HttpTimeoutException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    /** The most specific message in a cause chain, or the exception's name where none has one. */
    private static String describe(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message != null ? message : e.getClass().getSimpleName();
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 401, 403 -> " (access denied)";
            case 404, 410 -> " (not found)";
            default -> status >= 500 ? " (server error; try again later)" : "";
        };
    }

    private static long rangeStart(HttpHeaders headers) {
        Matcher m = CONTENT_RANGE.matcher(headers.firstValue("Content-Range").orElse(""));
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long rangeTotal(HttpHeaders headers) {
        Matcher m = CONTENT_RANGE.matcher(headers.firstValue("Content-Range").orElse(""));
        return m.matches() && !m.group(3).equals("*") ? Long.parseLong(m.group(3)) : -1;
    }

    static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("\\")) {
            throw new IllegalArgumentException("cannot name the downloaded file after " + uri
                    + ": the address must end with a file name");
        }
        return name;
    }

    /** The SHA-256 of a file, lower-case hexadecimal. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes the body to the .part file as it arrives, one buffer list at a time. */
    private static final class FileSink implements HttpResponse.BodySubscriber<Void> {

        private final CompletableFuture<Void> result = new CompletableFuture<>();
        private final FileChannel channel;
        private final long total;
        private volatile long done;
        private volatile long lastData = System.nanoTime();
        private volatile Flow.Subscription subscription;

        FileSink(Path part, boolean append, long offset, long total) {
            try {
                this.channel = append
                        ? FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                        : FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot open " + part, e);
            }
            this.done = offset;
            this.total = total;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                long written = 0;
                for (ByteBuffer buffer : buffers) {
                    while (buffer.hasRemaining()) {
                        written += channel.write(buffer);
                    }
                }
                done += written;
                lastData = System.nanoTime();
                subscription.request(1);
            } catch (IOException e) {
                subscription.cancel();
                result.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(null);
        }

        @Override
        public CompletionStage<Void> getBody() {
            return result;
        }

        void abort() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            try {
                close();
            } catch (IOException e) {
                LOG.debug("Closing the .part file after a failed download failed too", e);
            }
        }

        void close() throws IOException {
            channel.close();
        }
    }
}
