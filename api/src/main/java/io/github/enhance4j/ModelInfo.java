package io.github.enhance4j;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a loaded model does and where it runs. Immutable and thread-safe. Backends create it with
 * {@link #builder()}; users read it from {@link Enhancer#info()}.
 */
public final class ModelInfo {

    private final int scale;
    private final ColorMode colorMode;
    private final float inputMin;
    private final float inputMax;
    private final String architecture;
    private final String backend;
    private final String device;
    private final int fixedInputWidth;
    private final int fixedInputHeight;
    private final int maxBatch;
    private final int sizeMultiple;
    private final Map<String, String> metadata;

    private ModelInfo(Builder b) {
        this.scale = b.scale;
        this.colorMode = b.colorMode;
        this.inputMin = b.inputMin;
        this.inputMax = b.inputMax;
        this.architecture = b.architecture;
        this.backend = Objects.requireNonNull(b.backend, "backend must be set");
        this.device = b.device;
        this.fixedInputWidth = b.fixedInputWidth;
        this.fixedInputHeight = b.fixedInputHeight;
        this.maxBatch = b.maxBatch;
        this.sizeMultiple = b.sizeMultiple;
        this.metadata = Collections.unmodifiableMap(new TreeMap<>(b.metadata));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().scale(scale).colorMode(colorMode).valueRange(inputMin, inputMax)
                .architecture(architecture).backend(backend).device(device)
                .fixedInputSize(fixedInputWidth, fixedInputHeight).maxBatch(maxBatch).sizeMultiple(sizeMultiple);
        b.metadata.putAll(metadata);
        return b;
    }

    /** Output size divided by input size: 1 for restoration models, 2, 3, 4 for super-resolution. */
    public int scale() {
        return scale;
    }

    public ColorMode colorMode() {
        return colorMode;
    }

    /** Number of input (and output) channels of the network: 3 for RGB, 1 for luma. */
    public int channels() {
        return colorMode == ColorMode.RGB ? 3 : 1;
    }

    /** The value that black maps to at the network's input, usually 0. */
    public float inputMin() {
        return inputMin;
    }

    /** The value that white maps to at the network's input: 1, or 255 for some foreign models. */
    public float inputMax() {
        return inputMax;
    }

    /** Architecture name, e.g. {@code seed-autoencoder}, or {@code unknown} for foreign models without metadata. */
    public String architecture() {
        return architecture;
    }

    /** The backend that runs the model, e.g. {@code onnx}. */
    public String backend() {
        return backend;
    }

    /** The device in use, e.g. {@code cpu} or {@code cuda:0}. */
    public String device() {
        return device;
    }

    /** Input width the network requires, or 0 if it accepts any width. */
    public int fixedInputWidth() {
        return fixedInputWidth;
    }

    /** Input height the network requires, or 0 if it accepts any height. */
    public int fixedInputHeight() {
        return fixedInputHeight;
    }

    /** Largest batch the network accepts, or 0 for any. */
    public int maxBatch() {
        return maxBatch;
    }

    /**
     * Input width and height must be multiples of this (e.g. 4 for a network with two 2x2 poolings); tiles are padded
     * to it. 1 means any size.
     */
    public int sizeMultiple() {
        return sizeMultiple;
    }

    /** Free-form metadata stored with the model (training data, version, ...). */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "ModelInfo[architecture=" + architecture + ", scale=" + scale + ", colorMode=" + colorMode
                + ", range=" + inputMin + ".." + inputMax + ", input="
                + (fixedInputWidth == 0 ? "any" : fixedInputWidth) + "x"
                + (fixedInputHeight == 0 ? "any" : fixedInputHeight) + ", backend=" + backend + ", device=" + device
                + "]";
    }

    /** Builds {@link ModelInfo}. Not thread-safe. */
    public static final class Builder {
        private int scale = 1;
        private ColorMode colorMode = ColorMode.RGB;
        private float inputMin = 0f;
        private float inputMax = 1f;
        private String architecture = "unknown";
        private String backend;
        private String device = "cpu";
        private int fixedInputWidth;
        private int fixedInputHeight;
        private int maxBatch;
        private int sizeMultiple = 1;
        private final Map<String, String> metadata = new TreeMap<>();

        private Builder() {
        }

        public Builder scale(int scale) {
            if (scale < 1 || scale > 16) {
                throw new IllegalArgumentException("scale must be 1..16, got " + scale);
            }
            this.scale = scale;
            return this;
        }

        public Builder colorMode(ColorMode colorMode) {
            this.colorMode = Objects.requireNonNull(colorMode, "colorMode");
            return this;
        }

        public Builder valueRange(float min, float max) {
            if (!(max > min) || !Float.isFinite(min) || !Float.isFinite(max)) {
                throw new IllegalArgumentException("value range must be finite with min < max, got " + min + ".."
                        + max);
            }
            this.inputMin = min;
            this.inputMax = max;
            return this;
        }

        public Builder architecture(String architecture) {
            this.architecture = Objects.requireNonNull(architecture, "architecture");
            return this;
        }

        public Builder backend(String backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        public Builder device(String device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /** Use 0 for a dimension the network accepts at any size. */
        public Builder fixedInputSize(int width, int height) {
            if (width < 0 || height < 0) {
                throw new IllegalArgumentException("fixed input size must be >= 0, got " + width + "x" + height);
            }
            this.fixedInputWidth = width;
            this.fixedInputHeight = height;
            return this;
        }

        public Builder maxBatch(int maxBatch) {
            if (maxBatch < 0) {
                throw new IllegalArgumentException("maxBatch must be >= 0 (0 = any), got " + maxBatch);
            }
            this.maxBatch = maxBatch;
            return this;
        }

        public Builder sizeMultiple(int sizeMultiple) {
            if (sizeMultiple < 1 || sizeMultiple > 1024) {
                throw new IllegalArgumentException("sizeMultiple must be 1..1024, got " + sizeMultiple);
            }
            this.sizeMultiple = sizeMultiple;
            return this;
        }

        public Builder metadata(String key, String value) {
            metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public ModelInfo build() {
            return new ModelInfo(this);
        }
    }
}
