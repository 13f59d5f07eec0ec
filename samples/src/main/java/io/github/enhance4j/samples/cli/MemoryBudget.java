package io.github.enhance4j.samples.cli;

import java.util.concurrent.Semaphore;

/**
 * Bounds how many images are in memory at once by their size, not their number: a worker reserves what its image
 * needs (input plus output) before enhancing it. An image larger than the whole budget still runs, alone.
 */
final class MemoryBudget {

    private static final long MIB = 1 << 20;

    private final int totalMib;
    private final Semaphore permits;

    /** A budget of {@code fraction} of the maximum heap. */
    static MemoryBudget ofHeap(double fraction) {
        return new MemoryBudget((int) Math.max(64, Runtime.getRuntime().maxMemory() * fraction / MIB));
    }

    MemoryBudget(int totalMib) {
        this.totalMib = totalMib;
        this.permits = new Semaphore(totalMib, true);
    }

    /** Reserves memory for an image of {@code pixels} input pixels enlarged {@code scale} times; returns the MiB held. */
    int reserve(long pixels, double scale) throws InterruptedException {
        long bytes = pixels * 4L + (long) (pixels * scale * scale * 4L);
        int mib = (int) Math.min(totalMib, bytes / MIB + 1);
        permits.acquire(mib);
        return mib;
    }

    void release(int mib) {
        permits.release(mib);
    }
}
