package io.github.enhance4j.training.data;

import io.github.enhance4j.ImageReadException;
import io.github.enhance4j.TrainingData;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.image.Pixels;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Training data from encoded images (as {@link ImageArchive} reads them), split into training and validation and
 * decoded on demand.
 *
 * <p><b>Split.</b> The images are permuted exactly as NumPy's {@code RandomState(seed).permutation(n)} does; the
 * first {@code floor(n * validationFraction)} of the permutation are the validation images, the rest the training
 * images (both in permutation order). This is what the seed recipe's PyTorch reference does, so with LFW sorted
 * by name, fraction 0.1 and seed 32, both pick the same 1,323 validation images out of 13,233. The split depends
 * only on the list's order, the fraction and the seed.
 *
 * <p><b>Decoding.</b> Each access decodes the image with {@link ImageFiles#read(InputStream, String, long)},
 * converts it with {@link Pixels#read(BufferedImage)} and applies the optional transform, for example the seed
 * recipe's nearest resize to 80x80. Nothing is decoded at construction: an
 * image that cannot be decoded raises an {@link ImageReadException} naming the entry when it is reached. An
 * optional cache keeps decoded (transformed) images up to a byte budget, least recently used evicted first;
 * LFW at 80x80 takes 13,233 x 76,800 bytes, about 1 GB, so the caller chooses.
 *
 * <p>Thread-safe: images may be read from several threads at once; each call returns a new image that the caller
 * owns. The transform must be thread-safe too.
 */
public final class ImageDataset implements TrainingData {

    private final List<EncodedImage> training;
    private final List<EncodedImage> validation;
    private final UnaryOperator<FloatImage> transform;
    private final long maxPixels;
    private final DecodedCache cache;
    private final long seed;

    private ImageDataset(Builder builder) {
        List<EncodedImage> images = builder.images;
        int validationCount = (int) Math.floor(images.size() * builder.validationFraction);
        if (images.size() - validationCount < 1) {
            throw new IllegalArgumentException("no training images left: " + images.size() + " images with"
                    + " validation fraction " + builder.validationFraction);
        }
        int[] order = NumpyPermutation.of(images.size(), builder.seed);
        List<EncodedImage> v = new ArrayList<>(validationCount);
        List<EncodedImage> t = new ArrayList<>(images.size() - validationCount);
        for (int i = 0; i < order.length; i++) {
            (i < validationCount ? v : t).add(images.get(order[i]));
        }
        this.training = List.copyOf(t);
        this.validation = List.copyOf(v);
        this.transform = builder.transform;
        this.maxPixels = builder.maxPixels;
        this.cache = builder.cacheBytes > 0 ? new DecodedCache(builder.cacheBytes) : null;
        this.seed = builder.seed;
    }

    /** Starts a data set over {@code images}, which must not be empty; the list is copied, the bytes are not. */
    public static Builder builder(List<EncodedImage> images) {
        return new Builder(images);
    }

    @Override
    public int trainingSize() {
        return training.size();
    }

    @Override
    public FloatImage trainingImage(int index) {
        return image(index, training.get(index));
    }

    @Override
    public int validationSize() {
        return validation.size();
    }

    @Override
    public FloatImage validationImage(int index) {
        return image(training.size() + index, validation.get(index));
    }

    /** The encoded training image {@code index}, e.g. for its name. */
    public EncodedImage trainingEntry(int index) {
        return training.get(index);
    }

    /** The encoded validation image {@code index}, e.g. for its name. */
    public EncodedImage validationEntry(int index) {
        return validation.get(index);
    }

    /** The bytes of decoded images held in the cache now; 0 without a cache. */
    public long cachedBytes() {
        return cache == null ? 0 : cache.bytes();
    }

    private FloatImage image(int key, EncodedImage entry) {
        if (cache != null) {
            FloatImage cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        FloatImage image = decode(entry);
        if (cache != null) {
            cache.put(key, image);
        }
        return image;
    }

    private FloatImage decode(EncodedImage entry) {
        BufferedImage buffered;
        try (InputStream in = entry.open()) {
            buffered = ImageFiles.read(in, entry.name(), maxPixels);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayInputStream does not fail
        }
        FloatImage image = Pixels.read(buffered);
        if (transform != null) {
            image = Objects.requireNonNull(transform.apply(image), () -> "the transform returned null for "
                    + entry.name());
        }
        return image;
    }

    @Override
    public String toString() {
        return "ImageDataset[training=" + training.size() + ", validation=" + validation.size() + ", seed=" + seed
                + (cache == null ? "" : ", cached=" + cache.size()) + "]";
    }

    /** Settings for an {@link ImageDataset}; defaults are the seed recipe's split (0.1, seed 32), no transform. */
    public static final class Builder {

        private final List<EncodedImage> images;
        private double validationFraction = 0.1;
        private long seed = 32;
        private UnaryOperator<FloatImage> transform;
        private long cacheBytes;
        private long maxPixels = ImageFiles.defaultMaxPixels();

        private Builder(List<EncodedImage> images) {
            this.images = List.copyOf(Objects.requireNonNull(images, "images"));
            if (this.images.isEmpty()) {
                throw new IllegalArgumentException("no images: an ImageDataset needs at least one");
            }
        }

        /** The share of images held out for validation, 0 (inclusive) to 1 (exclusive); default 0.1. */
        public Builder validationFraction(double fraction) {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
            }
            this.validationFraction = fraction;
            return this;
        }

        /** The split's seed, 0 to 2<sup>32</sup> - 1 as NumPy accepts; default 32. */
        public Builder seed(long seed) {
            if (seed < 0 || seed > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("seed must be 0 to 4294967295, got " + seed);
            }
            this.seed = seed;
            return this;
        }

        /** Applied to every decoded image, e.g. a resize; {@code null} for none. Must be thread-safe. */
        public Builder transform(UnaryOperator<FloatImage> transform) {
            this.transform = transform;
            return this;
        }

        /** Budget in bytes for decoded, transformed images kept in memory; 0 (default) for no cache. */
        public Builder cacheBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("cache budget must not be negative, got " + bytes);
            }
            this.cacheBytes = bytes;
            return this;
        }

        /** The pixel limit per decoded image (decompression bombs); default {@link ImageFiles#defaultMaxPixels()}. */
        public Builder maxPixels(long maxPixels) {
            if (maxPixels < 1) {
                throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
            }
            this.maxPixels = maxPixels;
            return this;
        }

        public ImageDataset build() {
            return new ImageDataset(this);
        }
    }
}
