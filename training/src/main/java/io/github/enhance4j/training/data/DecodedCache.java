package io.github.enhance4j.training.data;

import io.github.enhance4j.image.FloatImage;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decoded images up to a byte budget, least recently used evicted first. Thread-safe. */
final class DecodedCache {

    private final long budget;
    private final LinkedHashMap<Integer, FloatImage> images = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    DecodedCache(long budget) {
        this.budget = budget;
    }

    /** A copy of the cached image, or null. */
    FloatImage get(int key) {
        FloatImage image;
        synchronized (this) {
            image = images.get(key);
        }
        // Copied outside the lock: cached images are never written, and callers may write theirs.
        return image == null ? null : image.copy();
    }

    /** Keeps a copy of {@code image} if it fits the budget, evicting the least recently used. */
    void put(int key, FloatImage image) {
        long size = sizeOf(image);
        if (size > budget) {
            return;
        }
        FloatImage copy = image.copy();
        synchronized (this) {
            FloatImage previous = images.put(key, copy);
            bytes += size - (previous == null ? 0 : sizeOf(previous));
            Iterator<Map.Entry<Integer, FloatImage>> eldest = images.entrySet().iterator();
            while (bytes > budget && eldest.hasNext()) {
                Map.Entry<Integer, FloatImage> entry = eldest.next();
                bytes -= sizeOf(entry.getValue());
                eldest.remove();
            }
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return images.size();
    }

    static long sizeOf(FloatImage image) {
        long samples = (long) image.width() * image.height() * (image.channels() + (image.hasAlpha() ? 1 : 0));
        return 4 * samples;
    }
}
