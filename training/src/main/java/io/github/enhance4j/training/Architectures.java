package io.github.enhance4j.training;

/** Architecture names the presets use; the training backend's registry defines them. */
final class Architectures {

    static final String SEED = "seed-autoencoder";
    /** The efficient super-resolution architecture (pixel shuffle at the end). */
    static final String FAST_SR = "espcn";

    private Architectures() {
    }
}
