package io.github.enhance4j.image;

/**
 * A square, odd-sized point-spread function for {@link RealisticDegradation}: the shapes real photographs are
 * blurred by (lens and focus, camera shake, resampling, sharpening halos), each normalised to sum 1 so that a blur
 * keeps the mean brightness.
 *
 * <p>Shapes that take a covariance ({@code sigmaX, sigmaY, angle}) measure distance with the squared Mahalanobis
 * form {@code q = (u / sigmaX)^2 + (v / sigmaY)^2}, where {@code (u, v)} is the offset rotated by {@code -angle};
 * equal sigmas make them isotropic. Convolution mirrors at the borders without repeating the edge pixel.
 */
final class BlurKernel {

    /** Taps whose magnitude is below this (in a kernel summing to 1) are skipped: together they move no 8-bit level. */
    private static final float NEGLIGIBLE = 1e-7f;

    private final int size;
    private final float[] weights;
    /** {@code g} with {@code weights = g g^T}, when the kernel is separable; then two 1-D passes are used. */
    private final float[] factor;

    private BlurKernel(int size, float[] weights, float[] factor) {
        this.size = size;
        this.weights = weights;
        this.factor = factor;
    }

    /** Side length in pixels, odd. */
    int size() {
        return size;
    }

    /** A copy of the weights, row-major, {@code size * size}, summing to 1 (within float rounding). */
    float[] weights() {
        return weights.clone();
    }

    /** {@code exp(-r^2 / (2 sigma^2))}: a lens slightly out of focus, or a camera's antialiasing filter. */
    static BlurKernel isotropicGaussian(int size, double sigma) {
        checkSize(size);
        int radius = size / 2;
        double[] g = new double[size];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            g[i + radius] = Math.exp(-(i * (double) i) / (2 * sigma * sigma));
            sum += g[i + radius];
        }
        float[] factor = new float[size];
        for (int i = 0; i < size; i++) {
            factor[i] = (float) (g[i] / sum);
        }
        double[] outer = new double[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                outer[y * size + x] = g[y] * g[x];
            }
        }
        return new BlurKernel(size, normalised(outer), factor);
    }

    /** {@code exp(-q / 2)}: an elliptic Gaussian, as from astigmatism or a little directional shake. */
    static BlurKernel anisotropicGaussian(int size, double sigmaX, double sigmaY, double angle) {
        return generalisedGaussian(size, sigmaX, sigmaY, angle, 1);
    }

    /**
     * {@code exp(-q^beta / 2)}: {@code beta = 1} is the Gaussian, smaller gives a sharp peak with heavy shoulders,
     * larger a flat top with a steep edge.
     */
    static BlurKernel generalisedGaussian(int size, double sigmaX, double sigmaY, double angle, double beta) {
        checkSize(size);
        double[] q = quadraticForm(size, sigmaX, sigmaY, angle);
        for (int i = 0; i < q.length; i++) {
            q[i] = Math.exp(-0.5 * (beta == 1 ? q[i] : Math.pow(q[i], beta)));
        }
        return new BlurKernel(size, normalised(q), null);
    }

    /** {@code 1 / (1 + q^beta)}: a flat top with long tails, like the veiling glare of a cheap lens. */
    static BlurKernel plateau(int size, double sigmaX, double sigmaY, double angle, double beta) {
        checkSize(size);
        double[] q = quadraticForm(size, sigmaX, sigmaY, angle);
        for (int i = 0; i < q.length; i++) {
            q[i] = 1 / (1 + Math.pow(q[i], beta));
        }
        return new BlurKernel(size, normalised(q), null);
    }

    /**
     * A uniform disk of {@code radius} pixels, the defocus blur of a circular aperture; the pixels its edge crosses
     * get their approximate covered fraction {@code clamp(radius + 0.5 - r, 0, 1)}, so that the size varies
     * smoothly. The kernel is just large enough to hold the disk.
     */
    static BlurKernel defocus(double radius) {
        int half = Math.max(1, (int) Math.ceil(radius + 0.5));
        int size = 2 * half + 1;
        double[] w = new double[size * size];
        for (int y = -half; y <= half; y++) {
            for (int x = -half; x <= half; x++) {
                double coverage = radius + 0.5 - Math.sqrt(x * x + y * y);
                w[(y + half) * size + x + half] = coverage <= 0 ? 0 : Math.min(1, coverage);
            }
        }
        return new BlurKernel(size, normalised(w), null);
    }

    /**
     * A straight camera shake: a segment of {@code length} pixels through the centre at {@code angle}, integrated
     * by splatting closely spaced points bilinearly, which anti-aliases it (at angle 0 and length 3 the row is
     * {@code 1/24, 7/24, 1/3, 7/24, 1/24}). The kernel is just large enough to hold it.
     */
    static BlurKernel motion(double length, double angle) {
        int half = (int) Math.floor(length / 2) + 1;
        int size = 2 * half + 1;
        double[] w = new double[size * size];
        int points = Math.max(16, (int) Math.ceil(8 * length));
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int k = 0; k < points; k++) {
            // midpoints, symmetric about the centre, so the kernel is point-symmetric
            double t = length * ((k + 0.5) / points - 0.5);
            double px = t * cos + half;
            double py = t * sin + half;
            int x0 = (int) Math.floor(px);
            int y0 = (int) Math.floor(py);
            double fx = px - x0;
            double fy = py - y0;
            w[y0 * size + x0] += (1 - fx) * (1 - fy);
            w[y0 * size + x0 + 1] += fx * (1 - fy);
            w[(y0 + 1) * size + x0] += (1 - fx) * fy;
            w[(y0 + 1) * size + x0 + 1] += fx * fy;
        }
        return new BlurKernel(size, normalised(w), null);
    }

    /**
     * The ideal circular low-pass filter with cutoff {@code omega} radians per pixel ({@code pi} is the Nyquist
     * frequency): {@code omega J1(omega r) / (2 pi r)}, truncated to the kernel. Its side lobes are negative: this
     * is the ringing and overshoot that sharpening and JPEG's cut-off frequencies leave around edges.
     */
    static BlurKernel sinc(int size, double omega) {
        checkSize(size);
        int radius = size / 2;
        double[] w = new double[size * size];
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                double r = Math.sqrt(x * x + y * y);
                w[(y + radius) * size + x + radius] = r == 0 ? omega * omega / (4 * Math.PI)
                        : omega * besselJ1(omega * r) / (2 * Math.PI * r);
            }
        }
        return new BlurKernel(size, normalised(w), null);
    }

    /**
     * The Bessel function of the first kind of order 1, by the polynomial approximations of Abramowitz and Stegun
     * 9.4.4 and 9.4.6 (absolute error below 4e-8, far under float precision of the kernels).
     */
    static double besselJ1(double x) {
        double ax = Math.abs(x);
        if (ax <= 3) {
            double y = (x / 3) * (x / 3);
            return x * (0.5 + y * (-0.56249985 + y * (0.21093573 + y * (-0.03954289 + y * (0.00443319
                    + y * (-0.00031761 + y * 0.00001109))))));
        }
        double y = 3 / ax;
        double f = 0.79788456 + y * (0.00000156 + y * (0.01659667 + y * (0.00017105 + y * (-0.00249511
                + y * (0.00113653 - y * 0.00020033)))));
        double theta = ax - 2.35619449 + y * (0.12499612 + y * (0.00005650 + y * (-0.00637879 + y * (0.00074348
                + y * (0.00079824 - y * 0.00029166)))));
        double j = f * Math.cos(theta) / Math.sqrt(ax);
        return x < 0 ? -j : j;
    }

    /** The squared Mahalanobis distance of every tap from the centre. */
    private static double[] quadraticForm(int size, double sigmaX, double sigmaY, double angle) {
        int radius = size / 2;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double[] q = new double[size * size];
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                double u = (x * cos + y * sin) / sigmaX;
                double v = (-x * sin + y * cos) / sigmaY;
                q[(y + radius) * size + x + radius] = u * u + v * v;
            }
        }
        return q;
    }

    private static float[] normalised(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (float) (w[i] / sum);
        }
        return out;
    }

    private static void checkSize(int size) {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("kernel size must be odd and positive, got " + size);
        }
    }

    /** The blurred copy of {@code image}'s colour, clamped to {@code 0..1}; alpha is not carried. */
    FloatImage apply(FloatImage image) {
        FloatImage out;
        if (factor != null) {
            // a row pass then a column pass: 2 * size taps per pixel instead of size^2
            out = convolve(convolve(image, factor, size, 1), factor, 1, size);
        } else {
            out = convolve(image, weights, size, size);
        }
        FloatImage.clamp(out.colorData());
        return out;
    }

    /**
     * Direct convolution with a {@code kw x kh} kernel (both odd, row-major) over a mirrored, padded copy of each
     * plane. The loops run eight taps at a time over whole rows, so the innermost loop is a contiguous multiply-add
     * that the JIT vectorises, with an eighth of the loads and stores of the output row that one tap would need.
     */
    private static FloatImage convolve(FloatImage image, float[] kernel, int kw, int kh) {
        int w = image.width();
        int h = image.height();
        int rx = kw / 2;
        int ry = kh / 2;
        int pw = w + 2 * rx;
        int ph = h + 2 * ry;
        int[] taps = new int[kernel.length + 7];
        float[] tapWeights = new float[kernel.length + 7];
        int count = 0;
        for (int k = 0; k < kernel.length; k++) {
            if (Math.abs(kernel[k]) >= NEGLIGIBLE) {
                // offset of the tap in the padded plane, relative to the output pixel's top-left window corner
                taps[count] = (k / kw) * pw + k % kw;
                tapWeights[count++] = kernel[k];
            }
        }
        // pad the tap list to a multiple of eight with zero weights on tap 0, so every sweep takes eight
        while (count % 8 != 0) {
            taps[count] = taps[0];
            tapWeights[count++] = 0f;
        }
        int[] columns = new int[pw];
        for (int x = 0; x < pw; x++) {
            columns[x] = AxisWeights.Border.REFLECT.map(x - rx, w);
        }
        FloatImage out = new FloatImage(w, h, image.channels(), false);
        float[] padded = new float[pw * ph];
        float[] src = image.colorData();
        float[] dst = out.colorData();
        for (int c = 0; c < image.channels(); c++) {
            int plane = image.planeOffset(c);
            for (int y = 0; y < ph; y++) {
                int row = plane + AxisWeights.Border.REFLECT.map(y - ry, h) * w;
                int p = y * pw;
                for (int x = 0; x < pw; x++) {
                    padded[p + x] = src[row + columns[x]];
                }
            }
            for (int y = 0; y < h; y++) {
                int o = plane + y * w;
                int window = y * pw;
                for (int t = 0; t < count; t += 8) {
                    float w0 = tapWeights[t];
                    float w1 = tapWeights[t + 1];
                    float w2 = tapWeights[t + 2];
                    float w3 = tapWeights[t + 3];
                    float w4 = tapWeights[t + 4];
                    float w5 = tapWeights[t + 5];
                    float w6 = tapWeights[t + 6];
                    float w7 = tapWeights[t + 7];
                    int in0 = window + taps[t];
                    int in1 = window + taps[t + 1];
                    int in2 = window + taps[t + 2];
                    int in3 = window + taps[t + 3];
                    int in4 = window + taps[t + 4];
                    int in5 = window + taps[t + 5];
                    int in6 = window + taps[t + 6];
                    int in7 = window + taps[t + 7];
                    for (int x = 0; x < w; x++) {
                        dst[o + x] += w0 * padded[in0 + x] + w1 * padded[in1 + x] + w2 * padded[in2 + x]
                                + w3 * padded[in3 + x] + w4 * padded[in4 + x] + w5 * padded[in5 + x]
                                + w6 * padded[in6 + x] + w7 * padded[in7 + x];
                    }
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "BlurKernel[" + size + "x" + size + (factor != null ? ", separable" : "") + "]";
    }
}
