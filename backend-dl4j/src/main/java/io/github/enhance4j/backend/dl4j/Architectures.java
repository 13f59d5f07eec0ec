package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.backend.dl4j.NetSpec.Add;
import io.github.enhance4j.backend.dl4j.NetSpec.Conv;
import io.github.enhance4j.backend.dl4j.NetSpec.DepthToSpace;
import io.github.enhance4j.backend.dl4j.NetSpec.Dropout;
import io.github.enhance4j.backend.dl4j.NetSpec.Layer;
import io.github.enhance4j.backend.dl4j.NetSpec.MaxPool;
import io.github.enhance4j.backend.dl4j.NetSpec.Relu;
import io.github.enhance4j.backend.dl4j.NetSpec.SpaceToDepth;
import io.github.enhance4j.backend.dl4j.NetSpec.Upsample;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The architectures this backend trains, by name. All are fully convolutional (any input size).
 *
 * <table>
 *   <caption>Architectures</caption>
 *   <tr><th>name</th><th>scales</th><th>parameters</th><th>FLOPs per output pixel</th></tr>
 *   <tr><td>{@code seed-autoencoder}</td><td>1</td><td>1,110,403</td><td>670,464</td></tr>
 *   <tr><td>{@code espcn}</td><td>2, 3, 4</td><td>26,796 / 31,131 / 37,200</td>
 *       <td>13,344 / 6,891 / 4,632</td></tr>
 *   <tr><td>{@code restore-unet}</td><td>1, 2, 4</td><td>1,274,844 / 1,290,432 / 1,352,784</td>
 *       <td>118,080 / 31,464 / 9,810</td></tr>
 *   <tr><td>{@code restore-unet-deep}</td><td>1, 2, 4</td><td>2,810,364 / 2,825,952 / 2,888,304</td>
 *       <td>201,024 / 52,200 / 14,994</td></tr>
 *   <tr><td>{@code restore-unet-deeper}</td><td>1, 2, 4</td><td>4,345,884 / 4,361,472 / 4,423,824</td>
 *       <td>283,968 / 72,936 / 20,178</td></tr>
 *   <tr><td>{@code compact-sr}</td><td>2, 4</td><td>59,852 / 188,400</td><td>29,808 / 23,490</td></tr>
 *   <tr><td>{@code compact-sr-deep}</td><td>2, 4</td><td>115,340 / 354,672</td><td>57,456 / 44,226</td></tr>
 *   <tr><td>{@code compact-sr-deeper}</td><td>2, 4</td><td>170,828 / 520,944</td><td>85,104 / 64,962</td></tr>
 * </table>
 *
 * <p>{@code seed-autoencoder} is the seed recipe's network (../shared/SEED.md): 3x3 convolutions with ReLU, two 2x2
 * max-pools (dropout 0.3 after the first, training only), nearest x2 upsampling, additive skips l5+l10 and l14+l2,
 * a ReLU output convolution to 3 channels; L1 activity regularisation 1e-9 on every convolution's output during
 * training. Input sides must be multiples of 4 (the inference engine pads other sizes at the edges).
 *
 * <p>{@code espcn} (Shi et al. 2016, "Real-time single image and video super-resolution using an efficient
 * sub-pixel convolutional neural network") works on the small image: 5x5 conv 64 + ReLU, 3x3 conv 32 + ReLU,
 * 3x3 conv to 3·s² channels, then depth-to-space (pixel shuffle) by s. At x2 it costs 1/50 of the seed's FLOPs per
 * output pixel.
 */
final class Architectures {

    static final String SEED = "seed-autoencoder";
    static final String ESPCN = "espcn";

    static final String RESTORE_UNET = "restore-unet";
    static final String RESTORE_UNET_DEEP = "restore-unet-deep";
    static final String RESTORE_UNET_DEEPER = "restore-unet-deeper";
    static final String COMPACT_SR = "compact-sr";
    static final String COMPACT_SR_DEEP = "compact-sr-deep";
    static final String COMPACT_SR_DEEPER = "compact-sr-deeper";

    static final Set<String> NAMES = Set.of(SEED, ESPCN, RESTORE_UNET, RESTORE_UNET_DEEP, RESTORE_UNET_DEEPER,
            COMPACT_SR, COMPACT_SR_DEEP, COMPACT_SR_DEEPER);

    /**
     * Suffix of a convolution that closes a residual block: it starts at zero, so that a block added to a trained
     * network leaves the network's function as it was ({@link Parameters#initial}).
     */
    static final String RESIDUAL_END = ".res";

    /** Channels of {@code restore-unet}'s first level (the second has twice, the third four times as many). */
    static final int UNET_WIDTH = 48;
    /** Channels and body convolutions of {@code compact-sr} at scale 2, and at scales 3 and 4. */
    static final int COMPACT_WIDTH_X2 = 32;
    static final int COMPACT_BODY_X2 = 6;
    static final int COMPACT_WIDTH_X4 = 48;
    static final int COMPACT_BODY_X4 = 8;

    private Architectures() {
    }

    /** @throws IllegalArgumentException naming the known architectures or the scales this one supports */
    static NetSpec build(String name, int scale) {
        switch (name) {
            case SEED:
                if (scale != 1) {
                    throw new IllegalArgumentException(SEED + " restores at scale 1 only, but scale " + scale
                            + " was asked for; use " + ESPCN + " for super-resolution (scales 2, 3, 4)");
                }
                return seedAutoencoder();
            case ESPCN:
                if (scale < 2 || scale > 4) {
                    throw new IllegalArgumentException(ESPCN + " supports scales 2, 3 and 4, got " + scale
                            + "; use " + SEED + " for scale 1");
                }
                return espcn(scale);
            case RESTORE_UNET:
                if (scale != 1 && scale != 2 && scale != 4) {
                    throw new IllegalArgumentException(RESTORE_UNET + " supports scales 1, 2 and 4, got " + scale
                            + "; use " + COMPACT_SR + " for scale 3");
                }
                return restoreUnet(UNET_WIDTH, scale);
            case RESTORE_UNET_DEEP:
            case RESTORE_UNET_DEEPER:
                if (scale != 1 && scale != 2 && scale != 4) {
                    throw new IllegalArgumentException(name + " supports scales 1, 2 and 4, got " + scale
                            + "; use " + COMPACT_SR + " for scale 3");
                }
                return restoreUnet(UNET_WIDTH, scale, name.equals(RESTORE_UNET_DEEP) ? 1 : 2);
            case COMPACT_SR:
                return compactSrAt(scale, 0, RESTORE_UNET);
            case COMPACT_SR_DEEP:
                return compactSrAt(scale, 2, RESTORE_UNET_DEEP);
            case COMPACT_SR_DEEPER:
                return compactSrAt(scale, 1, RESTORE_UNET_DEEP);
            default:
                throw new IllegalArgumentException("Unknown architecture '" + name + "' for the dl4j backend; known: "
                        + NAMES.stream().sorted().toList());
        }
    }

    /** The compact family at {@code scale} (2 to 4) with its preset width and depth; names the x1 alternative. */
    private static NetSpec compactSrAt(int scale, int blockEvery, String forScaleOne) {
        if (scale < 2 || scale > 4) {
            throw new IllegalArgumentException(compactSrName(blockEvery) + " supports scales 2, 3 and 4, got " + scale
                    + "; use " + forScaleOne + " for scale 1");
        }
        return scale == 2 ? compactSr(scale, COMPACT_WIDTH_X2, COMPACT_BODY_X2, blockEvery)
                : compactSr(scale, COMPACT_WIDTH_X4, COMPACT_BODY_X4, blockEvery);
    }

    private static String compactSrName(int blockEvery) {
        return switch (blockEvery) {
            case 0 -> COMPACT_SR;
            case 1 -> COMPACT_SR_DEEPER;
            case 2 -> COMPACT_SR_DEEP;
            default -> throw new IllegalArgumentException("a residual block every " + blockEvery
                    + " body convolutions has no name: 0 (compact-sr), 1 (compact-sr-deeper) or 2 (compact-sr-deep)");
        };
    }

    static NetSpec seedAutoencoder() {
        List<Layer> l = new ArrayList<>();
        conv(l, "l1", NetSpec.INPUT, 3, 64);
        conv(l, "l2", "l1", 64, 64);
        l.add(new MaxPool("l3.pool", "l2"));
        l.add(new Dropout("l3", "l3.pool", 64, 0.3));
        conv(l, "l4", "l3", 64, 128);
        conv(l, "l5", "l4", 128, 128);
        l.add(new MaxPool("l6", "l5"));
        conv(l, "l7", "l6", 128, 256);
        l.add(new Upsample("l8", "l7", 2));
        conv(l, "l9", "l8", 256, 128);
        conv(l, "l10", "l9", 128, 128);
        l.add(new Add("l11", "l5", "l10"));
        l.add(new Upsample("l12", "l11", 2));
        conv(l, "l13", "l12", 128, 64);
        conv(l, "l14", "l13", 64, 64);
        l.add(new Add("l15", "l14", "l2"));
        conv(l, "out", "l15", 64, 3);
        return new NetSpec(SEED, 1, 3, l, "out", 4);
    }

    static NetSpec espcn(int scale) {
        List<Layer> l = new ArrayList<>();
        l.add(new Conv("c1.conv", NetSpec.INPUT, 3, 64, 5));
        l.add(new Relu("c1", "c1.conv"));
        l.add(new Conv("c2.conv", "c1", 64, 32, 3));
        l.add(new Relu("c2", "c2.conv"));
        l.add(new Conv("c3", "c2", 32, 3 * scale * scale, 3));
        l.add(new DepthToSpace("out", "c3", scale));
        return new NetSpec(ESPCN, scale, 3, l, "out", 1);
    }

    /** {@code restore-unet} at scale 1. */
    static NetSpec restoreUnet(int c) {
        return restoreUnet(c, 1);
    }

    /**
     * The blind restoration U-Net: the seed's idea (an encoder-decoder with additive skips) on a pixel-unshuffled
     * input, so that every convolution runs at half the resolution or less and the receptive field is large enough
     * for blur kernels of 20 pixels. Levels at 1/2, 1/4 and 1/8 of the input's resolution with {@code c}, 2c and 4c
     * channels; down by space-to-depth and a 1x1 convolution (a 2x2 stride-2 convolution), up by a 1x1 convolution
     * and depth-to-space; the output is a correction added to the input (global residual), and the last convolution
     * starts at zero, so an untrained model returns its input unchanged.
     *
     * <p>At scale 2 or 4 the same network enlarges: its last convolution makes {@code 3 (2 s)²} channels at half the
     * input's resolution, depth-to-space by {@code 2 s} turns them into a correction at the output's size, and the
     * correction is added to the input's nearest-neighbour enlargement. Every layer but that last convolution has
     * the scale-1 network's name and shape, so an enlarging run can start from a trained restoration model
     * ({@code TrainingConfig.initialWeights}). Per output pixel it costs a quarter (x2) or a sixteenth (x4) of the
     * body's work at scale 1.
     */
    static NetSpec restoreUnet(int c, int scale) {
        return restoreUnet(c, scale, 0);
    }

    /**
     * {@link #restoreUnet(int, int)} with {@code blocks} residual blocks (3x3 convolution, ReLU, 3x3 convolution,
     * added to the block's input) per group: 1 is {@code restore-unet-deep}, two after the middle's convolutions (at
     * 1/8 of the input's resolution) and one after each decoder level's (at 1/4 and at 1/2); 2 is {@code
     * restore-unet-deeper}, twice as many in the same places. Every convolution of the shallower network keeps its
     * name and shape and each block's last convolution starts at zero, so a trained {@code restore-unet} starts a
     * deep run, and a trained deep one a deeper run ({@code TrainingConfig.initialWeights}), exactly where it was.
     * Each block costs the same work per pixel at every level (its channels double where its pixels quarter): the
     * deep network is 1.7 times the plain one's work, the deeper 2.4 times.
     */
    static NetSpec restoreUnet(int c, int scale, int blocks) {
        List<Layer> l = new ArrayList<>();
        l.add(new SpaceToDepth("unshuffle", NetSpec.INPUT, 2));
        conv(l, "head", "unshuffle", 12, c);
        conv(l, "e1a", "head", c, c);
        conv(l, "e1", "e1a", c, c);
        l.add(new SpaceToDepth("d1.s2d", "e1", 2));
        l.add(new Conv("d1.conv", "d1.s2d", 4 * c, 2 * c, 1));
        l.add(new Relu("d1", "d1.conv"));
        conv(l, "e2a", "d1", 2 * c, 2 * c);
        conv(l, "e2", "e2a", 2 * c, 2 * c);
        l.add(new SpaceToDepth("d2.s2d", "e2", 2));
        l.add(new Conv("d2.conv", "d2.s2d", 8 * c, 4 * c, 1));
        l.add(new Relu("d2", "d2.conv"));
        conv(l, "m1", "d2", 4 * c, 4 * c);
        conv(l, "m2", "m1", 4 * c, 4 * c);
        String middle = residuals(l, "m", 3, 2 * blocks, "m2", 4 * c);
        l.add(new Conv("u2.conv", middle, 4 * c, 8 * c, 1));
        l.add(new DepthToSpace("u2", "u2.conv", 2));
        l.add(new Add("s2", "u2", "e2"));
        conv(l, "f2a", "s2", 2 * c, 2 * c);
        conv(l, "f2", "f2a", 2 * c, 2 * c);
        l.add(new Conv("u1.conv", residuals(l, "f", 3, blocks, "f2", 2 * c), 2 * c, 4 * c, 1));
        l.add(new DepthToSpace("u1", "u1.conv", 2));
        l.add(new Add("s1", "u1", "e1"));
        conv(l, "f1a", "s1", c, c);
        conv(l, "f1", "f1a", c, c);
        l.add(new Conv("tail", residuals(l, "g", 1, blocks, "f1", c), c, 3 * 4 * scale * scale, 3));
        l.add(new DepthToSpace("correction", "tail", 2 * scale));
        if (scale == 1) {
            l.add(new Add("out", "correction", NetSpec.INPUT));
        } else {
            l.add(new Upsample("nearest", NetSpec.INPUT, scale));
            l.add(new Add("out", "correction", "nearest"));
        }
        String name = switch (blocks) {
            case 0 -> RESTORE_UNET;
            case 1 -> RESTORE_UNET_DEEP;
            case 2 -> RESTORE_UNET_DEEPER;
            default -> throw new IllegalArgumentException(blocks + " residual blocks per group has no name: 0"
                    + " (restore-unet), 1 (restore-unet-deep) or 2 (restore-unet-deeper)");
        };
        return new NetSpec(name, scale, 3, l, "out", 8);
    }

    /** {@code count} residual blocks in a row on {@code in}, named {@code prefix + first}, ...; returns the last. */
    private static String residuals(List<Layer> layers, String prefix, int first, int count, String in, int channels) {
        String last = in;
        for (int i = 0; i < count; i++) {
            last = residual(layers, prefix + (first + i), last, channels);
        }
        return last;
    }

    /**
     * Compact super-resolution in the manner of Real-ESRGAN's SRVGG: plain 3x3 convolutions with ReLU at the small
     * image's resolution ({@code body} of them at {@code c} channels after the head), a last convolution to
     * 3·s² channels and depth-to-space, added to the input enlarged by nearest neighbour. The last convolution
     * starts at zero, so an untrained model returns the nearest-neighbour enlargement.
     *
     * <p>With {@code blockEvery} 0 this is {@code compact-sr}; otherwise a residual block (3x3 convolution, ReLU, 3x3
     * convolution, added to the block's input) follows every {@code blockEvery}-th body convolution: every second one
     * is {@code compact-sr-deep}, every one {@code compact-sr-deeper}. The plain network's convolutions keep their
     * names and shapes, and so do the blocks of {@code compact-sr-deep} in {@code compact-sr-deeper}; each block's
     * last convolution starts at zero, so a trained shallower run starts a deeper one
     * ({@code TrainingConfig.initialWeights}) exactly where it was. Each step doubles the depth at the small image's
     * resolution (and nearly the receptive field): about 1.9 and 2.8 times the plain network's work per output pixel.
     */
    static NetSpec compactSr(int scale, int c, int body, int blockEvery) {
        String name = compactSrName(blockEvery);
        List<Layer> l = new ArrayList<>();
        conv(l, "head", NetSpec.INPUT, 3, c);
        String last = "head";
        for (int i = 1; i <= body; i++) {
            conv(l, "body" + i, last, c, c);
            last = "body" + i;
            if (blockEvery > 0 && i % blockEvery == 0) {
                last = residual(l, "block" + i, last, c);
            }
        }
        l.add(new Conv("tail", last, c, 3 * scale * scale, 3));
        l.add(new DepthToSpace("correction", "tail", scale));
        l.add(new Upsample("nearest", NetSpec.INPUT, scale));
        l.add(new Add("out", "correction", "nearest"));
        return new NetSpec(name, scale, 3, l, "out", 1);
    }

    /** A residual block {@code name} on {@code in}: conv + ReLU, conv (starting at zero), sum; returns its name. */
    private static String residual(List<Layer> layers, String name, String in, int channels) {
        conv(layers, name + "a", in, channels, channels);
        layers.add(new Conv(name + RESIDUAL_END, name + "a", channels, channels, 3));
        layers.add(new Add(name, in, name + RESIDUAL_END));
        return name;
    }

    /** A 3x3 convolution followed by ReLU, as every Keras layer of the seed. */
    private static void conv(List<Layer> layers, String name, String in, int cin, int cout) {
        layers.add(new Conv(name + ".conv", in, cin, cout, 3));
        layers.add(new Relu(name, name + ".conv"));
    }
}
