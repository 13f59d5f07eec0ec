package io.github.enhance4j.image;

import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * See {@link Degradation#realistic(RealisticDamage)}; the steps and their settings are described on
 * {@link RealisticDamage}.
 *
 * <p>Every decision is drawn from the caller's {@link Random}, whether or not its probability is 0 or 1, so that
 * switching one step off does not reshuffle the others; per-pixel noise comes from a {@link SplittableRandom} seeded
 * from it. The colour planes are damaged on their own; alpha, if any, is area-resized to the output size at the
 * end, since nothing in a photograph blurs or compresses transparency.
 */
final class RealisticDegradation implements Degradation {

    /** The resize methods drawn from, as in Real-ESRGAN (area, bilinear, bicubic). */
    private static final Resampler[] RESIZERS = {Resampler.AREA, Resampler.BILINEAR, Resampler.BICUBIC};
    /** Resize methods of the clean path for super-resolution: the standard bicubic, or area. */
    private static final Resampler[] CLEAN_RESIZERS = {Resampler.BICUBIC, Resampler.AREA};
    /** How often generalised-Gaussian and plateau kernels are anisotropic (Real-ESRGAN: 0.03 of 0.15). */
    private static final double ANISOTROPIC_SHAPE_PROBABILITY = 0.2;
    /** The smallest side any intermediate image is resized to. */
    private static final int MIN_SIDE = 2;

    private final RealisticDamage settings;
    private final RealisticDamage.Kernel[] kernels = RealisticDamage.Kernel.values();
    private final double[] cumulativeKernelWeights;

    RealisticDegradation(RealisticDamage settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        cumulativeKernelWeights = new double[kernels.length];
        double sum = 0;
        for (int i = 0; i < kernels.length; i++) {
            sum += settings.kernelWeight(kernels[i]);
            cumulativeKernelWeights[i] = sum;
        }
    }

    @Override
    public FloatImage apply(FloatImage image, Random random) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(random, "random");
        int scale = settings.scale();
        int width = image.width();
        int height = image.height();
        if (width % scale != 0 || height % scale != 0) {
            throw new IllegalArgumentException("realistic damage at scale " + scale + " needs a width and height that"
                    + " are multiples of " + scale + " (crop the image first), got " + width + "x" + height);
        }
        int outWidth = width / scale;
        int outHeight = height / scale;
        // a view of the colour planes: no step writes into its input, so the caller's image stays untouched
        FloatImage colour = new FloatImage(width, height, image.channels(), image.colorData(), null);
        FloatImage out;
        if (chance(random, settings.cleanProbability())) {
            Resampler resampler = CLEAN_RESIZERS[random.nextInt(CLEAN_RESIZERS.length)];
            out = scale == 1 ? colour.copy() : resampler.resize(colour, outWidth, outHeight);
        } else {
            out = firstPass(colour, random);
            if (chance(random, settings.secondOrderProbability())) {
                out = secondPass(out, outWidth, outHeight, random);
            }
            out = finish(out, outWidth, outHeight, random);
        }
        if (out.colorData() == image.colorData()) {
            // nothing was drawn: the result must still be a new image
            out = out.copy();
        }
        out.clamp();
        if (!image.hasAlpha()) {
            return out;
        }
        float[] alpha;
        if (scale == 1) {
            alpha = image.alphaData().clone();
        } else {
            alpha = new float[outWidth * outHeight];
            Resampler.AREA.resizePlane(image.alphaData(), width, height, alpha, outWidth, outHeight);
            FloatImage.clamp(alpha);
        }
        return new FloatImage(outWidth, outHeight, out.channels(), out.colorData(), alpha);
    }

    private FloatImage firstPass(FloatImage image, Random random) {
        FloatImage out = image;
        if (chance(random, settings.blurProbability())) {
            out = blurKernel(settings.blurSigma(), random).apply(out);
        }
        if (chance(random, settings.pixelateProbability())) {
            out = new PixelateDegradation(uniform(random, settings.pixelateFraction())).apply(out, random);
        }
        if (chance(random, settings.resizeProbability())) {
            out = resize(out, image.width(), image.height(), settings.resizeFactor(), settings.resizeChances(),
                    random);
        }
        if (chance(random, settings.noiseProbability())) {
            out = noise(out, settings.noiseSigma(), settings.poissonScale(), random);
        }
        if (chance(random, settings.jpegProbability())) {
            out = jpeg(out, settings.jpegQuality(), random);
        }
        return out;
    }

    private FloatImage secondPass(FloatImage image, int outWidth, int outHeight, Random random) {
        FloatImage out = image;
        if (chance(random, settings.secondBlurProbability())) {
            out = blurKernel(settings.secondBlurSigma(), random).apply(out);
        }
        if (chance(random, settings.secondResizeProbability())) {
            out = resize(out, outWidth, outHeight, settings.secondResizeFactor(), settings.secondResizeChances(),
                    random);
        }
        if (chance(random, settings.secondNoiseProbability())) {
            out = noise(out, settings.secondNoiseSigma(), settings.secondPoissonScale(), random);
        }
        if (chance(random, settings.secondJpegProbability())) {
            out = jpeg(out, settings.secondJpegQuality(), random);
        }
        return out;
    }

    /** The final resize, then a sinc filter and a JPEG (each by chance) in random order, as Real-ESRGAN does. */
    private FloatImage finish(FloatImage image, int outWidth, int outHeight, Random random) {
        Resampler resampler = RESIZERS[random.nextInt(RESIZERS.length)];
        FloatImage out = image.width() == outWidth && image.height() == outHeight ? image
                : resampler.resize(image, outWidth, outHeight);
        boolean sinc = chance(random, settings.finalSincProbability());
        boolean jpeg = chance(random, settings.finalJpegProbability());
        boolean sincFirst = random.nextBoolean();
        if (sinc && sincFirst) {
            out = sinc(random).apply(out);
        }
        if (jpeg) {
            out = jpeg(out, settings.finalJpegQuality(), random);
        }
        if (sinc && !sincFirst) {
            out = sinc(random).apply(out);
        }
        return out;
    }

    /** A random kernel: type by weight, then its size and shape; sigmas from {@code sigma}. */
    BlurKernel blurKernel(RealisticDamage.Range sigma, Random random) {
        RealisticDamage.Kernel type = pickKernel(random);
        switch (type) {
            case ISOTROPIC_GAUSSIAN:
                return BlurKernel.isotropicGaussian(kernelSize(random), uniform(random, sigma));
            case ANISOTROPIC_GAUSSIAN:
                return BlurKernel.anisotropicGaussian(kernelSize(random), uniform(random, sigma),
                        uniform(random, sigma), Math.PI * random.nextDouble());
            case GENERALISED_GAUSSIAN:
            case PLATEAU: {
                int size = kernelSize(random);
                double sigmaX = uniform(random, sigma);
                double sigmaY = sigmaX;
                double angle = 0;
                if (chance(random, ANISOTROPIC_SHAPE_PROBABILITY)) {
                    sigmaY = uniform(random, sigma);
                    angle = Math.PI * random.nextDouble();
                }
                return type == RealisticDamage.Kernel.PLATEAU
                        ? BlurKernel.plateau(size, sigmaX, sigmaY, angle, uniform(random, settings.plateauBeta()))
                        : BlurKernel.generalisedGaussian(size, sigmaX, sigmaY, angle,
                                uniform(random, settings.generalisedBeta()));
            }
            case DEFOCUS:
                return BlurKernel.defocus(uniform(random, settings.defocusRadius()));
            case MOTION:
                return BlurKernel.motion(uniform(random, settings.motionLength()), Math.PI * random.nextDouble());
            case SINC:
                return sinc(random);
            default:
                throw new AssertionError(type);
        }
    }

    private RealisticDamage.Kernel pickKernel(Random random) {
        double u = random.nextDouble() * cumulativeKernelWeights[kernels.length - 1];
        for (int i = 0; i < kernels.length; i++) {
            // a zero weight repeats the previous cumulative sum, so "u <" never lands on it
            if (u < cumulativeKernelWeights[i]) {
                return kernels[i];
            }
        }
        // u equal to the total through rounding: the last kernel with a positive weight
        for (int i = kernels.length - 1; ; i--) {
            if (settings.kernelWeight(kernels[i]) > 0) {
                return kernels[i];
            }
        }
    }

    private BlurKernel sinc(Random random) {
        return BlurKernel.sinc(kernelSize(random), uniform(random, settings.sincCutoff()));
    }

    private int kernelSize(Random random) {
        RealisticDamage.IntRange size = settings.kernelSize();
        return size.min() + 2 * random.nextInt((size.max() - size.min()) / 2 + 1);
    }

    /**
     * Resizes relative to {@code refWidth x refHeight}: up, down or the reference size by {@code chances}, by a
     * factor from {@code factor}, with a random method; no side below {@link #MIN_SIDE}.
     */
    private static FloatImage resize(FloatImage image, int refWidth, int refHeight, RealisticDamage.Range factor,
                                     RealisticDamage.ResizeChances chances, Random random) {
        double u = random.nextDouble();
        double f;
        if (u < chances.up()) {
            f = 1 + (factor.max() - 1) * random.nextDouble();
        } else if (u < chances.up() + chances.down()) {
            f = factor.min() + (1 - factor.min()) * random.nextDouble();
        } else {
            f = 1;
        }
        Resampler resampler = RESIZERS[random.nextInt(RESIZERS.length)];
        int w = Math.max(MIN_SIDE, (int) Math.round(refWidth * f));
        int h = Math.max(MIN_SIDE, (int) Math.round(refHeight * f));
        return w == image.width() && h == image.height() ? image : resampler.resize(image, w, h);
    }

    private FloatImage noise(FloatImage image, RealisticDamage.Range sigma, RealisticDamage.Range poissonScale,
                             Random random) {
        boolean poisson = chance(random, settings.poissonProbability());
        boolean grey = chance(random, settings.greyNoiseProbability());
        double strength = poisson ? uniform(random, poissonScale) : uniform(random, sigma) / 255;
        SplittableRandom pixels = new SplittableRandom(random.nextLong());
        return poisson ? SensorNoise.poisson(image, strength, grey, pixels)
                : SensorNoise.gaussian(image, strength, grey, pixels);
    }

    private static FloatImage jpeg(FloatImage image, RealisticDamage.IntRange quality, Random random) {
        int q = quality.min() + random.nextInt(quality.max() - quality.min() + 1);
        return new JpegDegradation(q).apply(image, random);
    }

    private static boolean chance(Random random, double probability) {
        return random.nextDouble() < probability;
    }

    private static double uniform(Random random, RealisticDamage.Range range) {
        return range.min() + (range.max() - range.min()) * random.nextDouble();
    }

    @Override
    public String toString() {
        return settings.equals(RealisticDamage.defaults(settings.scale())) ? "realistic(" + settings.scale() + ")"
                : "realistic(" + settings + ")";
    }
}
