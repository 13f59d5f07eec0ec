package io.github.enhance4j.backend.onnx;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.backend.onnx.testing.ModelGenerators;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An 8000x8000 RGB image is enhanced in a JVM with a 1 GiB heap: the two images take 512 MiB, so this only works
 * because tiles are streamed and no full-size float tensor is ever made (that alone would be 768 MiB).
 */
class LargeImageMemoryTest {

    @Test
    void enhance_8000x8000_fitsInOneGigabyteOfHeap() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                LargeImageMemoryTest.class.getName()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

        System.out.print(output);
        assertThat(output).as("child JVM output").contains("enhanced 8000x8000");
        assertThat(p.exitValue()).as(output).isZero();
    }

    /** Runs in the child JVM. */
    public static void main(String[] args) {
        int size = 8000;
        BufferedImage in = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) in.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 2654435761L % 0xffffff) > 0x7fffff ? 0xff8040 : 0x204080;
        }
        EnhanceOptions options = EnhanceOptions.builder().device(Device.CPU).build();
        long start = System.nanoTime();
        try (Enhancer e = Enhancer.load(ModelSource.of(ModelGenerators.boxBlur3x3(3), "blur.onnx"), options)) {
            BufferedImage out = e.enhance(in);
            List<Integer> dims = List.of(out.getWidth(), out.getHeight());
            if (!dims.equals(List.of(size, size))) {
                throw new AssertionError("wrong size " + dims);
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("enhanced %dx%d in %d ms, heap used %d MiB of %d MiB max%n", size, size,
                (System.nanoTime() - start) / 1_000_000, (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20);
    }
}
