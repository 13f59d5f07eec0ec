import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import javax.imageio.ImageIO;

/**
 * Load test of the enhance4j service (not part of mvn verify). Starts service/target/enhance-service.jar on a free
 * local port (or uses --url and --pid of a running one), warms it up, then runs N clients that POST an image in a
 * loop for the given time, and reports requests/s, p50/p99 latency per status, status counts and the service
 * process's resident memory (RSS) at the start, every 10 s and at the end. Clients do not back off on 503: the
 * worst case for the server. Only localhost is ever contacted.
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl service -am
 * java service/load-test/LoadTest.java [--clients 16] [--seconds 60] [--size 256x192] [--model sr-x2]
 *                                      [--jar service/target/enhance-service.jar | --url http://localhost:8080 --pid N]
 * </pre>
 */
public class LoadTest {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new TreeMap<>(Map.of("--clients", "16", "--seconds", "60", "--size", "256x192",
                "--model", "sr-x2", "--jar", "service/target/enhance-service.jar", "--warmup", "10"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        int clients = Integer.parseInt(opt.get("--clients"));
        int seconds = Integer.parseInt(opt.get("--seconds"));
        String[] size = opt.get("--size").split("x");
        byte[] image = image(Integer.parseInt(size[0]), Integer.parseInt(size[1]));

        Process service = null;
        String url = opt.get("--url");
        long pid;
        if (url == null) {
            int port = freePort();
            service = new ProcessBuilder("java", "-jar", opt.get("--jar"), "--server.port=" + port,
                    "--server.address=127.0.0.1").redirectErrorStream(true)
                    .redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "enhance-service-load.log").toFile())
                    .start();
            pid = service.pid();
            url = "http://127.0.0.1:" + port;
        } else {
            if (!URI.create(url).getHost().matches("localhost|127\\.0\\.0\\.1|\\[::1\\]")) {
                throw new IllegalArgumentException("--url must be on this machine (localhost)");
            }
            pid = Long.parseLong(opt.getOrDefault("--pid", "-1"));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            awaitUp(client, url);
            URI target = URI.create(url + "/api/enhance?model=" + opt.get("--model"));
            System.out.printf(Locale.ROOT, "Service up (pid %d); image %s PNG, %d bytes; model %s%n", pid,
                    opt.get("--size"), image.length, opt.get("--model"));

            run(client, target, image, clients, Integer.parseInt(opt.get("--warmup")), pid, false);
            long rssStart = rssKiB(pid);
            System.out.printf(Locale.ROOT, "After warm-up: RSS %s%n", mib(rssStart));
            run(client, target, image, clients, seconds, pid, true);
            long rssEnd = rssKiB(pid);
            System.out.printf(Locale.ROOT, "RSS start %s, end %s (%+.0f MiB)%n", mib(rssStart), mib(rssEnd),
                    (rssEnd - rssStart) / 1024.0);
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static void run(HttpClient client, URI target, byte[] image, int clients, int seconds, long pid,
            boolean report) throws InterruptedException {
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        LongAdder total = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(image))
                        .build();
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        String status;
                        try {
                            HttpResponse<byte[]> response = client.send(request,
                                    HttpResponse.BodyHandlers.ofByteArray());
                            status = Integer.toString(response.statusCode());
                        } catch (IOException e) {
                            status = "io-error";
                        }
                        latencies.computeIfAbsent(status, s -> new ConcurrentLinkedQueue<>())
                                .add(System.nanoTime() - start);
                        total.increment();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            t.setDaemon(true);
            t.start();
        }
        long started = System.nanoTime();
        while (!done.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
            if (report) {
                System.out.printf(Locale.ROOT, "  %3.0f s: %d requests, RSS %s%n",
                        (System.nanoTime() - started) / 1e9, total.sum(), mib(rssKiB(pid)));
            }
        }
        if (!report) {
            return;
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> all = new ArrayList<>();
        latencies.values().forEach(all::addAll);
        System.out.printf(Locale.ROOT, "%d clients, %.1f s: %d requests, %.1f requests/s; latency p50 %s, p99 %s%n",
                clients, elapsed, all.size(), all.size() / elapsed, ms(all, 0.50), ms(all, 0.99));
        for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new TreeMap<>(latencies).entrySet()) {
            List<Long> l = new ArrayList<>(e.getValue());
            System.out.printf(Locale.ROOT, "  %s: %d (%.1f/s), p50 %s, p99 %s%n", e.getKey(), l.size(),
                    l.size() / elapsed, ms(l, 0.50), ms(l, 0.99));
        }
    }

    private static String ms(List<Long> nanos, double q) {
        if (nanos.isEmpty()) {
            return "-";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        long v = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        return String.format(Locale.ROOT, "%.0f ms", v / 1e6);
    }

    private static long rssKiB(long pid) {
        if (pid < 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    private static String mib(long kib) {
        return kib < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }

    private static void awaitUp(HttpClient client, String url) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The service did not come up within 120 s");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A photo-like test image: gradients, stripes and noise, so that PNG does not shrink it to nothing. */
    private static byte[] image(int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(240, 200, 160), width, height, new Color(60, 110, 190)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(40, 40, 60));
        for (int x = 0; x < width / 2; x += 6) {
            g.fillRect(x, height / 4, 3, height / 2);
        }
        g.fillOval(width / 2, height / 4, height / 2, height / 2);
        g.dispose();
        Random random = new Random(1);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = img.getRGB(x, y);
                int n = random.nextInt(9) - 4;
                int r = clamp(((rgb >> 16) & 255) + n), gr = clamp(((rgb >> 8) & 255) + n), b = clamp((rgb & 255) + n);
                img.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
