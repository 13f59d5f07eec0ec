package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.backend.dl4j.NetSpec.Add;
import io.github.enhance4j.backend.dl4j.NetSpec.Conv;
import io.github.enhance4j.backend.dl4j.NetSpec.DepthToSpace;
import io.github.enhance4j.backend.dl4j.NetSpec.Dropout;
import io.github.enhance4j.backend.dl4j.NetSpec.Layer;
import io.github.enhance4j.backend.dl4j.NetSpec.MaxPool;
import io.github.enhance4j.backend.dl4j.NetSpec.Relu;
import io.github.enhance4j.backend.dl4j.NetSpec.Upsample;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The architectures this backend trains, by name. Both are fully convolutional (any input size).
 *
 * <table>
 *   <caption>Architectures</caption>
 *   <tr><th>name</th><th>scales</th><th>parameters</th><th>FLOPs per output pixel</th></tr>
 *   <tr><td>{@code seed-autoencoder}</td><td>1</td><td>1,110,403</td><td>670,464</td></tr>
 *   <tr><td>{@code espcn}</td><td>2, 3, 4</td><td>26,796 / 31,131 / 37,200</td>
 *       <td>13,344 / 6,891 / 4,632</td></tr>
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

    static final Set<String> NAMES = Set.of(SEED, ESPCN);

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
            default:
                throw new IllegalArgumentException("Unknown architecture '" + name + "' for the dl4j backend; known: "
                        + NAMES.stream().sorted().toList());
        }
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

    /** A 3x3 convolution followed by ReLU, as every Keras layer of the seed. */
    private static void conv(List<Layer> layers, String name, String in, int cin, int cout) {
        layers.add(new Conv(name + ".conv", in, cin, cout, 3));
        layers.add(new Relu(name, name + ".conv"));
    }
}
