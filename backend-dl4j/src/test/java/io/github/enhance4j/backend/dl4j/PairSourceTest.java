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

    @Test
    void aGreyPictureInAColourSet_trainsAndValidatesAsRgb_inBatchesWithColourOnes() {
        FloatImage grey = new FloatImage(64, 64, 1, false);
        for (int i = 0; i < grey.colorData().length; i++) {
            grey.colorData()[i] = (i % 7) / 7f;
        }
        TrainingData data = TrainingData.of(List.of(image(64, 64, 0.4f), grey), List.of(grey, image(32, 32, 0.2f)));
        PairSource source = new PairSource(data, config(48), 1, 3);

        PairSource.Pair pair = source.trainingPair(1, new Random(3));
        assertThat(pair.target().channels()).isEqualTo(3);
        assertThat(pair.input().channels()).isEqualTo(3);
        for (int y = 0; y < 48; y += 5) {
            for (int x = 0; x < 48; x += 3) {
                assertThat(pair.target().get(1, x, y)).isEqualTo(pair.target().get(0, x, y));
                assertThat(pair.target().get(2, x, y)).isEqualTo(pair.target().get(0, x, y));
            }
        }
        PairSource.Batch batch = source.batch(0, 0, new int[] {0, 1});
        assertThat(batch.channels()).isEqualTo(3);
        assertThat(source.validationPair(0).target().channels()).isEqualTo(3);
        assertThat(source.validationPair(0).target().get(2, 5, 0)).isEqualTo(grey.get(0, 5, 0));
    }

    @Test
    void aColourPicture_trainsAGreyNetworkAsItsLuma() {
        FloatImage rgb = new FloatImage(2, 1, 3, false);
        rgb.set(0, 0, 0, 1f); // red
        rgb.set(1, 1, 0, 1f); // green

        FloatImage luma = PairSource.toChannels(rgb, 1);

        assertThat(luma.channels()).isEqualTo(1);
        assertThat(luma.get(0, 0, 0)).isCloseTo(0.299f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(luma.get(0, 1, 0)).isCloseTo(0.587f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(PairSource.toChannels(rgb, 3)).isSameAs(rgb);
        assertThatThrownBy(() -> new PairSource(TrainingData.of(List.of(rgb), List.of(rgb)), config(48), 1, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 (grey) or 3 (RGB)");
    }
}
