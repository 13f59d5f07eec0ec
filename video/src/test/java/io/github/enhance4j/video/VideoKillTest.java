package io.github.enhance4j.video;

import io.github.enhance4j.video.testing.TestClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child JVM enhancing a video is stopped half-way: with SIGTERM (what Ctrl-C amounts to) its shutdown hook removes
 * the temporary file; with SIGKILL nothing runs, and at most a hidden temporary file stays. Neither leaves a file
 * under the final name.
 */
class VideoKillTest {

    @TempDir
    Path dir;

    /** The child: enhances ARGS[0] into ARGS[1] slowly, printing each frame done. */
    public static void main(String[] args) {
        ScaleEnhancer slow = new ScaleEnhancer(2, image -> {
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return image;
        });
        VideoEnhancer.of(slow).enhance(Path.of(args[0]), Path.of(args[1]), p -> {
            System.out.println("frame " + p.framesDone());
            System.out.flush();
        });
        System.out.println("done");
    }

    private Process startAndWaitForFrames(Path in, Path out, int frames) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), VideoKillTest.class.getName(), in.toString(), out.toString())
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.equals("frame " + frames)) {
                return child;
            }
        }
        throw new AssertionError("the child ended before frame " + frames);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void terminatedOrKilledHalfWay_neverLeavesAFileUnderTheFinalName() throws Exception {
        Path in = TestClips.write(dir.resolve("in.mp4"), TestClips.spec().frames(60).fps(30).audio());
        Path out = dir.resolve("out.mp4");

        Process terminated = startAndWaitForFrames(in, out, 5);
        terminated.destroy(); // SIGTERM: shutdown hooks run
        assertThat(terminated.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(files()).containsExactly("in.mp4");

        Process killed = startAndWaitForFrames(in, out, 5);
        killed.destroyForcibly(); // SIGKILL: nothing runs
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).doesNotExist();
        assertThat(files()).allMatch(name -> name.equals("in.mp4") || name.matches("\\.out\\.mp4-[0-9a-z]+\\.tmp"));
    }
}
