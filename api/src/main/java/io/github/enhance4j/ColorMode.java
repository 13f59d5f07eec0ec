package io.github.enhance4j;

/**
 * What a model's input channels mean, and so how colour images are fed to it.
 */
public enum ColorMode {
    /** Three channels R, G, B. Grey images are fed as R = G = B and come back grey. */
    RGB,
    /**
     * One channel, the luma Y of full-range BT.601 YCbCr. Colour images have Y enhanced and Cb, Cr enlarged
     * conventionally (bicubic); grey images are fed directly.
     */
    LUMA
}
