package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.TrainingData;
import io.github.enhance4j.image.Degradation;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.SrEvaluation;
import io.github.enhance4j.image.YCbCr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes training pairs (damaged input, clean target) from clean images with the configured degradation. A pair is a
 * pure function of (seed, epoch, position in the epoch), so batches can be made on other threads, in any order,
 * and a resumed run sees exactly the batches an uninterrupted one would. Thread-safe.
 *
 * <p>With a patch size, a random crop of {@code patch} target pixels (rounded down to a multiple of the scale) is
 * taken and flipped at random horizontally and vertically, as is usual for super-resolution training; without one,
 * whole images are used as they are (the seed recipe), cropped to a multiple of the scale. An image smaller than
 * the patch is replaced by the next large-enough one (logged once per image), so that one small picture in a large
 * set does not stop a long run. With {@link TrainingConfig#augment()} the patch is cut at a random zoom instead
 * ({@link Augmentation#zoomedPatch}), whole images are varied by {@link Augmentation#apply}.
 *
 * <p>Every image is brought to the network's colour channels first: a grey picture in a colour set (a black-and-white
 * photo among colour ones) trains an RGB network as R = G = B, and a colour picture trains a grey network as its
 * BT.601 luma, so that one such file neither stops a run nor makes a batch of mixed shapes.
 */
final class PairSource {

    private static final Logger LOG = LoggerFactory.getLogger(PairSource.class);

    /** A batch as NCHW float arrays. */
    record Batch(int size, int channels, int inH, int inW, float[] input, int outH, int outW, float[] target) {
    }

    /** One damaged/clean pair. */
    record Pair(FloatImage input, FloatImage target) {
    }

    private final TrainingData data;
    private final Degradation degradation;
    private final String degradationSpec;
    private final int scale;
    /** Validation images are cropped to multiples of this (the scale times the network's size multiple). */
    private final int validationMultiple;
    private final int patch;
    private final long seed;
    private final boolean augment;
    /** The network's colour channels, 1 or 3: every image is converted to them ({@link #toChannels}). */
    private final int channels;
    private final Set<Integer> warnedSmall = ConcurrentHashMap.newKeySet();
    /** How many too-small images are logged as warnings; the rest are logged at debug level. */
    static final int SMALL_WARNINGS = 3;
    private final AtomicInteger smallWarnings = new AtomicInteger();

    PairSource(TrainingData data, TrainingConfig config) {
        this(data, config, 1, 3);
    }

    /**
     * @param sizeMultiple what the network's input sides must be multiples of (validation images are cropped)
     * @param channels     the network's colour channels, 1 (grey) or 3 (RGB)
     */
    PairSource(TrainingData data, TrainingConfig config, int sizeMultiple, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
        this.data = data;
        this.channels = channels;
        this.validationMultiple = config.scale() * sizeMultiple;
        this.degradationSpec = config.degradation();
        this.degradation = Degradation.parse(config.degradation());
        this.scale = config.scale();
        this.patch = config.patchSize() / config.scale() * config.scale();
        this.seed = config.seed();
        this.augment = config.augment();
        if (config.patchSize() > 0 && patch == 0) {
            throw new IllegalArgumentException("patch size " + config.patchSize() + " is smaller than the scale "
                    + scale);
        }
    }

    static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long v : values) {
            h ^= v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }

    /** The images of one batch: {@code indices} are training-image numbers, {@code first} the epoch position. */
    Batch batch(int epoch, int first, int[] indices) {
        Pair[] pairs = new Pair[indices.length];
        for (int i = 0; i < indices.length; i++) {
            pairs[i] = trainingPair(indices[i], new Random(mix(seed, epoch, first + i)));
        }
        return stack(pairs);
    }

    Pair trainingPair(int index, Random random) {
        FloatImage clean = prepared(data.trainingImage(index));
        if (patch > 0) {
            int n = data.trainingSize();
            int used = index;
            for (int k = 1; (clean.width() < patch || clean.height() < patch) && k < n; k++) {
                // too small for a patch: the next large-enough image stands in for it (a pure function of index)
                warnSmall(used, clean);
                used = (index + k) % n;
                clean = prepared(data.trainingImage(used));
            }
            if (clean.width() < patch || clean.height() < patch) {
                throw new IllegalArgumentException("no training image is at least " + patch + "x" + patch
                        + " pixels (one is " + clean.width() + "x" + clean.height() + "); use a smaller patch size");
            }
            clean = augment ? Augmentation.zoomedPatch(clean, patch, random)
                    : crop(clean, random.nextInt(clean.width() - patch + 1),
                            random.nextInt(clean.height() - patch + 1), patch, random.nextBoolean(),
                            random.nextBoolean());
        } else if (augment) {
            clean = Augmentation.apply(clean, random);
        }
        return pair(clean, random);
    }

    private void warnSmall(int index, FloatImage image) {
        if (!warnedSmall.add(index)) {
            return;
        }
        // a data set repeated 30 times has 30 numbers per small picture: a few warnings say it, the rest go to debug
        int count = smallWarnings.incrementAndGet();
        if (count <= SMALL_WARNINGS) {
            LOG.warn("training image {} is {}x{}, smaller than the {}x{} patch; another image is used in its place{}",
                    index, image.width(), image.height(), patch, patch,
                    count == SMALL_WARNINGS ? " (further such images are logged at debug level)" : "");
        } else {
            LOG.debug("training image {} is {}x{}, smaller than the {}x{} patch; another image is used in its place",
                    index, image.width(), image.height(), patch, patch);
        }
    }

    /** Validation pair {@code index}: whole image, damage drawn from a fixed generator. */
    Pair validationPair(int index) {
        FloatImage clean = SrEvaluation.modcrop(toChannels(data.validationImage(index).withoutAlpha(), channels),
                validationMultiple);
        return pair(clean, new Random(mix(seed, -1, index)));
    }

    private FloatImage prepared(FloatImage image) {
        return SrEvaluation.modcrop(toChannels(image.withoutAlpha(), channels), scale);
    }

    /** {@code image} with {@code channels} colour planes: grey copied to R, G and B, or colour reduced to luma. */
    static FloatImage toChannels(FloatImage image, int channels) {
        if (image.channels() == channels) {
            return image;
        }
        if (channels == 1) {
            return new FloatImage(image.width(), image.height(), 1, YCbCr.luma(image), null);
        }
        int plane = image.width() * image.height();
        float[] rgb = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(image.colorData(), 0, rgb, c * plane, plane);
        }
        return new FloatImage(image.width(), image.height(), 3, rgb, null);
    }

    private Pair pair(FloatImage clean, Random random) {
        FloatImage damaged = degradation.apply(clean, random);
        if (damaged.width() * scale != clean.width() || damaged.height() * scale != clean.height()) {
            throw new IllegalArgumentException("degradation '" + degradationSpec + "' turns a " + clean.width() + "x"
                    + clean.height() + " image into " + damaged.width() + "x" + damaged.height() + ", but scale "
                    + scale + " needs inputs 1/" + scale + " of the target's size (use bicubic:" + scale
                    + " for super-resolution, pixelate/blur/noise/jpeg for scale 1)");
        }
        return new Pair(damaged, clean);
    }

    static Batch stack(Pair... pairs) {
        FloatImage in0 = pairs[0].input();
        FloatImage out0 = pairs[0].target();
        int c = in0.channels();
        int inPlane = c * in0.width() * in0.height();
        int outPlane = c * out0.width() * out0.height();
        float[] input = new float[pairs.length * inPlane];
        float[] target = new float[pairs.length * outPlane];
        for (int i = 0; i < pairs.length; i++) {
            FloatImage in = pairs[i].input();
            FloatImage out = pairs[i].target();
            if (in.width() != in0.width() || in.height() != in0.height() || in.channels() != c) {
                throw new IllegalArgumentException("training images differ in size (" + in0.width() + "x"
                        + in0.height() + " and " + in.width() + "x" + in.height() + " inputs in one batch); set a"
                        + " patch size to train on random crops, or resize the images to one size");
            }
            System.arraycopy(in.colorData(), 0, input, i * inPlane, inPlane);
            System.arraycopy(out.colorData(), 0, target, i * outPlane, outPlane);
        }
        return new Batch(pairs.length, c, in0.height(), in0.width(), input, out0.height(), out0.width(), target);
    }

    private static FloatImage crop(FloatImage image, int x0, int y0, int size, boolean flipX, boolean flipY) {
        FloatImage out = new FloatImage(size, size, image.channels(), false);
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < size; y++) {
                int sy = y0 + (flipY ? size - 1 - y : y);
                for (int x = 0; x < size; x++) {
                    out.set(c, x, y, image.get(c, x0 + (flipX ? size - 1 - x : x), sy));
                }
            }
        }
        return out;
    }
}
