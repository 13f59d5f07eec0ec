package io.github.enhance4j.training.data;

import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Resampler;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads the real LFW archive from the shared data when it is there; skips otherwise. */
class LfwArchiveTest {

    private static final Path LFW = Path.of(System.getProperty("enhance4j.lfw",
            "../../shared/data/lfw/lfw-deepfunneled.tgz"));

    @Test
    void read_lfwDeepFunneledTgz_asIs() {
        assumeTrue(Files.isRegularFile(LFW), "LFW archive not found at " + LFW.toAbsolutePath()
                + " (set -Denhance4j.lfw=PATH); skipping");
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();

        List<EncodedImage> images = ImageArchive.read(LFW);

        long millis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        long bytes = images.stream().mapToLong(EncodedImage::size).sum();
        System.out.printf("LFW: %d images, %.1f MB encoded, read in %d ms, heap +%.1f MB%n", images.size(),
                bytes / 1e6, millis, (heapAfter - heapBefore) / 1e6);
        assertThat(images).hasSize(13_233);
        assertThat(images.get(0).name()).isEqualTo("lfw-deepfunneled/AJ_Cook/AJ_Cook_0001.jpg");
        assertThat(images).allSatisfy(image -> assertThat(image.name()).matches(
                "lfw-deepfunneled/([^/]+)/\\1_\\d{4}\\.jpg"));

        ImageDataset dataset = ImageDataset.builder(images).transform(i -> Resampler.NEAREST.resize(i, 80, 80))
                .build();
        assertThat(dataset.trainingSize()).isEqualTo(11_910);
        assertThat(dataset.validationSize()).isEqualTo(1_323);
        FloatImage first = dataset.validationImage(0);
        assertThat(first.width()).isEqualTo(80);
        assertThat(first.channels()).isEqualTo(3);
        long decodeStart = System.nanoTime();
        int n = 500;
        for (int i = 0; i < n; i++) {
            dataset.trainingImage(i);
        }
        System.out.printf("LFW: decode + resize to 80x80: %.2f ms per image (one thread)%n",
                (System.nanoTime() - decodeStart) / 1e6 / n);
        // the same split as numpy.random.RandomState(32).permutation(13233) over the sorted names
        assertThat(dataset.validationEntry(0).name())
                .isEqualTo("lfw-deepfunneled/Silvio_Berlusconi/Silvio_Berlusconi_0033.jpg");
        assertThat(dataset.trainingEntry(0).name()).isEqualTo("lfw-deepfunneled/Paul_Ebert/Paul_Ebert_0001.jpg");
    }
}
