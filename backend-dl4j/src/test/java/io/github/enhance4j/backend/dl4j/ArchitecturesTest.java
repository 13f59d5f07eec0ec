package io.github.enhance4j.backend.dl4j;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchitecturesTest {

    @Test
    void seedAutoencoder_matchesSeedRecipeSize() {
        NetSpec seed = Architectures.build("seed-autoencoder", 1);

        assertThat(seed.parameterCount()).isEqualTo(1_110_403L);
        assertThat(seed.flopsPerOutputPixel()).isEqualTo(670_464.0);
        assertThat(seed.convs()).hasSize(10);
        assertThat(seed.layers()).filteredOn(l -> l instanceof NetSpec.Dropout)
                .singleElement().extracting(l -> ((NetSpec.Dropout) l).rate()).isEqualTo(0.3);
        assertThat(seed.regularisedActivations()).hasSize(10);
        // conv and ReLU outputs, pools, dropout, upsamples and adds, counted by hand from SEED.md's layer list
        assertThat(seed.activationsPerInputPixel()).isEqualTo(1134.0);
    }

    @Test
    void espcn_isUnderATenthOfTheSeedsFlopsAtEveryScale() {
        double seed = Architectures.seedAutoencoder().flopsPerOutputPixel();
        for (int s = 2; s <= 4; s++) {
            NetSpec espcn = Architectures.build("espcn", s);

            assertThat(espcn.scale()).isEqualTo(s);
            assertThat(espcn.flopsPerOutputPixel()).isLessThan(seed / 10);
        }
        assertThat(Architectures.espcn(2).parameterCount()).isEqualTo(26_796L);
        assertThat(Architectures.espcn(2).flopsPerOutputPixel()).isEqualTo(13_344.0);
    }

    @Test
    void restoreArchitectures_fitTheirSpeedBudgets() {
        NetSpec unet = Architectures.build("restore-unet", 1);
        // about the PyTorch reference's 125 kFLOP per pixel (../shared/tools/restore_reference.py)
        assertThat(unet.flopsPerOutputPixel()).isEqualTo(118_080.0);
        assertThat(unet.parameterCount()).isEqualTo(1_274_844L);
        assertThat(Architectures.build("compact-sr", 2).parameterCount()).isEqualTo(59_852L);
        assertThat(Architectures.build("compact-sr", 2).flopsPerOutputPixel()).isEqualTo(29_808.0);
        assertThat(Architectures.build("compact-sr", 4).parameterCount()).isEqualTo(188_400L);
        assertThat(Architectures.build("compact-sr", 4).flopsPerOutputPixel()).isEqualTo(23_490.0);
        assertThat(unet.sizeMultiple()).isEqualTo(8);
        assertThat(Parameters.predictsCorrection(unet)).isTrue();
        for (int s : new int[] {2, 4}) {
            NetSpec sr = Architectures.build("compact-sr", s);
            assertThat(sr.scale()).isEqualTo(s);
            // 5 output megapixels per second needs well under 40 kFLOP per output pixel here
            assertThat(sr.flopsPerOutputPixel()).isLessThan(32_000);
            assertThat(Parameters.predictsCorrection(sr)).isTrue();
        }
        assertThat(Parameters.predictsCorrection(Architectures.espcn(2))).isFalse();
    }

    @Test
    void restoreUnet_enlarges_withTheScaleOneLayersButTheLast() {
        NetSpec x1 = Architectures.build("restore-unet", 1);
        for (int s : new int[] {2, 4}) {
            NetSpec sr = Architectures.build("restore-unet", s);
            assertThat(sr.scale()).isEqualTo(s);
            assertThat(sr.sizeMultiple()).isEqualTo(8);
            assertThat(Parameters.predictsCorrection(sr)).isTrue();
            // every convolution but the last keeps its name and shape, so a trained x1 model can start an x2/x4 run
            var convs = sr.convs();
            assertThat(convs.subList(0, convs.size() - 1)).isEqualTo(x1.convs().subList(0, convs.size() - 1));
            assertThat(convs.get(convs.size() - 1).outChannels()).isEqualTo(3 * 4 * s * s);
        }
        // the body's work spread over 4 or 16 output pixels: under compact-sr's cost per output pixel
        assertThat(Architectures.build("restore-unet", 2).flopsPerOutputPixel()).isEqualTo(31_464.0);
        assertThat(Architectures.build("restore-unet", 4).flopsPerOutputPixel()).isEqualTo(9_810.0);
        assertThat(Architectures.build("restore-unet", 2).parameterCount()).isEqualTo(1_290_432L);
        assertThat(Architectures.build("restore-unet", 4).parameterCount()).isEqualTo(1_352_784L);
    }

    @Test
    void restoreUnetDeep_keepsEveryPlainLayer_andAddsBlocksThatStartAsTheIdentity() {
        for (int s : new int[] {1, 2}) {
            NetSpec plain = Architectures.build("restore-unet", s);
            NetSpec deep = Architectures.build("restore-unet-deep", s);
            assertThat(deep.architecture()).isEqualTo("restore-unet-deep");
            assertThat(deep.sizeMultiple()).isEqualTo(8);
            assertThat(Parameters.predictsCorrection(deep)).isTrue();
            // a trained restore-unet starts a deep run (--init-from)
            assertKeepsPlainLayersAndAddsIdentityBlocks(plain, deep, 8, 3);
        }
        NetSpec deep = Architectures.build("restore-unet-deep", 1);
        // two blocks at 1/8 (192 channels), one at 1/4 (96), one at 1/2 (48): each 3x3 convolution 10,368 FLOPs a pixel
        assertThat(deep.flopsPerOutputPixel()).isEqualTo(118_080.0 + 8 * 10_368.0);
        assertThat(deep.parameterCount()).isEqualTo(1_274_844L + 4 * 331_968L + 2 * 83_040L + 2 * 20_784L)
                .isEqualTo(2_810_364L);
        assertThat(Architectures.build("restore-unet-deep", 2).parameterCount()).isEqualTo(2_825_952L);
        assertThat(Architectures.build("restore-unet-deep", 2).flopsPerOutputPixel()).isEqualTo(52_200.0);
        assertThat(Architectures.build("restore-unet-deep", 4).flopsPerOutputPixel()).isEqualTo(14_994.0);
    }

    @Test
    void restoreUnetDeeper_keepsEveryLayerOfTheDeepNetwork_andDoublesItsBlocks() {
        for (int s : new int[] {1, 2, 4}) {
            NetSpec deep = Architectures.build("restore-unet-deep", s);
            NetSpec deeper = Architectures.build("restore-unet-deeper", s);
            assertThat(deeper.architecture()).isEqualTo("restore-unet-deeper");
            assertThat(deeper.scale()).isEqualTo(s);
            assertThat(deeper.sizeMultiple()).isEqualTo(8);
            assertThat(Parameters.predictsCorrection(deeper)).isTrue();
            // a trained deep run starts a deeper one (--init-from), and so does a plain one
            assertKeepsPlainLayersAndAddsIdentityBlocks(deep, deeper, 8, 3);
            assertKeepsPlainLayersAndAddsIdentityBlocks(Architectures.build("restore-unet", s), deeper, 16, 3);
        }
        NetSpec deeper = Architectures.build("restore-unet-deeper", 1);
        // four blocks at 1/8, two at 1/4, two at 1/2: eight more 3x3 convolutions of 10,368 FLOPs a pixel than deep
        assertThat(deeper.flopsPerOutputPixel()).isEqualTo(201_024.0 + 8 * 10_368.0).isEqualTo(283_968.0);
        assertThat(deeper.parameterCount()).isEqualTo(2_810_364L + 4 * 331_968L + 2 * 83_040L + 2 * 20_784L)
                .isEqualTo(4_345_884L);
        assertThat(Architectures.build("restore-unet-deeper", 2).parameterCount()).isEqualTo(4_361_472L);
        assertThat(Architectures.build("restore-unet-deeper", 2).flopsPerOutputPixel()).isEqualTo(72_936.0);
        assertThat(Architectures.build("restore-unet-deeper", 4).flopsPerOutputPixel()).isEqualTo(20_178.0);
        assertThatThrownBy(() -> Architectures.build("restore-unet-deeper", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("restore-unet-deeper supports"
                        + " scales 1, 2 and 4");
    }

    @Test
    void compactSrDeep_keepsEveryPlainLayer_andAddsBlocksThatStartAsTheIdentity() {
        for (int s : new int[] {2, 4}) {
            NetSpec plain = Architectures.build("compact-sr", s);
            NetSpec deep = Architectures.build("compact-sr-deep", s);
            assertThat(deep.architecture()).isEqualTo("compact-sr-deep");
            assertThat(deep.scale()).isEqualTo(s);
            assertThat(Parameters.predictsCorrection(deep)).isTrue();
            // a block after every second body convolution: 3 at x2 (6 body convolutions), 4 at x4 (8)
            assertKeepsPlainLayersAndAddsIdentityBlocks(plain, deep, s == 2 ? 6 : 8, 5);
        }
        // each added 3x3 convolution at x4: 48 x 48 x 9 weights + 48 biases, 41,472 FLOPs per small pixel / 16
        assertThat(Architectures.build("compact-sr-deep", 4).parameterCount()).isEqualTo(188_400L + 8 * 20_784L)
                .isEqualTo(354_672L);
        assertThat(Architectures.build("compact-sr-deep", 4).flopsPerOutputPixel()).isEqualTo(23_490.0 + 8 * 2_592.0);
        assertThat(Architectures.build("compact-sr-deep", 2).parameterCount()).isEqualTo(59_852L + 6 * 9_248L);
        assertThat(Architectures.build("compact-sr-deep", 2).flopsPerOutputPixel()).isEqualTo(29_808.0 + 6 * 4_608.0);
        assertThatThrownBy(() -> Architectures.build("compact-sr-deep", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scales 2, 3 and 4");
    }

    @Test
    void compactSrDeeper_keepsEveryLayerOfTheDeepNetwork_andAddsABlockAfterEachOddBodyConvolution() {
        for (int s : new int[] {2, 4}) {
            NetSpec deep = Architectures.build("compact-sr-deep", s);
            NetSpec deeper = Architectures.build("compact-sr-deeper", s);
            assertThat(deeper.architecture()).isEqualTo("compact-sr-deeper");
            assertThat(Parameters.predictsCorrection(deeper)).isTrue();
            // a block after every body convolution: the deep network's after 2, 4, ... and new ones after 1, 3, ...
            assertKeepsPlainLayersAndAddsIdentityBlocks(deep, deeper, s == 2 ? 6 : 8, 5);
            assertKeepsPlainLayersAndAddsIdentityBlocks(Architectures.build("compact-sr", s), deeper,
                    s == 2 ? 12 : 16, 5);
        }
        assertThat(Architectures.build("compact-sr-deeper", 4).parameterCount()).isEqualTo(188_400L + 16 * 20_784L)
                .isEqualTo(520_944L);
        assertThat(Architectures.build("compact-sr-deeper", 4).flopsPerOutputPixel())
                .isEqualTo(23_490.0 + 16 * 2_592.0);
        assertThat(Architectures.build("compact-sr-deeper", 2).parameterCount()).isEqualTo(59_852L + 12 * 9_248L);
        assertThatThrownBy(() -> Architectures.build("compact-sr-deeper", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scales 2, 3 and 4");
    }

    /**
     * Every convolution of {@code plain} is in {@code deep} with its name and shape (so a trained plain run starts a
     * deep one), and the {@code addedConvs} others are residual blocks whose last convolution starts at zero.
     */
    private static void assertKeepsPlainLayersAndAddsIdentityBlocks(NetSpec plain, NetSpec deep, int addedConvs,
            long seed) {
        java.util.function.Function<NetSpec.Conv, String> shape = c -> c.weight() + " " + c.inChannels() + "x"
                + c.outChannels() + "x" + c.kernel();
        var plainShapes = plain.convs().stream().map(shape).toList();
        assertThat(deep.convs().stream().map(shape).toList()).containsAll(plainShapes);
        var added = deep.convs().stream().filter(c -> !plainShapes.contains(shape.apply(c))).toList();
        assertThat(added).hasSize(addedConvs);
        var params = Parameters.initial(deep, seed);
        for (NetSpec.Conv c : added) {
            boolean end = c.out().endsWith(Architectures.RESIDUAL_END);
            assertThat(params.get(c.weight()).amaxNumber().doubleValue()).as(c.out()).matches(
                    v -> end ? v == 0 : v > 0);
        }
    }

    @Test
    void residualNetworks_startAsTheirBaseline() {
        var last = Architectures.build("compact-sr", 2).convs();
        var params = Parameters.initial(Architectures.build("compact-sr", 2), 1);
        assertThat(params.get(last.get(last.size() - 1).weight()).amaxNumber().doubleValue()).isZero();
        assertThat(params.get(last.get(0).weight()).amaxNumber().doubleValue()).isPositive();
    }

    @Test
    void build_wrongScaleOrName_saysWhatWorks() {
        assertThatThrownBy(() -> Architectures.build("seed-autoencoder", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("espcn");
        assertThatThrownBy(() -> Architectures.build("restore-unet", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scales 1, 2 and 4");
        assertThatThrownBy(() -> Architectures.build("espcn", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scales 2, 3 and 4");
        assertThatThrownBy(() -> Architectures.build("srgan", 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[compact-sr, compact-sr-deep, compact-sr-deeper, espcn, restore-unet, restore-unet-deep, restore-unet-deeper, seed-autoencoder]");
    }
}
