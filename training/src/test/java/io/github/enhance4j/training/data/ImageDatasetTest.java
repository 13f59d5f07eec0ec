package io.github.enhance4j.training.data;

import io.github.enhance4j.ImageReadException;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Resampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageDatasetTest {

    @TempDir
    Path dir;

    private static List<EncodedImage> images(int count) {
        List<EncodedImage> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(new EncodedImage(String.format("img_%03d.png", i), TestArchives.png(6 + i % 3, 5, i)));
        }
        return images;
    }

    private static List<String> names(ImageDataset dataset, boolean validation) {
        List<String> names = new ArrayList<>();
        int size = validation ? dataset.validationSize() : dataset.trainingSize();
        for (int i = 0; i < size; i++) {
            names.add((validation ? dataset.validationEntry(i) : dataset.trainingEntry(i)).name());
        }
        return names;
    }

    @Test
    void build_splitsLikeNumpyPermutation() {
        List<EncodedImage> images = images(10);

        ImageDataset dataset = ImageDataset.builder(images).validationFraction(0.2).seed(32).build();

        // np.random.RandomState(32).permutation(10) = [9, 1, 2, 8, 3, 0, 4, 6, 5, 7]; the first 2 validate
        assertThat(names(dataset, true)).containsExactly("img_009.png", "img_001.png");
        assertThat(names(dataset, false)).containsExactly("img_002.png", "img_008.png", "img_003.png",
                "img_000.png", "img_004.png", "img_006.png", "img_005.png", "img_007.png");
    }

    @Test
    void build_defaultSplit_isTenPercentFlooredAndDisjoint() {
        ImageDataset dataset = ImageDataset.builder(images(59)).build();

        assertThat(dataset.validationSize()).isEqualTo(5);
        assertThat(dataset.trainingSize()).isEqualTo(54);
        Set<String> all = new HashSet<>(names(dataset, true));
        all.addAll(names(dataset, false));
        assertThat(all).hasSize(59);
    }

    @Test
    void build_sameSeed_sameSplit_otherSeed_otherSplit() {
        List<EncodedImage> images = images(40);

        List<String> a = names(ImageDataset.builder(images).seed(7).build(), true);
        List<String> b = names(ImageDataset.builder(images).seed(7).build(), true);
        List<String> c = names(ImageDataset.builder(images).seed(8).build(), true);

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void build_refusesBadSettings() {
        assertThatThrownBy(() -> ImageDataset.builder(List.of())).hasMessageContaining("no images");
        assertThatThrownBy(() -> ImageDataset.builder(images(2)).validationFraction(1.0))
                .hasMessageContaining("[0, 1)");
        // floor(n * fraction) < n, so at least one training image always remains
        assertThat(ImageDataset.builder(images(1)).validationFraction(0.99).build().trainingSize()).isEqualTo(1);
        assertThatThrownBy(() -> ImageDataset.builder(images(2)).seed(-1)).hasMessageContaining("seed");
    }

    @Test
    void trainingImage_decodesAndTransforms() {
        ImageDataset dataset = ImageDataset.builder(images(5)).validationFraction(0)
                .transform(image -> Resampler.NEAREST.resize(image, 4, 4)).build();

        FloatImage image = dataset.trainingImage(0);

        assertThat(image.width()).isEqualTo(4);
        assertThat(image.height()).isEqualTo(4);
        assertThat(image.channels()).isEqualTo(3);
        assertThat(dataset.trainingImage(0).sameSamples(image)).isTrue();
    }

    @Test
    void trainingImage_fromArchive_matchesTheEncodedPixels() throws IOException {
        List<EncodedImage> images = ImageArchive.read(TestArchives.tgz(dir.resolve("a.tgz"), TestArchives.lfwLike()));
        ImageDataset dataset = ImageDataset.builder(images).validationFraction(0).build();

        for (int i = 0; i < dataset.trainingSize(); i++) {
            FloatImage image = dataset.trainingImage(i);
            if (dataset.trainingEntry(i).name().equals("lfw/Alice/Alice_0001.png")) {
                // png(8, 6, 3): red = 120, green = x * 20, blue = y * 20
                assertThat(image.get(0, 2, 1)).isEqualTo(120 / 255f);
                assertThat(image.get(1, 2, 1)).isEqualTo(40 / 255f);
                assertThat(image.get(2, 2, 1)).isEqualTo(20 / 255f);
            }
        }
    }

    @Test
    void cache_returnsEqualCopiesAndStaysInBudget() {
        AtomicInteger decodes = new AtomicInteger();
        long imageBytes = 4L * 4 * 4 * 3;
        ImageDataset dataset = ImageDataset.builder(images(6)).validationFraction(0)
                .transform(image -> {
                    decodes.incrementAndGet();
                    return Resampler.NEAREST.resize(image, 4, 4);
                })
                .cacheBytes(2 * imageBytes).build();

        FloatImage first = dataset.trainingImage(0);
        first.set(0, 0, 0, 0.5f); // the caller owns what it gets: the cache must not change
        FloatImage again = dataset.trainingImage(0);
        assertThat(decodes).hasValue(1);
        assertThat(again.get(0, 0, 0)).isNotEqualTo(0.5f);

        dataset.trainingImage(1);
        dataset.trainingImage(2);
        assertThat(dataset.cachedBytes()).isEqualTo(2 * imageBytes);
        dataset.trainingImage(0); // evicted as the least recently used
        assertThat(decodes).hasValue(4);
    }

    @Test
    void corruptEntry_raisesWhenReachedNamingIt() {
        byte[] png = TestArchives.png(8, 8, 1);
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        ImageDataset dataset = ImageDataset.builder(List.of(new EncodedImage("faces/good.png", png),
                new EncodedImage("faces/broken.png", truncated))).validationFraction(0).seed(1).build();

        int broken = dataset.trainingEntry(0).name().equals("faces/broken.png") ? 0 : 1;
        assertThat(dataset.trainingImage(1 - broken).width()).isEqualTo(8);
        assertThatThrownBy(() -> dataset.trainingImage(broken))
                .isInstanceOf(ImageReadException.class)
                .hasMessageContaining("faces/broken.png");
    }

    @Test
    void images_fromSeveralThreads_matchSequentialReads() throws Exception {
        ImageDataset dataset = ImageDataset.builder(images(24)).validationFraction(0.25).cacheBytes(2_000).build();
        List<FloatImage> expected = new ArrayList<>();
        for (int i = 0; i < dataset.trainingSize(); i++) {
            expected.add(dataset.trainingImage(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < dataset.trainingSize(); i++) {
                            if (!dataset.trainingImage(i).sameSamples(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
