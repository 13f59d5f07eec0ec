package io.github.enhance4j.image;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link Degradation#realistic(RealisticDamage)}: the random "high-order" damage of Real-ESRGAN and
 * BSRGAN (blur, resize, noise, JPEG, all random, optionally twice, then the final size), for training models on
 * photographs whose damage is unknown. Immutable and thread-safe; start from {@link #defaults(int)} or
 * {@link #builder(int)}, derive variants with {@link #toBuilder()}.
 *
 * <pre>{@code
 * Degradation damage = Degradation.realistic(RealisticDamage.defaults(4).toBuilder()
 *         .secondOrderProbability(0)
 *         .finalJpegQuality(60, 95)
 *         .build());
 * }</pre>
 *
 * <p><b>The pipeline.</b> The input is at the target resolution, {@code W x H}, both multiples of the scale; the
 * output is {@code W / scale x H / scale}. With {@code cleanProbability} the input is only resized to the output
 * size (bicubic or area; unchanged at scale 1), so that a model learns to leave clean photographs alone. Otherwise:
 * <ol>
 * <li>first pass: blur, pixelate, resize relative to {@code W x H}, noise, JPEG, each with its probability;</li>
 * <li>with {@code secondOrderProbability}, a second pass of blur, resize relative to the <em>output</em> size,
 * noise and JPEG with the {@code second*} settings;</li>
 * <li>resize to the output size (at scale 1: back to {@code W x H}), then a sinc filter and a JPEG, each with its
 * probability, in random order.</li>
 * </ol>
 * A blur picks a kernel type by the {@code kernelWeight}s, a random odd size from {@code kernelSize} (defocus and
 * motion are sized to fit their shape) and random shape parameters; anisotropic shapes get a random angle. A resize
 * goes up, down or keeps the size by the {@code resizeChances}, with a factor drawn uniformly from
 * {@code 1..max} or {@code min..1} of {@code resizeFactor}, and a method drawn from area, bilinear and bicubic;
 * no side goes below 2 pixels. Noise is Poisson with {@code poissonProbability}, else Gaussian, and grey (the same
 * value in every channel) with {@code greyNoiseProbability}. Every value is drawn uniformly from its range.
 *
 * <p><b>Settings and defaults.</b> Scales 2 to 4 share their defaults: Real-ESRGAN's, a little milder (our models
 * are small). Scale 1 is a blind restoration model's: milder noise and blur, which are not shrunk away by a final
 * downscale, and a little pixelation.
 * <table class="striped">
 * <caption>Settings of the realistic damage</caption>
 * <thead>
 * <tr><th>setting</th><th>meaning</th><th>scale 1</th><th>scales 2-4</th><th>allowed</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>{@code cleanProbability}</td><td>leave the image undamaged (only resized)</td><td>0.05</td><td>0</td>
 *     <td>0..1</td></tr>
 * <tr><td>{@code kernelSize}</td><td>side of Gaussian-family and sinc kernels, odd, pixels</td><td>7..21</td>
 *     <td>7..21</td><td>odd, 3..41</td></tr>
 * <tr><td>{@code kernelWeight}</td><td>relative frequency of each {@link Kernel} type</td>
 *     <td colspan="2">isotropic Gaussian 0.35, anisotropic Gaussian 0.25, generalised Gaussian 0.12, plateau 0.10,
 *     defocus 0.07, motion 0.05, sinc 0.06</td><td>at least 0, not all 0</td></tr>
 * <tr><td>{@code generalisedBeta}</td><td>shape of {@code exp(-q^beta / 2)}; 1 is Gaussian, 4 a flat top</td>
 *     <td>0.5..4</td><td>0.5..4</td><td>(0, 10]</td></tr>
 * <tr><td>{@code plateauBeta}</td><td>shape of {@code 1 / (1 + q^beta)}</td><td>1..2</td><td>1..2</td>
 *     <td>(0, 10]</td></tr>
 * <tr><td>{@code defocusRadius}</td><td>radius of the defocus disk, pixels</td><td>0.5..4</td><td>0.5..4</td>
 *     <td>(0, 16]</td></tr>
 * <tr><td>{@code motionLength}</td><td>length of the motion line, pixels</td><td>3..15</td><td>3..15</td>
 *     <td>1..41</td></tr>
 * <tr><td>{@code sincCutoff}</td><td>cutoff of the sinc (circular low-pass) kernel, radians per pixel</td>
 *     <td>pi/3..pi</td><td>pi/3..pi</td><td>(0, pi]</td></tr>
 * <tr><td>{@code blurProbability}</td><td>blur in the first pass</td><td>0.8</td><td>0.8</td><td>0..1</td></tr>
 * <tr><td>{@code blurSigma}</td><td>Gaussian-family sigma (each axis), first pass, pixels</td><td>0.2..2</td>
 *     <td>0.2..3</td><td>(0, 20]</td></tr>
 * <tr><td>{@code pixelateProbability}</td><td>pixelate (area down, area up) in the first pass</td><td>0.05</td>
 *     <td>0</td><td>0..1</td></tr>
 * <tr><td>{@code pixelateFraction}</td><td>side fraction of the pixelation's small image</td><td>0.3..0.8</td>
 *     <td>0.3..0.8</td><td>(0, 1]</td></tr>
 * <tr><td>{@code resizeProbability}</td><td>resize in the first pass</td><td>0.5</td><td>1</td><td>0..1</td></tr>
 * <tr><td>{@code resizeFactor}</td><td>first-pass factor, relative to the input size</td><td>0.5..1.2</td>
 *     <td>0.5..1.5</td><td>0 &lt; min &lt;= 1 &lt;= max &lt;= 4</td></tr>
 * <tr><td>{@code resizeChances}</td><td>up, down, keep, first pass</td><td>0.2, 0.7, 0.1</td>
 *     <td>0.2, 0.7, 0.1</td><td>at least 0, sum 1</td></tr>
 * <tr><td>{@code noiseProbability}</td><td>noise in the first pass</td><td>0.6</td><td>0.6</td><td>0..1</td></tr>
 * <tr><td>{@code noiseSigma}</td><td>Gaussian noise sigma, first pass, 8-bit levels (1/255)</td><td>1..30</td>
 *     <td>1..30</td><td>0..255</td></tr>
 * <tr><td>{@code poissonProbability}</td><td>noise is Poisson rather than Gaussian (both passes)</td><td>0.4</td>
 *     <td>0.4</td><td>0..1</td></tr>
 * <tr><td>{@code poissonScale}</td><td>Poisson noise strength, first pass (see below)</td><td>0.05..2</td>
 *     <td>0.05..3</td><td>0..20</td></tr>
 * <tr><td>{@code greyNoiseProbability}</td><td>noise is grey rather than colour (both passes)</td><td>0.4</td>
 *     <td>0.4</td><td>0..1</td></tr>
 * <tr><td>{@code jpegProbability}</td><td>JPEG in the first pass</td><td>0.6</td><td>0.6</td><td>0..1</td></tr>
 * <tr><td>{@code jpegQuality}</td><td>JPEG quality, first pass (ImageIO, quality / 100)</td><td>30..95</td>
 *     <td>30..95</td><td>1..100</td></tr>
 * <tr><td>{@code secondOrderProbability}</td><td>run the second pass</td><td>0.3</td><td>0.5</td>
 *     <td>0..1</td></tr>
 * <tr><td>{@code secondBlurProbability}</td><td>blur in the second pass</td><td>0.5</td><td>0.5</td>
 *     <td>0..1</td></tr>
 * <tr><td>{@code secondBlurSigma}</td><td>Gaussian-family sigma, second pass</td><td>0.2..1</td><td>0.2..1.5</td>
 *     <td>(0, 20]</td></tr>
 * <tr><td>{@code secondResizeProbability}</td><td>resize in the second pass</td><td>0.5</td><td>1</td>
 *     <td>0..1</td></tr>
 * <tr><td>{@code secondResizeFactor}</td><td>second-pass factor, relative to the <em>output</em> size</td>
 *     <td>0.7..1.2</td><td>0.5..1.2</td><td>0 &lt; min &lt;= 1 &lt;= max &lt;= 4</td></tr>
 * <tr><td>{@code secondResizeChances}</td><td>up, down, keep, second pass</td><td>0.3, 0.4, 0.3</td>
 *     <td>0.3, 0.4, 0.3</td><td>at least 0, sum 1</td></tr>
 * <tr><td>{@code secondNoiseProbability}</td><td>noise in the second pass</td><td>0.5</td><td>0.5</td>
 *     <td>0..1</td></tr>
 * <tr><td>{@code secondNoiseSigma}</td><td>Gaussian noise sigma, second pass, 8-bit levels</td><td>1..15</td>
 *     <td>1..25</td><td>0..255</td></tr>
 * <tr><td>{@code secondPoissonScale}</td><td>Poisson noise strength, second pass</td><td>0.05..1.5</td>
 *     <td>0.05..2.5</td><td>0..20</td></tr>
 * <tr><td>{@code secondJpegProbability}</td><td>JPEG in the second pass</td><td>0.3</td><td>0.3</td>
 *     <td>0..1</td></tr>
 * <tr><td>{@code secondJpegQuality}</td><td>JPEG quality, second pass</td><td>30..95</td><td>30..95</td>
 *     <td>1..100</td></tr>
 * <tr><td>{@code finalSincProbability}</td><td>sinc filter after the final resize (cutoff from
 *     {@code sincCutoff})</td><td>0.1</td><td>0.2</td><td>0..1</td></tr>
 * <tr><td>{@code finalJpegProbability}</td><td>JPEG after the final resize</td><td>0.5</td><td>0.7</td>
 *     <td>0..1</td></tr>
 * <tr><td>{@code finalJpegQuality}</td><td>JPEG quality, final</td><td>30..95</td><td>30..95</td>
 *     <td>1..100</td></tr>
 * </tbody>
 * </table>
 * Kernel shapes use the squared Mahalanobis distance {@code q = (u / sigmaX)^2 + (v / sigmaY)^2} of the offset
 * {@code (u, v)} rotated into the kernel's axes; the generalised Gaussian and plateau kernels are isotropic 80 % of
 * the time. Every kernel is normalised to sum 1; borders are mirrored. Poisson noise of strength {@code s} turns a
 * value {@code x} into {@code x + s (N / 255 - x)} with {@code N ~ Poisson(255 x)}: zero-mean shot noise of
 * variance {@code s^2 x / 255}, Real-ESRGAN's model of an 8-bit image; grey Poisson noise is drawn for the BT.601
 * luma. Values are clamped to {@code 0..1} after every step.
 */
public final class RealisticDamage {

    /** The blur kernel types, chosen at random by {@link #kernelWeight(Kernel)}. */
    public enum Kernel {
        /** {@code exp(-r^2 / (2 sigma^2))}. */
        ISOTROPIC_GAUSSIAN,
        /** An elliptic Gaussian: two sigmas and a random angle. */
        ANISOTROPIC_GAUSSIAN,
        /** {@code exp(-q^beta / 2)}, {@code beta} from {@code generalisedBeta}: sharp peaks to flat tops. */
        GENERALISED_GAUSSIAN,
        /** {@code 1 / (1 + q^beta)}, {@code beta} from {@code plateauBeta}: a flat top with long tails. */
        PLATEAU,
        /** A uniform disk with an anti-aliased edge, radius from {@code defocusRadius}: out of focus. */
        DEFOCUS,
        /** An anti-aliased line at a random angle, length from {@code motionLength}: camera shake. */
        MOTION,
        /** The circular ideal low-pass ("jinc"), cutoff from {@code sincCutoff}: ringing around edges. */
        SINC
    }

    /** A closed interval that values are drawn from uniformly; {@code min == max} fixes the value. */
    public record Range(double min, double max) {
        @Override
        public String toString() {
            return min + ".." + max;
        }
    }

    /** A closed interval of integers that values are drawn from uniformly. */
    public record IntRange(int min, int max) {
        @Override
        public String toString() {
            return min + ".." + max;
        }
    }

    /** Chances that a resize enlarges, shrinks, or keeps the reference size; they sum to 1. */
    public record ResizeChances(double up, double down, double keep) {
        @Override
        public String toString() {
            return "up " + up + ", down " + down + ", keep " + keep;
        }
    }

    private static final RealisticDamage[] DEFAULTS = {
        builder(1).build(), builder(2).build(), builder(3).build(), builder(4).build()
    };

    private final int scale;
    private final double cleanProbability;
    private final IntRange kernelSize;
    private final Map<Kernel, Double> kernelWeights;
    private final Range generalisedBeta;
    private final Range plateauBeta;
    private final Range defocusRadius;
    private final Range motionLength;
    private final Range sincCutoff;
    private final double blurProbability;
    private final Range blurSigma;
    private final double pixelateProbability;
    private final Range pixelateFraction;
    private final double resizeProbability;
    private final Range resizeFactor;
    private final ResizeChances resizeChances;
    private final double noiseProbability;
    private final Range noiseSigma;
    private final double poissonProbability;
    private final Range poissonScale;
    private final double greyNoiseProbability;
    private final double jpegProbability;
    private final IntRange jpegQuality;
    private final double secondOrderProbability;
    private final double secondBlurProbability;
    private final Range secondBlurSigma;
    private final double secondResizeProbability;
    private final Range secondResizeFactor;
    private final ResizeChances secondResizeChances;
    private final double secondNoiseProbability;
    private final Range secondNoiseSigma;
    private final Range secondPoissonScale;
    private final double secondJpegProbability;
    private final IntRange secondJpegQuality;
    private final double finalSincProbability;
    private final double finalJpegProbability;
    private final IntRange finalJpegQuality;
    /** Every setting by name, in declaration order: the single source of equals, hashCode and toString. */
    private final Map<String, Object> values;

    private RealisticDamage(Builder b) {
        scale = b.scale;
        cleanProbability = b.cleanProbability;
        kernelSize = b.kernelSize;
        kernelWeights = Collections.unmodifiableMap(new EnumMap<>(b.kernelWeights));
        generalisedBeta = b.generalisedBeta;
        plateauBeta = b.plateauBeta;
        defocusRadius = b.defocusRadius;
        motionLength = b.motionLength;
        sincCutoff = b.sincCutoff;
        blurProbability = b.blurProbability;
        blurSigma = b.blurSigma;
        pixelateProbability = b.pixelateProbability;
        pixelateFraction = b.pixelateFraction;
        resizeProbability = b.resizeProbability;
        resizeFactor = b.resizeFactor;
        resizeChances = b.resizeChances;
        noiseProbability = b.noiseProbability;
        noiseSigma = b.noiseSigma;
        poissonProbability = b.poissonProbability;
        poissonScale = b.poissonScale;
        greyNoiseProbability = b.greyNoiseProbability;
        jpegProbability = b.jpegProbability;
        jpegQuality = b.jpegQuality;
        secondOrderProbability = b.secondOrderProbability;
        secondBlurProbability = b.secondBlurProbability;
        secondBlurSigma = b.secondBlurSigma;
        secondResizeProbability = b.secondResizeProbability;
        secondResizeFactor = b.secondResizeFactor;
        secondResizeChances = b.secondResizeChances;
        secondNoiseProbability = b.secondNoiseProbability;
        secondNoiseSigma = b.secondNoiseSigma;
        secondPoissonScale = b.secondPoissonScale;
        secondJpegProbability = b.secondJpegProbability;
        secondJpegQuality = b.secondJpegQuality;
        finalSincProbability = b.finalSincProbability;
        finalJpegProbability = b.finalJpegProbability;
        finalJpegQuality = b.finalJpegQuality;

        Map<String, Object> v = new LinkedHashMap<>();
        v.put("scale", scale);
        v.put("cleanProbability", cleanProbability);
        v.put("kernelSize", kernelSize);
        v.put("kernelWeights", kernelWeights);
        v.put("generalisedBeta", generalisedBeta);
        v.put("plateauBeta", plateauBeta);
        v.put("defocusRadius", defocusRadius);
        v.put("motionLength", motionLength);
        v.put("sincCutoff", sincCutoff);
        v.put("blurProbability", blurProbability);
        v.put("blurSigma", blurSigma);
        v.put("pixelateProbability", pixelateProbability);
        v.put("pixelateFraction", pixelateFraction);
        v.put("resizeProbability", resizeProbability);
        v.put("resizeFactor", resizeFactor);
        v.put("resizeChances", resizeChances);
        v.put("noiseProbability", noiseProbability);
        v.put("noiseSigma", noiseSigma);
        v.put("poissonProbability", poissonProbability);
        v.put("poissonScale", poissonScale);
        v.put("greyNoiseProbability", greyNoiseProbability);
        v.put("jpegProbability", jpegProbability);
        v.put("jpegQuality", jpegQuality);
        v.put("secondOrderProbability", secondOrderProbability);
        v.put("secondBlurProbability", secondBlurProbability);
        v.put("secondBlurSigma", secondBlurSigma);
        v.put("secondResizeProbability", secondResizeProbability);
        v.put("secondResizeFactor", secondResizeFactor);
        v.put("secondResizeChances", secondResizeChances);
        v.put("secondNoiseProbability", secondNoiseProbability);
        v.put("secondNoiseSigma", secondNoiseSigma);
        v.put("secondPoissonScale", secondPoissonScale);
        v.put("secondJpegProbability", secondJpegProbability);
        v.put("secondJpegQuality", secondJpegQuality);
        v.put("finalSincProbability", finalSincProbability);
        v.put("finalJpegProbability", finalJpegProbability);
        v.put("finalJpegQuality", finalJpegQuality);
        values = Collections.unmodifiableMap(v);
    }

    /**
     * The default settings for output scale {@code scale} (see the table above).
     *
     * @param scale 1, 2, 3 or 4
     * @return the settings
     */
    public static RealisticDamage defaults(int scale) {
        checkScale(scale);
        return DEFAULTS[scale - 1];
    }

    /**
     * A builder holding the defaults for {@code scale}; the scale is fixed for the settings it builds.
     *
     * @param scale 1, 2, 3 or 4
     * @return the builder
     */
    public static Builder builder(int scale) {
        checkScale(scale);
        return new Builder(scale);
    }

    /** {@return a builder initialised with these settings, to derive a variant} */
    public Builder toBuilder() {
        Builder b = new Builder(scale);
        b.cleanProbability = cleanProbability;
        b.kernelSize = kernelSize;
        b.kernelWeights.putAll(kernelWeights);
        b.generalisedBeta = generalisedBeta;
        b.plateauBeta = plateauBeta;
        b.defocusRadius = defocusRadius;
        b.motionLength = motionLength;
        b.sincCutoff = sincCutoff;
        b.blurProbability = blurProbability;
        b.blurSigma = blurSigma;
        b.pixelateProbability = pixelateProbability;
        b.pixelateFraction = pixelateFraction;
        b.resizeProbability = resizeProbability;
        b.resizeFactor = resizeFactor;
        b.resizeChances = resizeChances;
        b.noiseProbability = noiseProbability;
        b.noiseSigma = noiseSigma;
        b.poissonProbability = poissonProbability;
        b.poissonScale = poissonScale;
        b.greyNoiseProbability = greyNoiseProbability;
        b.jpegProbability = jpegProbability;
        b.jpegQuality = jpegQuality;
        b.secondOrderProbability = secondOrderProbability;
        b.secondBlurProbability = secondBlurProbability;
        b.secondBlurSigma = secondBlurSigma;
        b.secondResizeProbability = secondResizeProbability;
        b.secondResizeFactor = secondResizeFactor;
        b.secondResizeChances = secondResizeChances;
        b.secondNoiseProbability = secondNoiseProbability;
        b.secondNoiseSigma = secondNoiseSigma;
        b.secondPoissonScale = secondPoissonScale;
        b.secondJpegProbability = secondJpegProbability;
        b.secondJpegQuality = secondJpegQuality;
        b.finalSincProbability = finalSincProbability;
        b.finalJpegProbability = finalJpegProbability;
        b.finalJpegQuality = finalJpegQuality;
        return b;
    }

    private static void checkScale(int scale) {
        if (scale < 1 || scale > 4) {
            throw new IllegalArgumentException("realistic damage scale must be 1, 2, 3 or 4, got " + scale);
        }
    }

    /** {@return the output scale: the output is {@code 1 / scale} of the input on each side} */
    public int scale() {
        return scale;
    }

    /** {@return the probability of leaving the image undamaged (only resized to the output size)} */
    public double cleanProbability() {
        return cleanProbability;
    }

    /** {@return the range of the side of Gaussian-family and sinc kernels, odd, in pixels} */
    public IntRange kernelSize() {
        return kernelSize;
    }

    /**
     * The relative frequency of {@code kernel} among blur kernels.
     *
     * @param kernel a kernel type
     * @return its weight; the weights need not sum to 1
     */
    public double kernelWeight(Kernel kernel) {
        return kernelWeights.get(Objects.requireNonNull(kernel, "kernel"));
    }

    /** {@return the range of the generalised Gaussian's shape {@code beta} in {@code exp(-q^beta / 2)}} */
    public Range generalisedBeta() {
        return generalisedBeta;
    }

    /** {@return the range of the plateau kernel's shape {@code beta} in {@code 1 / (1 + q^beta)}} */
    public Range plateauBeta() {
        return plateauBeta;
    }

    /** {@return the range of the defocus disk's radius, in pixels} */
    public Range defocusRadius() {
        return defocusRadius;
    }

    /** {@return the range of the motion line's length, in pixels} */
    public Range motionLength() {
        return motionLength;
    }

    /** {@return the range of the sinc kernel's cutoff, in radians per pixel} */
    public Range sincCutoff() {
        return sincCutoff;
    }

    /** {@return the probability of a blur in the first pass} */
    public double blurProbability() {
        return blurProbability;
    }

    /** {@return the range of the first pass's Gaussian-family sigma (each axis), in pixels} */
    public Range blurSigma() {
        return blurSigma;
    }

    /** {@return the probability of pixelation (area down, area up) in the first pass} */
    public double pixelateProbability() {
        return pixelateProbability;
    }

    /** {@return the range of the side fraction of the pixelation's small image} */
    public Range pixelateFraction() {
        return pixelateFraction;
    }

    /** {@return the probability of a resize in the first pass} */
    public double resizeProbability() {
        return resizeProbability;
    }

    /** {@return the range of the first pass's resize factor, relative to the input size} */
    public Range resizeFactor() {
        return resizeFactor;
    }

    /** {@return the chances that the first pass's resize enlarges, shrinks or keeps the size} */
    public ResizeChances resizeChances() {
        return resizeChances;
    }

    /** {@return the probability of noise in the first pass} */
    public double noiseProbability() {
        return noiseProbability;
    }

    /** {@return the Gaussian noise sigma in 8-bit levels (multiples of 1/255)} */
    public Range noiseSigma() {
        return noiseSigma;
    }

    /** {@return the probability that noise is Poisson rather than Gaussian (both passes)} */
    public double poissonProbability() {
        return poissonProbability;
    }

    /** {@return the range of the first pass's Poisson noise strength} */
    public Range poissonScale() {
        return poissonScale;
    }

    /** {@return the probability that noise is grey rather than colour (both passes)} */
    public double greyNoiseProbability() {
        return greyNoiseProbability;
    }

    /** {@return the probability of a JPEG round trip in the first pass} */
    public double jpegProbability() {
        return jpegProbability;
    }

    /** {@return the range of the first pass's JPEG quality (ImageIO, quality / 100)} */
    public IntRange jpegQuality() {
        return jpegQuality;
    }

    /** {@return the probability of running the second pass} */
    public double secondOrderProbability() {
        return secondOrderProbability;
    }

    /** {@return the probability of a blur in the second pass} */
    public double secondBlurProbability() {
        return secondBlurProbability;
    }

    /** {@return the range of the second pass's Gaussian-family sigma (each axis), in pixels} */
    public Range secondBlurSigma() {
        return secondBlurSigma;
    }

    /** {@return the probability of a resize in the second pass} */
    public double secondResizeProbability() {
        return secondResizeProbability;
    }

    /** {@return the range of the second pass's resize factor, relative to the output size (not the current one)} */
    public Range secondResizeFactor() {
        return secondResizeFactor;
    }

    /** {@return the chances that the second pass's resize enlarges, shrinks or keeps the size} */
    public ResizeChances secondResizeChances() {
        return secondResizeChances;
    }

    /** {@return the probability of noise in the second pass} */
    public double secondNoiseProbability() {
        return secondNoiseProbability;
    }

    /** {@return the second-pass Gaussian noise sigma in 8-bit levels} */
    public Range secondNoiseSigma() {
        return secondNoiseSigma;
    }

    /** {@return the range of the second pass's Poisson noise strength} */
    public Range secondPoissonScale() {
        return secondPoissonScale;
    }

    /** {@return the probability of a JPEG round trip in the second pass} */
    public double secondJpegProbability() {
        return secondJpegProbability;
    }

    /** {@return the range of the second pass's JPEG quality} */
    public IntRange secondJpegQuality() {
        return secondJpegQuality;
    }

    /** {@return the probability of a sinc filter after the final resize} */
    public double finalSincProbability() {
        return finalSincProbability;
    }

    /** {@return the probability of a JPEG round trip after the final resize} */
    public double finalJpegProbability() {
        return finalJpegProbability;
    }

    /** {@return the range of the final JPEG's quality} */
    public IntRange finalJpegQuality() {
        return finalJpegQuality;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RealisticDamage && values.equals(((RealisticDamage) o).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RealisticDamage[");
        values.forEach((name, value) -> s.append(name).append('=').append(value).append(", "));
        s.setLength(s.length() - 2);
        return s.append(']').toString();
    }

    /**
     * Builds {@link RealisticDamage}. Setters only record; {@link #build()} checks every setting and names the one
     * that is out of range. Ranges are {@code (min, max)} pairs, {@code min == max} fixes a value. Not thread-safe.
     */
    public static final class Builder {
        private final int scale;
        private double cleanProbability;
        private IntRange kernelSize = new IntRange(7, 21);
        private final Map<Kernel, Double> kernelWeights = new EnumMap<>(Kernel.class);
        private Range generalisedBeta = new Range(0.5, 4);
        private Range plateauBeta = new Range(1, 2);
        private Range defocusRadius = new Range(0.5, 4);
        private Range motionLength = new Range(3, 15);
        private Range sincCutoff = new Range(Math.PI / 3, Math.PI);
        private double blurProbability = 0.8;
        private Range blurSigma;
        private double pixelateProbability;
        private Range pixelateFraction = new Range(0.3, 0.8);
        private double resizeProbability;
        private Range resizeFactor;
        private ResizeChances resizeChances = new ResizeChances(0.2, 0.7, 0.1);
        private double noiseProbability = 0.6;
        private Range noiseSigma;
        private double poissonProbability = 0.4;
        private Range poissonScale;
        private double greyNoiseProbability = 0.4;
        private double jpegProbability = 0.6;
        private IntRange jpegQuality = new IntRange(30, 95);
        private double secondOrderProbability;
        private double secondBlurProbability = 0.5;
        private Range secondBlurSigma;
        private double secondResizeProbability;
        private Range secondResizeFactor;
        private ResizeChances secondResizeChances = new ResizeChances(0.3, 0.4, 0.3);
        private double secondNoiseProbability = 0.5;
        private Range secondNoiseSigma;
        private Range secondPoissonScale;
        private double secondJpegProbability = 0.3;
        private IntRange secondJpegQuality = new IntRange(30, 95);
        private double finalSincProbability;
        private double finalJpegProbability;
        private IntRange finalJpegQuality = new IntRange(30, 95);

        private Builder(int scale) {
            this.scale = scale;
            kernelWeights.put(Kernel.ISOTROPIC_GAUSSIAN, 0.35);
            kernelWeights.put(Kernel.ANISOTROPIC_GAUSSIAN, 0.25);
            kernelWeights.put(Kernel.GENERALISED_GAUSSIAN, 0.12);
            kernelWeights.put(Kernel.PLATEAU, 0.10);
            kernelWeights.put(Kernel.DEFOCUS, 0.07);
            kernelWeights.put(Kernel.MOTION, 0.05);
            kernelWeights.put(Kernel.SINC, 0.06);
            boolean restore = scale == 1;
            cleanProbability = restore ? 0.05 : 0;
            blurSigma = restore ? new Range(0.2, 2) : new Range(0.2, 3);
            pixelateProbability = restore ? 0.05 : 0;
            resizeProbability = restore ? 0.5 : 1;
            resizeFactor = restore ? new Range(0.5, 1.2) : new Range(0.5, 1.5);
            // up to 30 at scale 1 too: the common denoising benchmarks use sigma 15, 25 and 50
            noiseSigma = new Range(1, 30);
            poissonScale = restore ? new Range(0.05, 2) : new Range(0.05, 3);
            secondOrderProbability = restore ? 0.3 : 0.5;
            secondBlurSigma = restore ? new Range(0.2, 1) : new Range(0.2, 1.5);
            secondResizeProbability = restore ? 0.5 : 1;
            secondResizeFactor = restore ? new Range(0.7, 1.2) : new Range(0.5, 1.2);
            secondNoiseSigma = restore ? new Range(1, 15) : new Range(1, 25);
            secondPoissonScale = restore ? new Range(0.05, 1.5) : new Range(0.05, 2.5);
            finalSincProbability = restore ? 0.1 : 0.2;
            finalJpegProbability = restore ? 0.5 : 0.7;
        }

        /**
         * Sets the probability of leaving the image undamaged (only resized to the output size).
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder cleanProbability(double p) {
            cleanProbability = p;
            return this;
        }

        /**
         * Sets the range of the side of Gaussian-family and sinc kernels, odd, in pixels.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder kernelSize(int min, int max) {
            kernelSize = new IntRange(min, max);
            return this;
        }

        /**
         * Sets the relative frequency of {@code kernel}; 0 never picks it. Weights need not sum to 1.
         *
         * @param kernel a kernel type
         * @param weight at least 0
         * @return this builder
         */
        public Builder kernelWeight(Kernel kernel, double weight) {
            kernelWeights.put(Objects.requireNonNull(kernel, "kernel"), weight);
            return this;
        }

        /**
         * Sets the range of the generalised Gaussian's shape {@code beta} in {@code exp(-q^beta / 2)}.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder generalisedBeta(double min, double max) {
            generalisedBeta = new Range(min, max);
            return this;
        }

        /**
         * Sets the range of the plateau kernel's shape {@code beta} in {@code 1 / (1 + q^beta)}.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder plateauBeta(double min, double max) {
            plateauBeta = new Range(min, max);
            return this;
        }

        /**
         * Sets the range of the defocus disk's radius, in pixels.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder defocusRadius(double min, double max) {
            defocusRadius = new Range(min, max);
            return this;
        }

        /**
         * Sets the range of the motion line's length, in pixels.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder motionLength(double min, double max) {
            motionLength = new Range(min, max);
            return this;
        }

        /**
         * Sets the range of the sinc kernel's cutoff, in radians per pixel.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder sincCutoff(double min, double max) {
            sincCutoff = new Range(min, max);
            return this;
        }

        /**
         * Sets the probability of a blur in the first pass.
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder blurProbability(double p) {
            blurProbability = p;
            return this;
        }

        /**
         * Sets the range of the first pass's Gaussian-family sigma (each axis), in pixels.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder blurSigma(double min, double max) {
            blurSigma = new Range(min, max);
            return this;
        }

        /**
         * Sets the probability of pixelation (area down, area up) in the first pass.
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder pixelateProbability(double p) {
            pixelateProbability = p;
            return this;
        }

        /**
         * Sets the range of the side fraction of the pixelation's small image.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder pixelateFraction(double min, double max) {
            pixelateFraction = new Range(min, max);
            return this;
        }

        /**
         * Sets the probability of a resize in the first pass.
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder resizeProbability(double p) {
            resizeProbability = p;
            return this;
        }

        /**
         * Sets the range of the first pass's resize factor, relative to the input size.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder resizeFactor(double min, double max) {
            resizeFactor = new Range(min, max);
            return this;
        }

        /**
         * Sets the chances that the first pass's resize enlarges, shrinks or keeps the size.
         *
         * @param up   the chance of enlarging
         * @param down the chance of shrinking
         * @param keep the chance of keeping the size; the three sum to 1
         * @return this builder
         */
        public Builder resizeChances(double up, double down, double keep) {
            resizeChances = new ResizeChances(up, down, keep);
            return this;
        }

        /**
         * Sets the probability of noise in the first pass.
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder noiseProbability(double p) {
            noiseProbability = p;
            return this;
        }

        /**
         * Sets the range of the first pass's Gaussian noise sigma, in 8-bit levels (multiples of 1/255).
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder noiseSigma(double min, double max) {
            noiseSigma = new Range(min, max);
            return this;
        }

        /**
         * Sets the probability that noise is Poisson rather than Gaussian (both passes).
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder poissonProbability(double p) {
            poissonProbability = p;
            return this;
        }

        /**
         * Sets the range of the first pass's Poisson noise strength.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder poissonScale(double min, double max) {
            poissonScale = new Range(min, max);
            return this;
        }

        /**
         * Sets the probability that noise is grey rather than colour (both passes).
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder greyNoiseProbability(double p) {
            greyNoiseProbability = p;
            return this;
        }

        /**
         * Sets the probability of a JPEG round trip in the first pass.
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder jpegProbability(double p) {
            jpegProbability = p;
            return this;
        }

        /**
         * Sets the range of the first pass's JPEG quality (ImageIO, quality / 100).
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder jpegQuality(int min, int max) {
            jpegQuality = new IntRange(min, max);
            return this;
        }

        /**
         * Sets the probability of running the second pass. 0 disables the second pass.
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder secondOrderProbability(double p) {
            secondOrderProbability = p;
            return this;
        }

        /**
         * Sets the probability of a blur in the second pass.
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder secondBlurProbability(double p) {
            secondBlurProbability = p;
            return this;
        }

        /**
         * Sets the range of the second pass's Gaussian-family sigma (each axis), in pixels.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder secondBlurSigma(double min, double max) {
            secondBlurSigma = new Range(min, max);
            return this;
        }

        /**
         * Sets the probability of a resize in the second pass.
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder secondResizeProbability(double p) {
            secondResizeProbability = p;
            return this;
        }

        /**
         * Sets the range of the second pass's resize factor, relative to the output size (not the current one).
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder secondResizeFactor(double min, double max) {
            secondResizeFactor = new Range(min, max);
            return this;
        }

        /**
         * Sets the chances that the second pass's resize enlarges, shrinks or keeps the size.
         *
         * @param up   the chance of enlarging
         * @param down the chance of shrinking
         * @param keep the chance of keeping the size; the three sum to 1
         * @return this builder
         */
        public Builder secondResizeChances(double up, double down, double keep) {
            secondResizeChances = new ResizeChances(up, down, keep);
            return this;
        }

        /**
         * Sets the probability of noise in the second pass.
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder secondNoiseProbability(double p) {
            secondNoiseProbability = p;
            return this;
        }

        /**
         * Sets the range of the second pass's Gaussian noise sigma, in 8-bit levels.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder secondNoiseSigma(double min, double max) {
            secondNoiseSigma = new Range(min, max);
            return this;
        }

        /**
         * Sets the range of the second pass's Poisson noise strength.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder secondPoissonScale(double min, double max) {
            secondPoissonScale = new Range(min, max);
            return this;
        }

        /**
         * Sets the probability of a JPEG round trip in the second pass.
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder secondJpegProbability(double p) {
            secondJpegProbability = p;
            return this;
        }

        /**
         * Sets the range of the second pass's JPEG quality.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder secondJpegQuality(int min, int max) {
            secondJpegQuality = new IntRange(min, max);
            return this;
        }

        /**
         * Sets the probability of a sinc filter after the final resize.
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder finalSincProbability(double p) {
            finalSincProbability = p;
            return this;
        }

        /**
         * Sets the probability of a JPEG round trip after the final resize.
         *
         * @param p a probability, 0..1
         * @return this builder
         */
        public Builder finalJpegProbability(double p) {
            finalJpegProbability = p;
            return this;
        }

        /**
         * Sets the range of the final JPEG's quality.
         *
         * @param min the smallest value
         * @param max the largest value; equal to {@code min} to fix the value
         * @return this builder
         */
        public Builder finalJpegQuality(int min, int max) {
            finalJpegQuality = new IntRange(min, max);
            return this;
        }

        /**
         * Checks every setting and builds the settings.
         *
         * @return the immutable settings
         * @throws IllegalArgumentException naming the first setting out of its allowed range, and that range
         */
        public RealisticDamage build() {
            probability("cleanProbability", cleanProbability);
            if (kernelSize.min() % 2 == 0 || kernelSize.max() % 2 == 0 || kernelSize.min() < 3
                    || kernelSize.min() > kernelSize.max() || kernelSize.max() > 41) {
                throw new IllegalArgumentException("kernelSize must be odd with 3 <= min <= max <= 41, got "
                        + kernelSize);
            }
            double weights = 0;
            for (Map.Entry<Kernel, Double> e : kernelWeights.entrySet()) {
                double w = e.getValue();
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("kernelWeight of " + e.getKey()
                            + " must be at least 0 and finite, got " + w);
                }
                weights += w;
            }
            if (weights == 0) {
                throw new IllegalArgumentException("kernelWeight must be positive for at least one kernel type,"
                        + " got all 0 (set blurProbability and secondBlurProbability to 0 to disable blur)");
            }
            positiveRange("generalisedBeta", generalisedBeta, 10);
            positiveRange("plateauBeta", plateauBeta, 10);
            positiveRange("defocusRadius", defocusRadius, 16);
            range("motionLength", motionLength, 1, 41);
            if (!(sincCutoff.min() > 0 && sincCutoff.min() <= sincCutoff.max() && sincCutoff.max() <= Math.PI)) {
                throw new IllegalArgumentException("sincCutoff must satisfy 0 < min <= max <= pi (radians per pixel),"
                        + " got " + sincCutoff);
            }
            probability("blurProbability", blurProbability);
            positiveRange("blurSigma", blurSigma, 20);
            probability("pixelateProbability", pixelateProbability);
            positiveRange("pixelateFraction", pixelateFraction, 1);
            probability("resizeProbability", resizeProbability);
            resizeFactor("resizeFactor", resizeFactor);
            chances("resizeChances", resizeChances);
            probability("noiseProbability", noiseProbability);
            range("noiseSigma", noiseSigma, 0, 255);
            probability("poissonProbability", poissonProbability);
            range("poissonScale", poissonScale, 0, 20);
            probability("greyNoiseProbability", greyNoiseProbability);
            probability("jpegProbability", jpegProbability);
            quality("jpegQuality", jpegQuality);
            probability("secondOrderProbability", secondOrderProbability);
            probability("secondBlurProbability", secondBlurProbability);
            positiveRange("secondBlurSigma", secondBlurSigma, 20);
            probability("secondResizeProbability", secondResizeProbability);
            resizeFactor("secondResizeFactor", secondResizeFactor);
            chances("secondResizeChances", secondResizeChances);
            probability("secondNoiseProbability", secondNoiseProbability);
            range("secondNoiseSigma", secondNoiseSigma, 0, 255);
            range("secondPoissonScale", secondPoissonScale, 0, 20);
            probability("secondJpegProbability", secondJpegProbability);
            quality("secondJpegQuality", secondJpegQuality);
            probability("finalSincProbability", finalSincProbability);
            probability("finalJpegProbability", finalJpegProbability);
            quality("finalJpegQuality", finalJpegQuality);
            return new RealisticDamage(this);
        }

        private static void probability(String name, double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
            }
        }

        private static void positiveRange(String name, Range r, double max) {
            if (!(r.min() > 0 && r.min() <= r.max() && r.max() <= max)) {
                throw new IllegalArgumentException(name + " must satisfy 0 < min <= max <= " + number(max) + ", got "
                        + r);
            }
        }

        private static void range(String name, Range r, double min, double max) {
            if (!(r.min() >= min && r.min() <= r.max() && r.max() <= max)) {
                throw new IllegalArgumentException(name + " must satisfy " + number(min) + " <= min <= max <= "
                        + number(max) + ", got " + r);
            }
        }

        private static String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }

        private static void resizeFactor(String name, Range r) {
            if (!(r.min() > 0 && r.min() <= 1 && r.max() >= 1 && r.max() <= 4)) {
                throw new IllegalArgumentException(name + " must satisfy 0 < min <= 1 <= max <= 4, got " + r);
            }
        }

        private static void chances(String name, ResizeChances c) {
            boolean each = c.up() >= 0 && c.down() >= 0 && c.keep() >= 0;
            if (!each || !(Math.abs(c.up() + c.down() + c.keep() - 1) <= 1e-6)) {
                throw new IllegalArgumentException(name + " (up, down, keep) must each be at least 0 and sum to 1,"
                        + " got " + c.up() + ", " + c.down() + ", " + c.keep());
            }
        }

        private static void quality(String name, IntRange q) {
            if (q.min() < 1 || q.min() > q.max() || q.max() > 100) {
                throw new IllegalArgumentException(name + " must satisfy 1 <= min <= max <= 100, got " + q);
            }
        }
    }
}
