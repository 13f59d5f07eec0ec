package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlurKernelTest {

    /** Every shape, with parameters at both ends of the default ranges; the flag says "has no negative taps". */
    static Stream<Arguments> kernels() {
        return Stream.of(
                Arguments.of("isotropic sigma 0.2", BlurKernel.isotropicGaussian(7, 0.2), true),
                Arguments.of("isotropic sigma 3", BlurKernel.isotropicGaussian(21, 3), true),
                Arguments.of("anisotropic", BlurKernel.anisotropicGaussian(15, 3, 0.4, 0.7), true),
                Arguments.of("generalised beta 0.5", BlurKernel.generalisedGaussian(13, 1.5, 1.5, 0, 0.5), true),
                Arguments.of("generalised beta 4", BlurKernel.generalisedGaussian(21, 2.5, 1, 2.1, 4), true),
                Arguments.of("plateau", BlurKernel.plateau(17, 1.2, 2, 1, 1.5), true),
                Arguments.of("defocus 0.5", BlurKernel.defocus(0.5), true),
                Arguments.of("defocus 4", BlurKernel.defocus(4), true),
                Arguments.of("motion 3", BlurKernel.motion(3, 0.3), true),
                Arguments.of("motion 15", BlurKernel.motion(15, 2.2), true),
                Arguments.of("sinc pi/3", BlurKernel.sinc(21, Math.PI / 3), false),
                Arguments.of("sinc pi", BlurKernel.sinc(7, Math.PI), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void weights_sumToOne(String name, BlurKernel kernel, boolean nonNegative) {
        double sum = 0;
        for (float w : kernel.weights()) {
            sum += w;
        }

        assertThat(sum).isCloseTo(1, within(1e-6));
        assertThat(kernel.size() % 2).isEqualTo(1);
        assertThat(kernel.weights()).hasSize(kernel.size() * kernel.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void weights_nonNegativeExceptSinc(String name, BlurKernel kernel, boolean nonNegative) {
        float min = Float.POSITIVE_INFINITY;
        for (float w : kernel.weights()) {
            min = Math.min(min, w);
        }

        if (nonNegative) {
            assertThat(min).isGreaterThanOrEqualTo(0f);
        } else {
            // the sinc's side lobes are negative: that is the ringing it exists for
            assertThat(min).isNegative();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void weights_pointSymmetricAboutTheCentre(String name, BlurKernel kernel, boolean nonNegative) {
        float[] w = kernel.weights();

        for (int i = 0; i < w.length; i++) {
            assertThat(w[i]).as("tap %d", i).isCloseTo(w[w.length - 1 - i], within(1e-7f));
        }
    }

    @Test
    void weights_isotropicShapes_areMirrorAndTransposeSymmetric() {
        BlurKernel[] isotropic = {
            BlurKernel.isotropicGaussian(9, 1.3), BlurKernel.generalisedGaussian(11, 2, 2, 0.8, 3),
            BlurKernel.plateau(11, 1, 1, 0, 2), BlurKernel.defocus(2.7), BlurKernel.sinc(13, 1.7)
        };

        for (BlurKernel kernel : isotropic) {
            float[] w = kernel.weights();
            int n = kernel.size();
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    assertThat(w[y * n + x]).as("%s at %d,%d", kernel, x, y)
                            .isCloseTo(w[y * n + n - 1 - x], within(1e-7f))
                            .isCloseTo(w[x * n + y], within(1e-7f));
                }
            }
        }
    }

    @Test
    void anisotropicGaussian_isLongerAlongItsAngle() {
        float[] w = BlurKernel.anisotropicGaussian(15, 3, 0.5, 0).weights();

        // sigma 3 along x, 0.5 along y: three pixels right of the centre outweighs three below it by far
        int centre = 7 * 15 + 7;
        assertThat(w[centre + 3]).isGreaterThan(1000 * w[centre + 3 * 15]);
        float[] turned = BlurKernel.anisotropicGaussian(15, 3, 0.5, Math.PI / 2).weights();
        assertThat(turned[centre + 3 * 15]).isCloseTo(w[centre + 3], within(1e-7f));
    }

    @Test
    void motion_horizontalLengthThree_isTheAntialiasedSegment() {
        BlurKernel kernel = BlurKernel.motion(3, 0);
        float[] w = kernel.weights();

        assertThat(kernel.size()).isEqualTo(5);
        float[] expected = {1 / 24f, 7 / 24f, 1 / 3f, 7 / 24f, 1 / 24f};
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                assertThat(w[y * 5 + x]).as("%d,%d", x, y).isCloseTo(y == 2 ? expected[x] : 0f, within(1e-6f));
            }
        }
    }

    @Test
    void defocus_radiusHalf_isTheIdentity() {
        FloatImage image = TestImages.random(9, 7, 3, false, 1);

        FloatImage result = BlurKernel.defocus(0.5).apply(image);

        assertThat(result.sameSamples(image)).isTrue();
    }

    @Test
    void besselJ1_matchesItsIntegralDefinition() {
        assertThat(BlurKernel.besselJ1(0)).isZero();
        assertThat(BlurKernel.besselJ1(1)).isCloseTo(0.4400505857, within(1e-7));
        for (double x = -5; x <= 50; x += 0.37) {
            // J1(x) = (1/pi) integral_0^pi cos(t - x sin t) dt; the trapezoid rule on the full period is spectrally
            // accurate for this smooth periodic integrand
            int n = 512;
            double sum = 0;
            for (int k = 0; k < n; k++) {
                double t = -Math.PI + 2 * Math.PI * k / n;
                sum += Math.cos(t - x * Math.sin(t));
            }
            assertThat(BlurKernel.besselJ1(x)).as("x = %f", x).isCloseTo(sum / n, within(1e-7));
        }
    }

    @Test
    void apply_constantImage_staysConstantAtEveryBorder() {
        FloatImage image = TestImages.constant(12, 5, 3, 0.4f);

        for (BlurKernel kernel : new BlurKernel[] {BlurKernel.sinc(21, 2), BlurKernel.motion(9, 1),
            BlurKernel.isotropicGaussian(21, 2)}) {
            FloatImage result = kernel.apply(image);
            for (float v : result.colorData()) {
                assertThat(v).isCloseTo(0.4f, within(1e-5f));
            }
        }
    }

    @Test
    void apply_separableGaussian_equalsTheDirectConvolution() {
        FloatImage image = TestImages.random(23, 17, 3, false, 2);

        // the same Gaussian, once through the separable passes and once through the 2-D loop
        FloatImage separable = BlurKernel.isotropicGaussian(11, 1.7).apply(image);
        FloatImage direct = BlurKernel.anisotropicGaussian(11, 1.7, 1.7, 0).apply(image);

        for (int i = 0; i < separable.colorData().length; i++) {
            assertThat(separable.colorData()[i]).isCloseTo(direct.colorData()[i], within(2e-6f));
        }
    }

    @Test
    void apply_impulse_reproducesTheKernel() {
        FloatImage image = new FloatImage(31, 29, 1, false);
        image.set(0, 15, 14, 1f);
        BlurKernel kernel = BlurKernel.motion(11, 0.6);
        float[] w = kernel.weights();
        int r = kernel.size() / 2;

        FloatImage result = kernel.apply(image);

        // point-symmetric, so convolution and correlation agree
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                assertThat(result.get(0, 15 + x, 14 + y)).isCloseTo(w[(y + r) * kernel.size() + x + r],
                        within(1e-6f));
            }
        }
    }

    @Test
    void apply_imageSmallerThanTheKernel_mirrorsWithoutFailing() {
        FloatImage image = TestImages.random(2, 3, 1, false, 3);

        FloatImage result = BlurKernel.sinc(21, 1.5).apply(image);
        FloatImage single = BlurKernel.anisotropicGaussian(21, 3, 1, 1).apply(TestImages.constant(1, 1, 3, 0.7f));

        assertThat(result.width()).isEqualTo(2);
        assertThat(result.height()).isEqualTo(3);
        for (float v : result.colorData()) {
            assertThat(v).isBetween(0f, 1f);
        }
        for (float v : single.colorData()) {
            assertThat(v).isCloseTo(0.7f, within(1e-5f));
        }
    }

    @Test
    void reflectBorder_mirrorsWithoutRepeatingTheEdge() {
        AxisWeights.Border reflect = AxisWeights.Border.REFLECT;

        assertThat(new int[] {reflect.map(-2, 4), reflect.map(-1, 4), reflect.map(3, 4), reflect.map(4, 4),
            reflect.map(5, 4), reflect.map(6, 4), reflect.map(7, 4)}).containsExactly(2, 1, 3, 2, 1, 0, 1);
        assertThat(reflect.map(-7, 1)).isZero();
        assertThat(reflect.map(-3, 2)).isEqualTo(1);
    }

    @Test
    void factories_evenSize_isRejected() {
        assertThatThrownBy(() -> BlurKernel.sinc(8, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd").hasMessageContaining("8");
    }
}
