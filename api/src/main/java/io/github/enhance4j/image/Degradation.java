package io.github.enhance4j.image;

import java.util.Random;

/**
 * A synthetic image damage, for making training pairs and evaluation inputs: blur, resampling, noise,
 * compression, chains of these with {@link #then}, and {@link #realistic(int)}, a random mix of them all that
 * imitates the damage of real photographs.
 *
 * <p>{@link #apply} returns a new image and leaves its argument untouched. Colour is damaged; alpha is carried
 * through unchanged, only resized alongside colour where the size changes. Results are clamped to {@code 0..1}.
 * All randomness comes from the {@link Random} argument, so a seeded generator reproduces a result.
 *
 * <p>Implementations are immutable and thread-safe (the {@code Random} passed in is the caller's concern).
 */
public interface Degradation {

    /**
     * Damages a copy of an image.
     *
     * @param image  the clean image; not changed
     * @param random supplies any randomness
     * @return the damaged copy
     */
    FloatImage apply(FloatImage image, Random random);

    /**
     * Chains two damages.
     *
     * @param next the damage applied to this one's result
     * @return this damage, then {@code next} on its result
     */
    default Degradation then(Degradation next) {
        return new ChainedDegradation(this, next);
    }

    /**
     * Pixelation as in the seed recipe: OpenCV area-shrink of each side to {@code round(fraction * side)} (at least
     * 1), then area-enlarge back to the original size. For example 80x80 becomes 32x32 then 80x80 at 0.4.
     *
     * @param fraction in {@code (0, 1]}
     * @return the damage
     */
    static Degradation pixelate(double fraction) {
        return new PixelateDegradation(fraction);
    }

    /**
     * MATLAB bicubic downscale by an integer factor: each side becomes {@code floor(side / factor)}. The image is
     * first cropped at the right and bottom to a multiple of {@code factor} ("modcrop"), so the scale is exactly
     * {@code 1 / factor} and pixel grids stay aligned with the standard SR protocol.
     *
     * @param factor at least 1; the image must be at least {@code factor} pixels on each side
     * @return the damage
     */
    static Degradation bicubicDownscale(int factor) {
        return new BicubicDownscaleDegradation(factor, Resampler.BICUBIC);
    }

    /**
     * OpenCV area (pixel-averaging) downscale by an integer factor, the image first cropped to a multiple of it as in
     * {@link #bicubicDownscale(int)}: what many cameras and photo tools do when they shrink, softer than bicubic.
     *
     * @param factor at least 1; the image must be at least {@code factor} pixels on each side
     * @return the damage
     */
    static Degradation areaDownscale(int factor) {
        return new BicubicDownscaleDegradation(factor, Resampler.AREA);
    }

    /**
     * No damage at all: the image comes back as a copy. For measuring what a model does to a clean image.
     *
     * @return the identity
     */
    static Degradation none() {
        return (image, random) -> image.copy();
    }

    /**
     * Gaussian blur with standard deviation {@code sigma} pixels: separable kernel of radius
     * {@code ceil(3 sigma)}, borders mirrored with the edge pixel repeated (MATLAB's 'symmetric').
     *
     * @param sigma positive and finite
     * @return the damage
     */
    static Degradation gaussianBlur(double sigma) {
        return new GaussianBlurDegradation(sigma);
    }

    /**
     * Additive white Gaussian noise of standard deviation {@code sigma} in {@code 0..1} units, independent per
     * sample and channel, clamped to {@code 0..1}.
     *
     * @param sigma at least 0 and finite
     * @return the damage
     */
    static Degradation gaussianNoise(double sigma) {
        return new GaussianNoiseDegradation(sigma);
    }

    /**
     * A JPEG round trip through the JDK's ImageIO encoder at {@code quality} (compression quality
     * {@code quality / 100}), decoded back; the result has 8-bit levels, and a grey image stays grey.
     *
     * @param quality 1 to 100
     * @return the damage
     */
    static Degradation jpeg(int quality) {
        return new JpegDegradation(quality);
    }

    /**
     * Random, realistic damage for training models on real photographs, with the default settings for
     * {@code scale} (Real-ESRGAN's "high-order" degradation: random blur kernels, resizing, Gaussian and Poisson
     * noise and JPEG, possibly twice, then the final size). The input's sides must be multiples of {@code scale};
     * the output is {@code 1 / scale} of them. {@link RealisticDamage} lists the steps and every default.
     *
     * @param scale 1 (restoration at the same size), 2, 3 or 4
     * @return the damage, with {@link RealisticDamage#defaults(int)}
     * @throws IllegalArgumentException for any other scale
     */
    static Degradation realistic(int scale) {
        return new RealisticDegradation(RealisticDamage.defaults(scale));
    }

    /**
     * Random, realistic damage with the given settings; see {@link #realistic(int)}.
     *
     * @param settings the settings, which fix the scale
     * @return the damage
     */
    static Degradation realistic(RealisticDamage settings) {
        return new RealisticDegradation(settings);
    }

    /**
     * A random choice among damages: each call picks one of {@code choices} with probability proportional to its
     * weight (drawn from the {@link Random} argument), then applies it. For training on a balanced mix, e.g. half
     * {@link #realistic(int)} and half single, strong damages.
     *
     * @param choices the damages, at least one
     * @param weights their relative frequencies, one per choice, each positive and finite
     * @return the damage
     * @throws IllegalArgumentException if the lists are empty, differ in length, or a weight is not positive
     */
    static Degradation mixture(java.util.List<Degradation> choices, java.util.List<Double> weights) {
        return new MixtureDegradation(choices, weights);
    }

    /**
     * Parses the text form used by configurations and command lines: steps {@code name:value} joined by {@code +},
     * applied left to right. Names: {@code pixelate:0.4}, {@code bicubic:4}, {@code area:2} ({@link #areaDownscale}),
     * {@code blur:1.2} (sigma),
     * {@code noise:0.02} (sigma, 0..1 units), {@code jpeg:40} (quality), {@code realistic:2} ({@link #realistic(int)}
     * at that scale, 1 to 4, with its default settings), and {@code none} (no value: {@link #none()}).
     *
     * <p>The values of {@code pixelate}, {@code blur}, {@code noise} and {@code jpeg} may be ranges {@code MIN..MAX}:
     * each image draws its value uniformly from the range ({@code jpeg:10..90}: a whole quality from 10 to 90).
     * Chains separated by {@code |} form a {@link #mixture}: each image gets one of them, chosen with the weight
     * written before it as {@code WEIGHT*} (1 when absent), e.g.
     * {@code 0.5*realistic:1 | 0.2*noise:0.004..0.2 | 0.3*blur:0.5..3+jpeg:30..90}.
     *
     * @param spec the text form, e.g. {@code bicubic:4+jpeg:40}
     * @return the damage it describes
     * @throws IllegalArgumentException naming the step that is wrong and the accepted forms
     */
    static Degradation parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty degradation; expected e.g. pixelate:0.4, bicubic:4+jpeg:40"
                    + " or realistic:2");
        }
        if (!spec.contains("|")) {
            return parseChain(spec);
        }
        java.util.List<Degradation> choices = new java.util.ArrayList<>();
        java.util.List<Double> weights = new java.util.ArrayList<>();
        for (String alternative : spec.split("\\|", -1)) {
            String chain = alternative.trim();
            double weight = 1;
            int star = chain.indexOf('*');
            if (star >= 0) {
                String w = chain.substring(0, star).trim();
                try {
                    weight = Double.parseDouble(w);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("the weight '" + w + "' of '" + chain + "' is not a number;"
                            + " write WEIGHT*DAMAGE, e.g. 0.3*jpeg:10..90", e);
                }
                if (!(weight > 0) || Double.isInfinite(weight)) {
                    throw new IllegalArgumentException("the weight of '" + chain + "' must be positive and finite, got "
                            + w);
                }
                chain = chain.substring(star + 1).trim();
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("an empty choice in '" + spec + "'; each choice between | is a"
                        + " damage such as blur:1.5 or none");
            }
            choices.add(parseChain(chain));
            weights.add(weight);
        }
        return mixture(choices, weights);
    }

    private static Degradation parseChain(String spec) {
        Degradation result = null;
        for (String step : spec.split("\\+")) {
            String[] parts = step.trim().split(":", 2);
            if (parts.length == 1 && parts[0].trim().equalsIgnoreCase("none")) {
                result = result == null ? none() : result.then(none());
                continue;
            }
            if (parts.length != 2) {
                throw new IllegalArgumentException("degradation step '" + step.trim() + "' has no value; expected"
                        + " pixelate:F, bicubic:N, area:N, blur:SIGMA, noise:SIGMA, jpeg:QUALITY, realistic:SCALE or none");
            }
            Degradation d;
            try {
                String v = parts[1].trim();
                String name = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
                boolean range = v.contains("..");
                if (range && !(name.equals("pixelate") || name.equals("blur") || name.equals("noise")
                        || name.equals("jpeg"))) {
                    throw new IllegalArgumentException("degradation step '" + step.trim() + "' has a range, which"
                            + " only pixelate, blur, noise and jpeg take");
                }
                switch (name) {
                    case "pixelate":
                        d = range ? RangeDegradation.of(step.trim(), v, false, Degradation::pixelate)
                                : pixelate(Double.parseDouble(v));
                        break;
                    case "bicubic":
                        d = bicubicDownscale(Integer.parseInt(v));
                        break;
                    case "area":
                        d = areaDownscale(Integer.parseInt(v));
                        break;
                    case "blur":
                        d = range ? RangeDegradation.of(step.trim(), v, false, Degradation::gaussianBlur)
                                : gaussianBlur(Double.parseDouble(v));
                        break;
                    case "noise":
                        d = range ? RangeDegradation.of(step.trim(), v, false, Degradation::gaussianNoise)
                                : gaussianNoise(Double.parseDouble(v));
                        break;
                    case "jpeg":
                        d = range ? RangeDegradation.of(step.trim(), v, true, q -> jpeg((int) q))
                                : jpeg(Integer.parseInt(v));
                        break;
                    case "realistic":
                        d = realistic(Integer.parseInt(v));
                        break;
                    default:
                        throw new IllegalArgumentException("unknown degradation '" + parts[0].trim()
                                + "'; expected pixelate, bicubic, area, blur, noise, jpeg, realistic or none");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("degradation step '" + step.trim() + "' has a value that is not a"
                        + " number", e);
            }
            result = result == null ? d : result.then(d);
        }
        return result;
    }
}
