package io.github.enhance4j.video;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link VideoEnhancer} encodes and how many frames it enhances at once. Immutable and thread-safe; built with
 * {@link #builder()}:
 *
 * <pre>{@code
 * VideoOptions options = VideoOptions.builder().crf(20).preset("slow").build();
 * }</pre>
 *
 * <p>The defaults write H.264 (x264, CRF {@value #DEFAULT_CRF}) into MP4, MOV, MKV and AVI files, VP9 into WebM: each
 * container's own default video codec, through the best encoder this FFmpeg build has for it.
 */
public final class VideoOptions {

    /** The default constant rate factor: visually close to lossless for x264, which is what an upscaler wants. */
    public static final int DEFAULT_CRF = 18;

    private static final VideoOptions DEFAULTS = builder().build();

    private final String codec;
    private final String format;
    private final int crf;
    private final String preset;
    private final Map<String, String> encoderOptions;
    private final int parallelFrames;
    private final boolean audio;
    private final boolean subtitles;

    private VideoOptions(Builder b) {
        this.codec = b.codec;
        this.format = b.format;
        this.crf = b.crf;
        this.preset = b.preset;
        this.encoderOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.encoderOptions));
        this.parallelFrames = b.parallelFrames;
        this.audio = b.audio;
        this.subtitles = b.subtitles;
    }

    /** {@return the default options} */
    public static VideoOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a new builder with the default settings} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the FFmpeg encoder name, e.g. {@code libx264}, {@code libx265}, {@code libvpx-vp9}, {@code mpeg4};
     * {@code null} for the container's default codec}
     */
    public String codec() {
        return codec;
    }

    /** {@return the FFmpeg container (muxer) name, e.g. {@code mp4} or {@code matroska}; {@code null} to go by the
     * output file's extension} */
    public String format() {
        return format;
    }

    /** {@return the constant rate factor: lower is better and larger (x264/x265 0-51, VP9 0-63)} */
    public int crf() {
        return crf;
    }

    /** {@return the encoder's speed preset, e.g. {@code medium} for x264; {@code null} for the encoder's default} */
    public String preset() {
        return preset;
    }

    /** {@return further encoder options by FFmpeg name, e.g. {@code tune=film}; applied last} */
    public Map<String, String> encoderOptions() {
        return encoderOptions;
    }

    /** {@return how many frames are enhanced at once (each call of the enhancer may use several cores itself)} */
    public int parallelFrames() {
        return parallelFrames;
    }

    /** {@return whether the audio streams are copied (unchanged) into the result} */
    public boolean audio() {
        return audio;
    }

    /** {@return whether subtitle streams are copied, where the output container can hold their format} */
    public boolean subtitles() {
        return subtitles;
    }

    @Override
    public String toString() {
        return "VideoOptions[codec=" + (codec == null ? "default" : codec) + ", format="
                + (format == null ? "by extension" : format) + ", crf=" + crf + ", preset=" + preset
                + ", encoderOptions=" + encoderOptions + ", parallelFrames=" + parallelFrames + ", audio=" + audio
                + ", subtitles=" + subtitles + "]";
    }

    /** Builds {@link VideoOptions}; each setter checks its value at once. Not thread-safe. */
    public static final class Builder {

        private String codec;
        private String format;
        private int crf = DEFAULT_CRF;
        private String preset;
        private final Map<String, String> encoderOptions = new LinkedHashMap<>();
        private int parallelFrames = 2;
        private boolean audio = true;
        private boolean subtitles = true;

        private Builder() {
        }

        /**
         * Sets the encoder by its FFmpeg name ({@code libx264}, {@code libx265}, {@code libvpx-vp9},
         * {@code libaom-av1}, {@code mpeg4}, {@code ffv1}, ...). An encoder this build lacks fails when the video is
         * written, naming the ones it has for the container.
         *
         * @param codec the encoder name, or {@code null} for the container's default
         * @return this builder
         */
        public Builder codec(String codec) {
            this.codec = blankToNull(codec);
            return this;
        }

        /**
         * Sets the container by its FFmpeg muxer name ({@code mp4}, {@code mov}, {@code matroska}, {@code webm},
         * {@code avi}), for output files whose extension does not say it.
         *
         * @param format the muxer name, or {@code null} to go by the output file's extension
         * @return this builder
         */
        public Builder format(String format) {
            this.format = blankToNull(format);
            return this;
        }

        /**
         * Sets the constant rate factor, for encoders that have one (x264, x265, VP9, AV1); others ignore it and say
         * so in a log line.
         *
         * @param crf 0 (lossless for x264) to 63; x264 and x265 take up to 51
         * @return this builder
         * @throws IllegalArgumentException if {@code crf} is outside 0..63
         */
        public Builder crf(int crf) {
            if (crf < 0 || crf > 63) {
                throw new IllegalArgumentException("crf must be 0..63 (x264/x265: 0..51), not " + crf);
            }
            this.crf = crf;
            return this;
        }

        /**
         * Sets the encoder's speed preset ({@code ultrafast} .. {@code veryslow} for x264 and x265).
         *
         * @param preset the preset name, or {@code null} for the encoder's default
         * @return this builder
         */
        public Builder preset(String preset) {
            this.preset = blankToNull(preset);
            return this;
        }

        /**
         * Sets one encoder option by its FFmpeg name, as {@code ffmpeg -NAME VALUE} would (e.g. {@code tune film},
         * {@code b 4M}, {@code x264-params keyint=60}). Options the encoder does not know are reported in a log line.
         *
         * @param name  the option's name
         * @param value its value
         * @return this builder
         */
        public Builder encoderOption(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isBlank()) {
                throw new IllegalArgumentException("encoder option name is blank");
            }
            encoderOptions.put(name, value);
            return this;
        }

        /**
         * Sets how many frames are enhanced at once. Memory holds about twice this many frames, whatever the video's
         * length.
         *
         * @param parallelFrames 1 or more (default 2)
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder parallelFrames(int parallelFrames) {
            if (parallelFrames < 1) {
                throw new IllegalArgumentException("parallelFrames must be at least 1, not " + parallelFrames);
            }
            this.parallelFrames = parallelFrames;
            return this;
        }

        /**
         * Sets whether audio streams are copied (default {@code true}). A stream whose codec the container cannot
         * hold is left out, with a log line.
         *
         * @param audio {@code false} to write the video without sound
         * @return this builder
         */
        public Builder audio(boolean audio) {
            this.audio = audio;
            return this;
        }

        /**
         * Sets whether subtitle streams are copied (default {@code true}) where the container can hold their format
         * (Matroska takes them all; MP4 only {@code mov_text}).
         *
         * @param subtitles {@code false} to leave them out
         * @return this builder
         */
        public Builder subtitles(boolean subtitles) {
            this.subtitles = subtitles;
            return this;
        }

        /** {@return the options} */
        public VideoOptions build() {
            return new VideoOptions(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
