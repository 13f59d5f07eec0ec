package io.github.enhance4j.training.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.enhance4j.training.data.DatasetException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** Against a local server on 127.0.0.1 serving a small archive made in the test; nothing from the internet. */
class DownloaderTest {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    @TempDir
    Path dir;

    private HttpServer server;
    private byte[] archive;
    private String sha256;
    private volatile boolean honourRange = true;
    private volatile long stallAfter = -1;
    private final List<String> rangeHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        archive = Files.readAllBytes(TestArchives.tgz(dir.resolve("source.tgz"), TestArchives.lfwLike()));
        // make it big enough for several chunks
        archive = Arrays.copyOf(archive, archive.length + 300_000);
        for (int i = 0; i < archive.length; i++) {
            archive[i] ^= (byte) (i * 31);
        }
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data/faces.tgz", this::serve);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        rangeHeaders.add(String.valueOf(range));
        Matcher m = RANGE.matcher(range == null ? "" : range);
        int from = 0;
        if (honourRange && m.matches()) {
            from = Integer.parseInt(m.group(1));
            if (from >= archive.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + archive.length);
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + from + "-" + (archive.length - 1) + "/" + archive.length);
            exchange.sendResponseHeaders(206, archive.length - from);
        } else {
            exchange.sendResponseHeaders(200, archive.length);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            if (stallAfter >= 0) {
                out.write(archive, from, (int) stallAfter);
                out.flush();
                Thread.sleep(1_500); // the server has one thread: longer would delay the retry
                return;
            }
            out.write(archive, from, archive.length - from);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private final Downloader downloader = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(5));

    @Test
    void download_fetchesVerifiesAndReportsProgress() throws IOException {
        List<long[]> progress = new CopyOnWriteArrayList<>();

        Path file = downloader.download(uri("/data/faces.tgz"), dir.resolve("cache"), sha256.toUpperCase(),
                (done, total) -> progress.add(new long[] {done, total}));

        assertThat(file).isEqualTo(dir.resolve("cache/faces.tgz"));
        assertThat(Files.readAllBytes(file)).isEqualTo(archive);
        assertThat(dir.resolve("cache/faces.tgz.part")).doesNotExist();
        assertThat(progress.get(progress.size() - 1)).containsExactly(archive.length, archive.length);
        assertThat(rangeHeaders).containsExactly("null");
    }

    @Test
    void download_fileAlreadyCached_doesNotTouchTheNetwork() throws IOException {
        Files.createDirectories(dir.resolve("cache"));
        Files.write(dir.resolve("cache/faces.tgz"), archive);

        Path file = downloader.download(uri("/data/faces.tgz"), dir.resolve("cache"), sha256, DownloadListener.NONE);

        assertThat(file).hasBinaryContent(archive);
        assertThat(rangeHeaders).isEmpty();
    }

    @Test
    void download_partialFile_resumesWithRange() throws IOException {
        Files.createDirectories(dir.resolve("cache"));
        Files.write(dir.resolve("cache/faces.tgz.part"), Arrays.copyOf(archive, 100_000));

        Path file = downloader.download(uri("/data/faces.tgz"), dir.resolve("cache"), sha256, DownloadListener.NONE);

        assertThat(file).hasBinaryContent(archive);
        assertThat(rangeHeaders).containsExactly("bytes=100000-");
    }

    @Test
    void download_serverIgnoresRange_restartsFromTheBeginning() throws IOException {
        honourRange = false;
        Files.createDirectories(dir.resolve("cache"));
        Files.write(dir.resolve("cache/faces.tgz.part"), Arrays.copyOf(archive, 100_000));

        Path file = downloader.download(uri("/data/faces.tgz"), dir.resolve("cache"), sha256, DownloadListener.NONE);

        assertThat(file).hasBinaryContent(archive);
        assertThat(rangeHeaders).containsExactly("bytes=100000-");
    }

    @Test
    void download_completePartFile_isVerifiedAfter416() throws IOException {
        Files.createDirectories(dir.resolve("cache"));
        Files.write(dir.resolve("cache/faces.tgz.part"), archive);

        Path file = downloader.download(uri("/data/faces.tgz"), dir.resolve("cache"), sha256, DownloadListener.NONE);

        assertThat(file).hasBinaryContent(archive);
        assertThat(rangeHeaders).containsExactly("bytes=" + archive.length + "-", "null");
    }

    @Test
    void download_checksumMismatch_deletesAndExplains() {
        String wrong = "0".repeat(64);

        assertThatThrownBy(() -> downloader.download(uri("/data/faces.tgz"), dir.resolve("cache"), wrong,
                DownloadListener.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("has SHA-256 " + sha256 + ", expected " + wrong)
                .asInstanceOf(type(DatasetException.class))
                .extracting(DatasetException::reason).isEqualTo(Reason.CHECKSUM_MISMATCH);
        assertThat(dir.resolve("cache/faces.tgz")).doesNotExist();
        assertThat(dir.resolve("cache/faces.tgz.part")).doesNotExist();
    }

    @Test
    void download_404_saysSo() {
        assertThatThrownBy(() -> downloader.download(uri("/data/missing.tgz"), dir.resolve("cache"), sha256,
                DownloadListener.NONE))
                .hasMessageContaining("HTTP 404 (not found)").hasMessageContaining("/data/missing.tgz")
                .asInstanceOf(type(DatasetException.class))
                .extracting(DatasetException::reason).isEqualTo(Reason.DOWNLOAD_FAILED);
    }

    @Test
    void download_connectionRefused_isUnreachableWithAdvice() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/lfw/faces.tgz");

        assertThatThrownBy(() -> downloader.download(nowhere, dir.resolve("cache"), sha256, DownloadListener.NONE))
                .hasMessageStartingWith("Cannot reach 127.0.0.1:" + closedPort + ": ")
                .hasMessageContaining("download " + nowhere + " yourself and pass the file's path")
                .asInstanceOf(type(DatasetException.class))
                .extracting(DatasetException::reason).isEqualTo(Reason.UNREACHABLE);
    }

    @Test
    void download_stalledServer_timesOutAndKeepsThePartForResuming() {
        stallAfter = 50_000;
        Downloader impatient = new Downloader(Duration.ofSeconds(5), Duration.ofMillis(700));

        assertThatThrownBy(() -> impatient.download(uri("/data/faces.tgz"), dir.resolve("cache"), sha256,
                DownloadListener.NONE))
                .hasMessageContaining("stalled").hasMessageContaining("Run again to resume");
        assertThat(dir.resolve("cache/faces.tgz.part")).exists();

        stallAfter = -1;
        Path file = downloader.download(uri("/data/faces.tgz"), dir.resolve("cache"), sha256, DownloadListener.NONE);
        assertThat(file).hasBinaryContent(archive);
        assertThat(rangeHeaders.get(1)).startsWith("bytes=");
    }

    @Test
    void knownDataset_lfw_hasTheOfficialAddressAndChecksum() {
        KnownDataset lfw = KnownDataset.byId("LFW");

        assertThat(lfw.uri()).hasToString("http://vis-www.cs.umass.edu/lfw/lfw-deepfunneled.tgz");
        assertThat(lfw.sha256()).isEqualTo("10b31bb0747f0968a06415f3ec2dc6586d2f30ba24876de6185aa572a5a7d5ca");
        assertThat(lfw.fileName()).isEqualTo("lfw-deepfunneled.tgz");
        assertThatThrownBy(() -> KnownDataset.byId("imagenet")).hasMessageContaining("known: lfw");
    }

    @Test
    void download_refusesBadArguments() {
        assertThatThrownBy(() -> downloader.download(uri("/data/faces.tgz"), dir, "abc", DownloadListener.NONE))
                .hasMessageContaining("64 hexadecimal digits");
        assertThatThrownBy(() -> downloader.download(uri("/data/"), dir, sha256, DownloadListener.NONE))
                .hasMessageContaining("must end with a file name");
        assertThatThrownBy(() -> downloader.download(URI.create("file:///tmp/x.tgz"), dir, sha256,
                DownloadListener.NONE)).hasMessageContaining("http and https");
    }
}
