package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SensorNoiseTest {

    @Test
    void poissonCount_hasPoissonMeanAndVarianceOnBothSidesOfTheApproximation() {
        for (double mean : new double[] {0.3, 3, 15.9, 16, 100}) {
            SplittableRandom random = new SplittableRandom(5);
            int n = 200_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                long k = SensorNoise.poissonCount(mean, random);
                sum += k;
                squares += (double) k * k;
            }
            double m = sum / n;
            double variance = squares / n - m * m;
            assertThat(m).as("mean of Poisson(%s)", mean).isCloseTo(mean, within(0.01 * mean + 0.01));
            // the rounded normal adds 1/12 to the variance above the switch
            assertThat(variance).as("variance of Poisson(%s)", mean).isCloseTo(mean, within(0.02 * mean + 0.09));
        }
    }

    @Test
    void poissonCount_zeroMean_isZero() {
        assertThat(SensorNoise.poissonCount(0, new SplittableRandom(1))).isZero();
    }

    @Test
    void gaussian_colourOnGreyImage_staysOneChannel() {
        FloatImage grey = TestImages.constant(16, 16, 1, 0.5f);

        FloatImage result = SensorNoise.gaussian(grey, 0.1, false, new SplittableRandom(2));

        assertThat(result.channels()).isEqualTo(1);
        assertThat(result.sameSamples(grey)).isFalse();
    }

    @Test
    void noise_leavesItsInputUntouchedAndClamps() {
        FloatImage image = TestImages.random(20, 20, 3, false, 3);
        FloatImage before = image.copy();

        FloatImage gaussian = SensorNoise.gaussian(image, 0.5, false, new SplittableRandom(3));
        FloatImage poisson = SensorNoise.poisson(image, 10, true, new SplittableRandom(3));

        assertThat(image.sameSamples(before)).isTrue();
        for (FloatImage result : new FloatImage[] {gaussian, poisson}) {
            for (float v : result.colorData()) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }
}
