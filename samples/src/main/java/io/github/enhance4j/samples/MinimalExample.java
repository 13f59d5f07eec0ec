package io.github.enhance4j.samples;

import io.github.enhance4j.Enhancer;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * The smallest host application: {@code java MinimalExample model.onnx in.png out.png}. The backend is whichever
 * enhance4j backend jar is on the class path.
 */
public final class MinimalExample {

    private MinimalExample() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: MinimalExample MODEL IN OUT.png");
            System.exit(2);
        }
        BufferedImage in = ImageIO.read(new File(args[1]));
        try (Enhancer enhancer = Enhancer.load(args[0])) {
            BufferedImage out = enhancer.enhance(in);
            ImageIO.write(out, "png", new File(args[2]));
            System.out.println("enhanced with " + enhancer.info().backend() + ": " + in.getWidth() + "x"
                    + in.getHeight() + " -> " + out.getWidth() + "x" + out.getHeight());
        }
    }
}
