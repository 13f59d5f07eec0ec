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

    /** {@return a new builder: scale 1, RGB, values 0..1, any input size; the backend must be set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder initialised with this information, to derive a variant} */
    public Builder toBuilder() {
        Builder b = new Builder().scale(scale).colorMode(colorMode).valueRange(inputMin, inputMax)
                .architecture(architecture).backend(backend).device(device)
                .fixedInputSize(fixedInputWidth, fixedInputHeight).maxBatch(maxBatch).sizeMultiple(sizeMultiple);
        b.metadata.putAll(metadata);
        return b;
    }

    /** {@return the output size divided by input size: 1 for restoration models, 2, 3, 4 for super-resolution} */
    public int scale() {
        return scale;
    }

    /** {@return whether the network sees RGB or luma} */
    public ColorMode colorMode() {
        return colorMode;
    }

    /** {@return the number of input (and output) channels of the network: 3 for RGB, 1 for luma} */
    public int channels() {
        return colorMode == ColorMode.RGB ? 3 : 1;
    }

    /** {@return the value that black maps to at the network's input, usually 0} */
    public float inputMin() {
        return inputMin;
    }

    /** {@return the value that white maps to at the network's input: 1, or 255 for some foreign models} */
    public float inputMax() {
        return inputMax;
    }

    /**
     * {@return the architecture name, e.g. {@code seed-autoencoder}, or {@code unknown} for foreign models without
     * metadata}
     */
    public String architecture() {
        return architecture;
    }

    /** {@return the backend that runs the model, e.g. {@code onnx}} */
    public String backend() {
        return backend;
    }

    /** {@return the device in use, e.g. {@code cpu} or {@code cuda:0}} */
    public String device() {
        return device;
    }

    /** {@return the input width the network requires, or 0 if it accepts any width} */
    public int fixedInputWidth() {
        return fixedInputWidth;
    }

    /** {@return the input height the network requires, or 0 if it accepts any height} */
    public int fixedInputHeight() {
        return fixedInputHeight;
    }

    /** {@return the largest batch the network accepts, or 0 for any} */
    public int maxBatch() {
        return maxBatch;
    }

    /**
     * {@return what input width and height must be multiples of} E.g. 4 for a network with two 2x2 poolings; tiles
     * are padded to it. 1 means any size.
     */
    public int sizeMultiple() {
        return sizeMultiple;
    }

    /** {@return the free-form metadata stored with the model (training data, version, ...)} */
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

        /**
         * Sets the scale.
         *
         * @param scale output size divided by input size, 1..16
         * @return this builder
         */
        public Builder scale(int scale) {
            if (scale < 1 || scale > 16) {
                throw new IllegalArgumentException("scale must be 1..16, got " + scale);
            }
            this.scale = scale;
            return this;
        }

        /**
         * Sets what the network sees.
         *
         * @param colorMode RGB or luma
         * @return this builder
         */
        public Builder colorMode(ColorMode colorMode) {
            this.colorMode = Objects.requireNonNull(colorMode, "colorMode");
            return this;
        }

        /**
         * Sets the values black and white map to at the network's input.
         *
         * @param min black, usually 0
         * @param max white, usually 1
         * @return this builder
         */
        public Builder valueRange(float min, float max) {
            if (!(max > min) || !Float.isFinite(min) || !Float.isFinite(max)) {
                throw new IllegalArgumentException("value range must be finite with min < max, got " + min + ".."
                        + max);
            }
            this.inputMin = min;
            this.inputMax = max;
            return this;
        }

        /**
         * Sets the architecture's name.
         *
         * @param architecture e.g. {@code seed-autoencoder}
         * @return this builder
         */
        public Builder architecture(String architecture) {
            this.architecture = Objects.requireNonNull(architecture, "architecture");
            return this;
        }

        /**
         * Sets the backend that runs the model; required.
         *
         * @param backend the provider's name, e.g. {@code onnx}
         * @return this builder
         */
        public Builder backend(String backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * Sets the device in use.
         *
         * @param device e.g. {@code cpu} or {@code cuda:0}
         * @return this builder
         */
        public Builder device(String device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * Sets the input size the network requires.
         *
         * @param width  the required width, or 0 for any
         * @param height the required height, or 0 for any
         * @return this builder
         */
        public Builder fixedInputSize(int width, int height) {
            if (width < 0 || height < 0) {
                throw new IllegalArgumentException("fixed input size must be >= 0, got " + width + "x" + height);
            }
            this.fixedInputWidth = width;
            this.fixedInputHeight = height;
            return this;
        }

        /**
         * Sets the largest batch the network accepts.
         *
         * @param maxBatch a positive number, or 0 for any
         * @return this builder
         */
        public Builder maxBatch(int maxBatch) {
            if (maxBatch < 0) {
                throw new IllegalArgumentException("maxBatch must be >= 0 (0 = any), got " + maxBatch);
            }
            this.maxBatch = maxBatch;
            return this;
        }

        /**
         * Sets what the input width and height must be multiples of.
         *
         * @param sizeMultiple 1..1024; 1 for any size
         * @return this builder
         */
        public Builder sizeMultiple(int sizeMultiple) {
            if (sizeMultiple < 1 || sizeMultiple > 1024) {
                throw new IllegalArgumentException("sizeMultiple must be 1..1024, got " + sizeMultiple);
            }
            this.sizeMultiple = sizeMultiple;
            return this;
        }

        /**
         * Adds a free-form metadata entry.
         *
         * @param key   the entry's name
         * @param value its value
         * @return this builder
         */
        public Builder metadata(String key, String value) {
            metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** {@return the immutable model information} */
        public ModelInfo build() {
            return new ModelInfo(this);
        }
    }
}
