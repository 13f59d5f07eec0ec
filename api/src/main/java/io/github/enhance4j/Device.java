package io.github.enhance4j;

import java.util.Locale;

/**
 * Where a backend runs a model. {@link #AUTO} lets the backend choose (CUDA when it can really be initialised,
 * otherwise CPU, logging which and why); {@link #CPU} and {@link #cuda(int)} are explicit, and an explicit device
 * that is unavailable is an error rather than a silent fallback. Immutable.
 */
public final class Device {

    /** The kind of device. */
    public enum Kind {
        /** The backend chooses: CUDA when it can be initialised, else CPU. */
        AUTO,
        /** The CPU. */
        CPU,
        /** An NVIDIA GPU through CUDA; {@link Device#index()} says which. */
        CUDA
    }

    /** Let the backend choose: CUDA device 0 when it can be initialised, otherwise the CPU (the default). */
    public static final Device AUTO = new Device(Kind.AUTO, -1);
    /** The CPU, even when a GPU is available. */
    public static final Device CPU = new Device(Kind.CPU, -1);

    private final Kind kind;
    private final int index;

    private Device(Kind kind, int index) {
        this.kind = kind;
        this.index = index;
    }

    /**
     * CUDA device number {@code index}.
     *
     * @param index the GPU number, 0 for the first
     * @return the device; loading a model fails if that GPU cannot be used
     * @throws IllegalArgumentException if {@code index} is negative
     */
    public static Device cuda(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("CUDA device index must be >= 0, got " + index);
        }
        return new Device(Kind.CUDA, index);
    }

    /**
     * Parses {@code auto}, {@code cpu}, {@code cuda} (device 0) or {@code cuda:N}, ignoring case.
     *
     * @param text the device's name, as {@link #toString()} writes it
     * @return the device
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Device parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "auto":
                return AUTO;
            case "cpu":
                return CPU;
            case "cuda":
            case "gpu":
                return cuda(0);
            default:
                if (t.startsWith("cuda:")) {
                    try {
                        return cuda(Integer.parseInt(t.substring(5)));
                    } catch (NumberFormatException e) {
                        // fall through to the message below
                    }
                }
                throw new IllegalArgumentException("Unknown device '" + text
                        + "': expected auto, cpu, cuda or cuda:N (N = GPU number, from 0)");
        }
    }

    /** {@return the kind of device} */
    public Kind kind() {
        return kind;
    }

    /** {@return the CUDA device number, or -1 for {@code AUTO} and {@code CPU}} */
    public int index() {
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device && ((Device) o).kind == kind && ((Device) o).index == index;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + index;
    }

    /** {@return the form {@link #parse(String)} accepts: {@code auto}, {@code cpu} or {@code cuda:N}} */
    @Override
    public String toString() {
        return kind == Kind.CUDA ? "cuda:" + index : kind.name().toLowerCase(Locale.ROOT);
    }
}
