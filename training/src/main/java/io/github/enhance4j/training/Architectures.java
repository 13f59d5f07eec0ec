package io.github.enhance4j.training;

/** Architecture names the presets use; the training backend's registry defines them. */
final class Architectures {

    static final String SEED = "seed-autoencoder";
    /** The efficient super-resolution architecture (pixel shuffle at the end). */
    static final String FAST_SR = "espcn";
    /** Blind same-size restoration: a U-Net on a pixel-unshuffled input with a global residual. */
    static final String RESTORE_UNET = "restore-unet";
    /** {@link #RESTORE_UNET} with residual blocks added that start as the identity (the shipped {@code restore}). */
    static final String RESTORE_UNET_DEEP = "restore-unet-deep";
    /** Compact residual super-resolution (plain 3x3 convolutions, pixel shuffle, plus the nearest enlargement). */
    static final String COMPACT_SR = "compact-sr";
    /** {@link #COMPACT_SR} with residual blocks added that start as the identity (the shipped {@code restore-x4}). */
    static final String COMPACT_SR_DEEP = "compact-sr-deep";
    /** {@link #COMPACT_SR_DEEP} with a residual block after every body convolution instead of every second. */
    static final String COMPACT_SR_DEEPER = "compact-sr-deeper";

    private Architectures() {
    }
}
