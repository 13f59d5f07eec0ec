package io.github.enhance4j;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a model is loaded and run. Immutable and thread-safe; build one with {@link #builder()}, or use
 * {@link #defaults()}. Every setting is fixed before the model is loaded, so nothing can be "set too late".
 *
 * <pre>{@code
 * EnhanceOptions options = EnhanceOptions.builder()
 *         .device(Device.AUTO)
 *         .tileSize(256)
 *         .build();
 * }</pre>
 */
public final class EnhanceOptions {

    /** Default tile edge in input pixels. */
    public static final int DEFAULT_TILE_SIZE = 512;
    /** Default overlap between neighbouring tiles in input pixels. */
    public static final int DEFAULT_TILE_OVERLAP = 16;

    private static final EnhanceOptions DEFAULTS = builder().build();

    private final String backend;
    private final Device device;
    private final int threads;
    private final int tileSize;
    private final int tileOverlap;
    private final int tilesPerBatch;
    private final double outscale;
    private final long maxPixels;
    private final Map<String, String> backendOptions;

    private EnhanceOptions(Builder b) {
        this.backend = b.backend;
        this.device = b.device;
        this.threads = b.threads;
        this.tileSize = b.tileSize;
        this.tileOverlap = b.tileOverlap;
        this.tilesPerBatch = b.tilesPerBatch;
        this.outscale = b.outscale;
        this.maxPixels = b.maxPixels;
        this.backendOptions = Collections.unmodifiableMap(new TreeMap<>(b.backendOptions));
        if (tileOverlap * 2 >= tileSize) {
            throw new IllegalArgumentException("tileOverlap (" + tileOverlap + ") must be less than half of tileSize ("
                    + tileSize + ")");
        }
    }

    /** {@return the default options: automatic backend and device, 512-pixel tiles, the model's own scale} */
    public static EnhanceOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a new builder, initialised with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with these options, to derive a variant} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.backend = backend;
        b.device = device;
        b.threads = threads;
        b.tileSize = tileSize;
        b.tileOverlap = tileOverlap;
        b.tilesPerBatch = tilesPerBatch;
        b.outscale = outscale;
        b.maxPixels = maxPixels;
        b.backendOptions.putAll(backendOptions);
        return b;
    }

    /** {@return the backend asked for by name; empty means "choose automatically" (see {@link Enhancer#load})} */
    public Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    /** {@return where the model runs} */
    public Device device() {
        return device;
    }

    /** {@return the threads a backend may use for one inference call; 0 means the backend's default (all cores)} */
    public int threads() {
        return threads;
    }

    /** {@return the tile edge in input pixels; a model with a fixed input size overrides it} */
    public int tileSize() {
        return tileSize;
    }

    /**
     * The overlap between neighbouring tiles in input pixels, blended so that no seams show. A quarter of it (rounded
     * up to the model's size multiple) is also the margin of the image's own mirror image given to the network around
     * the edges, so that they see picture rather than zero padding; 0 turns both off, and with them the wider left and
     * top margin that puts the blocks of a picture cropped after JPEG compression where a network that pools saw
     * JPEG blocks in training.
     *
     * @return the overlap in input pixels
     */
    public int tileOverlap() {
        return tileOverlap;
    }

    /** {@return how many tiles are sent to the backend in one batch} */
    public int tilesPerBatch() {
        return tilesPerBatch;
    }

    /**
     * {@return the final scale factor relative to the input, or empty for the model's own scale} Scale-1 models get
     * their input enlarged to that size first (bicubic); super-resolution models have their output resized
     * (Lanczos).
     */
    public Optional<Double> outscale() {
        return Double.isNaN(outscale) ? Optional.empty() : Optional.of(outscale);
    }

    /**
     * {@return the largest image, in pixels, that {@link Enhancer#enhance(java.nio.file.Path, java.nio.file.Path)}
     * decodes}
     */
    public long maxPixels() {
        return maxPixels;
    }

    /** {@return the backend-specific settings (documented by each backend), e.g. {@code optimization=all} for ONNX} */
    public Map<String, String> backendOptions() {
        return backendOptions;
    }

    @Override
    public String toString() {
        return "EnhanceOptions[backend=" + (backend == null ? "auto" : backend) + ", device=" + device
                + ", threads=" + threads + ", tileSize=" + tileSize + ", tileOverlap=" + tileOverlap
                + ", tilesPerBatch=" + tilesPerBatch + ", outscale=" + (Double.isNaN(outscale) ? "model" : outscale)
                + ", maxPixels=" + maxPixels + ", backendOptions=" + backendOptions + "]";
    }

    /** Builds {@link EnhanceOptions}; each setter validates its argument at once. Not thread-safe. */
    public static final class Builder {
        private String backend;
        private Device device = Device.AUTO;
        private int threads;
        private int tileSize = DEFAULT_TILE_SIZE;
        private int tileOverlap = DEFAULT_TILE_OVERLAP;
        private int tilesPerBatch = 1;
        private double outscale = Double.NaN;
        private long maxPixels = defaultMaxPixels();
        private final Map<String, String> backendOptions = new TreeMap<>();

        private Builder() {
        }

        /**
         * Chooses a backend by name; {@code null} or blank chooses automatically.
         *
         * @param name {@code "onnx"}, {@code "dl4j"} or another installed backend's name, case-insensitive
         * @return this builder
         */
        public Builder backend(String name) {
            this.backend = name == null || name.isBlank() ? null : name.trim().toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * Sets where the model runs.
         *
         * @param device {@link Device#AUTO} (the default), {@link Device#CPU} or {@link Device#cuda(int)}
         * @return this builder
         */
        public Builder device(Device device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * Sets the threads a backend may use for one inference call.
         *
         * @param threads a positive number, or 0 (the default) for the backend's default
         * @return this builder
         * @throws IllegalArgumentException if {@code threads} is negative
         */
        public Builder threads(int threads) {
            if (threads < 0) {
                throw new IllegalArgumentException("threads must be >= 0 (0 = backend default), got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Sets the tile edge: images are enhanced in tiles of at most this many input pixels a side.
         *
         * @param tileSize at least 16; 512 by default
         * @return this builder
         * @throws IllegalArgumentException if {@code tileSize} is below 16
         */
        public Builder tileSize(int tileSize) {
            if (tileSize < 16) {
                throw new IllegalArgumentException("tileSize must be at least 16 pixels, got " + tileSize);
            }
            this.tileSize = tileSize;
            return this;
        }

        /**
         * Sets the overlap between neighbouring tiles, blended so that no seams show.
         *
         * @param tileOverlap input pixels, 0 or more and less than half the tile size; 16 by default
         * @return this builder
         * @throws IllegalArgumentException if {@code tileOverlap} is negative
         */
        public Builder tileOverlap(int tileOverlap) {
            if (tileOverlap < 0) {
                throw new IllegalArgumentException("tileOverlap must be >= 0, got " + tileOverlap);
            }
            this.tileOverlap = tileOverlap;
            return this;
        }

        /**
         * Sets how many tiles are sent to the backend in one call.
         *
         * @param tilesPerBatch 1 or more; 1 by default
         * @return this builder
         * @throws IllegalArgumentException if {@code tilesPerBatch} is below 1
         */
        public Builder tilesPerBatch(int tilesPerBatch) {
            if (tilesPerBatch < 1) {
                throw new IllegalArgumentException("tilesPerBatch must be >= 1, got " + tilesPerBatch);
            }
            this.tilesPerBatch = tilesPerBatch;
            return this;
        }

        /**
         * Sets the final scale relative to the input, whatever the model's own scale.
         *
         * @param outscale a factor in (0, 16], e.g. 2.5
         * @return this builder
         * @throws IllegalArgumentException if {@code outscale} is outside (0, 16]
         */
        public Builder outscale(double outscale) {
            if (!(outscale > 0 && outscale <= 16)) {
                throw new IllegalArgumentException("outscale must be in (0, 16], got " + outscale);
            }
            this.outscale = outscale;
            return this;
        }

        /**
         * Sets the largest image, in pixels, that is decoded; larger ones are refused before decoding.
         *
         * @param maxPixels a positive number; by default {@code -Denhance4j.maxPixels} or 178,956,970
         * @return this builder
         * @throws IllegalArgumentException if {@code maxPixels} is not positive
         */
        public Builder maxPixels(long maxPixels) {
            if (maxPixels < 1) {
                throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
            }
            this.maxPixels = maxPixels;
            return this;
        }

        /**
         * Sets a backend-specific setting, documented by each backend.
         *
         * @param key   the setting's name, e.g. {@code optimization}
         * @param value its value, e.g. {@code all}
         * @return this builder
         */
        public Builder backendOption(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            backendOptions.put(key, value);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         * @throws IllegalArgumentException if the combination is inconsistent (overlap too large for the tile)
         */
        public EnhanceOptions build() {
            return new EnhanceOptions(this);
        }

        private static long defaultMaxPixels() {
            return io.github.enhance4j.image.ImageFiles.defaultMaxPixels();
        }
    }
}
