package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.enhance4j.image.RealisticDamage.Kernel;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RealisticDamageTest {

    @Test
    void defaults_restorationAndSuperResolution_differWhereTheTableSays() {
        RealisticDamage restore = RealisticDamage.defaults(1);
        RealisticDamage x4 = RealisticDamage.defaults(4);

        assertThat(restore.scale()).isEqualTo(1);
        assertThat(restore.cleanProbability()).isEqualTo(0.05);
        assertThat(restore.pixelateProbability()).isEqualTo(0.05);
        assertThat(restore.resizeProbability()).isEqualTo(0.5);
        assertThat(restore.finalJpegProbability()).isEqualTo(0.5);
        assertThat(x4.cleanProbability()).isZero();
        assertThat(x4.pixelateProbability()).isZero();
        assertThat(x4.resizeProbability()).isEqualTo(1);
        assertThat(x4.blurSigma()).isEqualTo(new RealisticDamage.Range(0.2, 3));
        assertThat(x4.secondBlurSigma()).isEqualTo(new RealisticDamage.Range(0.2, 1.5));
        assertThat(x4.noiseSigma()).isEqualTo(new RealisticDamage.Range(1, 30));
        assertThat(x4.jpegQuality()).isEqualTo(new RealisticDamage.IntRange(30, 95));
        assertThat(x4.resizeChances()).isEqualTo(new RealisticDamage.ResizeChances(0.2, 0.7, 0.1));
        assertThat(x4.secondOrderProbability()).isEqualTo(0.5);
        assertThat(x4.finalSincProbability()).isEqualTo(0.2);
        assertThat(x4.finalJpegProbability()).isEqualTo(0.7);
        assertThat(x4.kernelWeight(Kernel.ISOTROPIC_GAUSSIAN)).isEqualTo(0.35);
    }

    @Test
    void defaults_scalesTwoToFour_differOnlyInScale() {
        RealisticDamage x2 = RealisticDamage.defaults(2);

        assertThat(x2).isNotEqualTo(RealisticDamage.defaults(3));
        assertThat(x2.toString().replace("scale=2", "scale=3")).isEqualTo(RealisticDamage.defaults(3).toString());
        assertThat(RealisticDamage.defaults(2)).isSameAs(x2);
    }

    @Test
    void toBuilder_roundTrip_isEqualWithTheSameHash() {
        RealisticDamage custom = RealisticDamage.builder(3).blurSigma(0.5, 1).kernelWeight(Kernel.SINC, 0)
                .finalJpegQuality(50, 60).build();

        RealisticDamage copy = custom.toBuilder().build();

        assertThat(copy).isEqualTo(custom).hasSameHashCodeAs(custom);
        assertThat(copy).isNotEqualTo(RealisticDamage.defaults(3));
        assertThat(custom.toBuilder().secondOrderProbability(0.25).build()).isNotEqualTo(custom);
        assertThat(RealisticDamage.builder(2).build()).isEqualTo(RealisticDamage.defaults(2));
    }

    @Test
    void toString_namesEverySetting() {
        String text = RealisticDamage.defaults(1).toString();

        assertThat(text).startsWith("RealisticDamage[scale=1, cleanProbability=0.05")
                .contains("blurSigma=0.2..2.0").contains("jpegQuality=30..95").contains("SINC=0.06")
                .contains("resizeChances=up 0.2, down 0.7, keep 0.1").endsWith("finalJpegQuality=30..95]");
    }

    @Test
    void builder_badScale_isRejectedWithTheAllowedScales() {
        for (int scale : new int[] {0, 5, -2}) {
            assertThatThrownBy(() -> RealisticDamage.builder(scale)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1, 2, 3 or 4").hasMessageContaining("got " + scale);
            assertThatThrownBy(() -> RealisticDamage.defaults(scale)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Degradation.realistic(scale)).hasMessageContaining("1, 2, 3 or 4");
        }
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad("cleanProbability", "[0, 1]", b -> b.cleanProbability(1.5)),
                bad("blurProbability", "[0, 1]", b -> b.blurProbability(Double.NaN)),
                bad("secondOrderProbability", "[0, 1]", b -> b.secondOrderProbability(-0.1)),
                bad("finalJpegProbability", "[0, 1]", b -> b.finalJpegProbability(2)),
                bad("kernelSize", "odd", b -> b.kernelSize(8, 21)),
                bad("kernelSize", "3 <= min <= max <= 41", b -> b.kernelSize(1, 21)),
                bad("kernelSize", "3 <= min <= max <= 41", b -> b.kernelSize(21, 7)),
                bad("kernelWeight of MOTION", "at least 0", b -> b.kernelWeight(Kernel.MOTION, -1)),
                bad("kernelWeight", "at least one", b -> {
                    for (Kernel k : Kernel.values()) {
                        b.kernelWeight(k, 0);
                    }
                    return b;
                }),
                bad("blurSigma", "0 < min <= max <= 20", b -> b.blurSigma(0, 2)),
                bad("secondBlurSigma", "0 < min <= max <= 20", b -> b.secondBlurSigma(2, 1)),
                bad("generalisedBeta", "0 < min <= max <= 10", b -> b.generalisedBeta(0.5, 11)),
                bad("plateauBeta", "0 < min <= max <= 10", b -> b.plateauBeta(-1, 2)),
                bad("defocusRadius", "0 < min <= max <= 16", b -> b.defocusRadius(1, 20)),
                bad("motionLength", "1 <= min <= max <= 41", b -> b.motionLength(0.5, 5)),
                bad("sincCutoff", "0 < min <= max <= pi", b -> b.sincCutoff(1, 4)),
                bad("pixelateFraction", "0 < min <= max <= 1", b -> b.pixelateFraction(0.3, 1.2)),
                bad("resizeFactor", "0 < min <= 1 <= max <= 4", b -> b.resizeFactor(1.1, 1.5)),
                bad("secondResizeFactor", "0 < min <= 1 <= max <= 4", b -> b.secondResizeFactor(0.5, 5)),
                bad("resizeChances", "sum to 1", b -> b.resizeChances(0.5, 0.5, 0.5)),
                bad("secondResizeChances", "at least 0", b -> b.secondResizeChances(-0.5, 1, 0.5)),
                bad("noiseSigma", "0 <= min <= max <= 255", b -> b.noiseSigma(1, 300)),
                bad("secondNoiseSigma", "0 <= min <= max <= 255", b -> b.secondNoiseSigma(-1, 3)),
                bad("poissonScale", "0 <= min <= max <= 20", b -> b.poissonScale(3, 1)),
                bad("secondPoissonScale", "0 <= min <= max <= 20", b -> b.secondPoissonScale(0, 21)),
                bad("jpegQuality", "1 <= min <= max <= 100", b -> b.jpegQuality(0, 90)),
                bad("secondJpegQuality", "1 <= min <= max <= 100", b -> b.secondJpegQuality(90, 30)),
                bad("finalJpegQuality", "1 <= min <= max <= 100", b -> b.finalJpegQuality(30, 101)));
    }

    private static Arguments bad(String setting, String allowed, UnaryOperator<RealisticDamage.Builder> change) {
        return Arguments.of(setting, allowed, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void build_settingOutOfRange_isRejectedNamingItAndWhatIsAllowed(String setting, String allowed,
                                                                     UnaryOperator<RealisticDamage.Builder> change) {
        RealisticDamage.Builder builder = change.apply(RealisticDamage.builder(2));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(setting).hasMessageContaining(allowed).hasMessageContaining("got");
    }

    @Test
    void build_edgesOfTheAllowedRanges_areAccepted() {
        RealisticDamage edges = RealisticDamage.builder(1).cleanProbability(1).kernelSize(3, 41)
                .kernelWeight(Kernel.SINC, 0).sincCutoff(Math.PI, Math.PI).resizeFactor(1, 1)
                .resizeChances(0, 0, 1).noiseSigma(0, 255).jpegQuality(100, 100).poissonScale(0, 0).build();

        assertThat(edges.kernelSize()).isEqualTo(new RealisticDamage.IntRange(3, 41));
        assertThat(edges.kernelWeight(Kernel.SINC)).isZero();
    }

    @Test
    void kernelWeight_null_isRejected() {
        assertThatThrownBy(() -> RealisticDamage.builder(1).kernelWeight(null, 1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("kernel");
    }
}
