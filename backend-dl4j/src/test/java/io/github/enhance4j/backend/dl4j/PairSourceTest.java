package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.TrainingData;
import io.github.enhance4j.image.FloatImage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairSourceTest {

    private static FloatImage image(int w, int h, float value) {
        FloatImage img = new FloatImage(w, h, 3, false);
        java.util.Arrays.fill(img.colorData(), value);
        return img;
    }

    private static TrainingConfig config(int patch) {
        return TrainingConfig.builder().architecture("espcn").scale(2).patchSize(patch).degradation("bicubic:2")
                .build();
    }

    @Test
    void anImageSmallerThanThePatch_isReplacedByTheNextLargeEnoughOne_deterministically() {
        TrainingData data = TrainingData.of(List.of(image(40, 40, 0.1f), image(20, 30, 0.5f), image(64, 50, 0.9f)),
                List.of(image(32, 32, 0.2f)));
        PairSource source = new PairSource(data, config(48));

        PairSource.Pair pair = source.trainingPair(0, new Random(7));
        PairSource.Pair again = source.trainingPair(0, new Random(7));

        assertThat(pair.target().width()).isEqualTo(48);
        assertThat(pair.input().width()).isEqualTo(24);
        assertThat(pair.target().get(0, 10, 10)).isEqualTo(0.9f); // image 2 stood in for images 0 and 1
        assertThat(again.target().colorData()).containsExactly(pair.target().colorData());
    }

    @Test
    void whenNoImageIsLargeEnough_theErrorSaysToUseASmallerPatch() {
        TrainingData data = TrainingData.of(List.of(image(40, 40, 0.1f), image(20, 30, 0.5f)),
                List.of(image(32, 32, 0.2f)));
        PairSource source = new PairSource(data, config(48));

        assertThatThrownBy(() -> source.trainingPair(1, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no training image is at least 48x48")
                .hasMessageContaining("smaller patch size");
    }

    @Test
    void aSmallPictureRepeatedManyTimes_givesAFewWarnings_notOnePerCopy() {
        List<FloatImage> images = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            images.add(image(20, 20, 0.1f)); // 40 too-small copies, as "::repeat=40" makes them
        }
        images.add(image(64, 64, 0.9f));
        PairSource source = new PairSource(TrainingData.of(images, List.of(image(32, 32, 0.2f))), config(48));
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < 40; i++) {
                source.trainingPair(i, new Random(i));
            }
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);

        long warnings = log.lines().filter(l -> l.contains("WARN") && l.contains("smaller than the 48x48 patch"))
                .count();
        assertThat(warnings).isEqualTo(PairSource.SMALL_WARNINGS);
        assertThat(log).contains("further such images are logged at debug level");
    }
    @Test
    void withAugmentation_patchesAreCutAtARandomZoom_andStayPureFunctionsOfTheirSeed() {
        FloatImage stripes = new FloatImage(128, 128, 3, false); // 1-pixel stripes: a shrunk patch loses some
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 128; y++) {
                for (int x = 0; x < 128; x++) {
                    stripes.set(c, x, y, x % 2 == 0 ? 0.3f : 0.7f);
                }
            }
        }
        TrainingData data = TrainingData.of(List.of(stripes), List.of(image(64, 64, 0.5f)));
        TrainingConfig config = TrainingConfig.builder().architecture("seed-autoencoder").scale(1).patchSize(64)
                .degradation("pixelate:0.4").augment(true).build();
        PairSource source = new PairSource(data, config);

        int shrunk = 0;
        for (int seed = 0; seed < 20; seed++) {
            PairSource.Pair pair = source.trainingPair(0, new Random(seed));
            assertThat(pair.target().width()).isEqualTo(64);
            assertThat(pair.input().width()).isEqualTo(64);
            assertThat(source.trainingPair(0, new Random(seed)).input().colorData())
                    .containsExactly(pair.input().colorData());
            boolean alternates = true;
            for (int x = 1; x < 64 && alternates; x++) {
                alternates = pair.target().get(0, x, 5) != pair.target().get(0, x - 1, 5);
            }
            shrunk += alternates ? 0 : 1;
        }
        assertThat(shrunk).as("patches shrunk from a larger square (nearest neighbour skips stripes)")
                .isBetween(10, 20);
    }
}
