package io.github.enhance4j.internal;

/**
 * Where the tiles of one image axis lie, and how neighbouring tiles are blended.
 *
 * <p>The axis is cut into the fewest equal "cores" of at most {@code tile - overlap} pixels; each tile is its core
 * widened by the overlap (shifted inward at the image edges), so every tile has the same size and batches stack.
 * Where the network accepts any size, tiles shrink to {@code core + overlap} so that little is computed twice;
 * a network with a fixed input size gets tiles of exactly that size. Around each core boundary {@code c} lies a blend zone {@code [c - h, c + h)} with {@code h = overlap / 4}
 * in which the two tiles' weights ramp linearly and sum to one. Every tile reaches at least {@code overlap / 2}
 * past a boundary, so the zone keeps {@code overlap / 4} pixels away from the tile's edge: a network whose
 * receptive-field radius is at most {@code overlap / 4} gives exactly the pixels it gives on the whole image.
 *
 * <p>With an alignment {@code a > 1} (a network that pools, or one that learnt JPEG's 8x8 blocks where they lie in
 * a file) every tile starts at a multiple of {@code a}: core boundaries are rounded to multiples of {@code a}, and
 * each tile reaches {@code 2 * (overlap / 4)} rounded up to {@code a} past them. A tile near the end may then reach
 * past {@code length}; the caller fills that part as it fills the margin (the image's mirror image), and only the
 * part inside is blended. So each tile sees the image on the grid the whole image is seen on.
 */
final class TileGrid {

    final int length;
    final int tile;
    final int count;
    final int scale;
    /** Tile start, input pixels. */
    private final int[] start;
    /** Core boundaries c_0 = 0 .. c_n = length, input pixels. */
    private final int[] boundary;
    private final int half;

    TileGrid(int length, int tile, int overlap, int scale) {
        this(length, tile, overlap, scale, false, 1);
    }

    TileGrid(int length, int tile, int overlap, int scale, boolean fixedTile) {
        this(length, tile, overlap, scale, fixedTile, 1);
    }

    /**
     * @param fixedTile whether tiles must be exactly {@code tile} wide (a network with a fixed input size)
     * @param align     tiles start at multiples of it (1: anywhere); ignored for fixed tiles
     */
    TileGrid(int length, int tile, int overlap, int scale, boolean fixedTile, int align) {
        if (length < 1 || tile < 1 || overlap < 0 || scale < 1 || align < 1) {
            throw new IllegalArgumentException("bad tiling: length " + length + ", tile " + tile + ", overlap "
                    + overlap + ", scale " + scale + ", alignment " + align);
        }
        this.length = length;
        this.scale = scale;
        if (length <= tile) {
            this.tile = length;
            this.count = 1;
            this.half = 0;
            this.start = new int[] {0};
            this.boundary = new int[] {0, length};
            return;
        }
        if (overlap * 2 >= tile) {
            throw new IllegalArgumentException("overlap " + overlap + " must be less than half the tile " + tile);
        }
        this.half = overlap / 4;
        Layout aligned = fixedTile || align == 1 ? null : alignedLayout(length, tile, overlap, align);
        if (aligned != null) {
            this.boundary = aligned.boundary();
            this.start = aligned.start();
            this.count = start.length;
            this.tile = aligned.tile();
        } else {
            this.count = (length + (tile - overlap) - 1) / (tile - overlap);
            int largestCore = (length + count - 1) / count;
            this.tile = fixedTile ? tile : Math.min(tile, largestCore + overlap);
            this.start = new int[count];
            this.boundary = new int[count + 1];
            for (int i = 0; i <= count; i++) {
                boundary[i] = (int) Math.round((double) i * length / count);
            }
            for (int i = 0; i < count; i++) {
                int core = boundary[i + 1] - boundary[i];
                int s = boundary[i] - (this.tile - core) / 2;
                start[i] = Math.max(0, Math.min(length - this.tile, s));
            }
        }
        for (int i = 0; i < count; i++) {
            // the invariants the exactness promise rests on
            if (i > 0 && start[i] > boundary[i] - 2 * half || i < count - 1 && start[i] + this.tile < boundary[i + 1]
                    + 2 * half) {
                throw new IllegalStateException("tile " + i + " does not cover its blend zones: " + this);
            }
        }
    }

    /** Core boundaries (count + 1), tile starts (count) and the common tile size. */
    private record Layout(int[] boundary, int[] start, int tile) {
    }

    /**
     * The fewest tiles of at most {@code tile} pixels that start at multiples of {@code align}, or {@code null} when
     * the tile is too small for the alignment (the plain layout is used then).
     */
    private static Layout alignedLayout(int length, int tile, int overlap, int align) {
        int reach = roundUp(2 * (overlap / 4), align);
        int units = (length + align - 1) / align;
        for (int count = (length + (tile - overlap) - 1) / (tile - overlap); count <= units; count++) {
            int[] boundary = new int[count + 1];
            int[] start = new int[count];
            boundary[count] = length;
            int size = 0;
            for (int i = 1; i < count; i++) {
                boundary[i] = (int) Math.round((double) i * units / count) * align;
            }
            if (boundary[1] < reach) {
                return null;
            }
            for (int i = 0; i < count; i++) {
                start[i] = i == 0 ? 0 : boundary[i] - reach;
                int end = i == count - 1 ? length : boundary[i + 1] + reach;
                size = Math.max(size, end - start[i]);
            }
            if (size <= tile) {
                return new Layout(boundary, start, size);
            }
        }
        return null;
    }

    static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** First input pixel of tile {@code i}. */
    int start(int i) {
        return start[i];
    }

    /** First output pixel that tile {@code i} contributes to. */
    int lo(int i) {
        return i == 0 ? 0 : (boundary[i] - half) * scale;
    }

    /** End (exclusive) of the output pixels tile {@code i} contributes to. */
    int hi(int i) {
        return i == count - 1 ? length * scale : (boundary[i + 1] + half) * scale;
    }

    /** Start of the blend zone between tile {@code i} and {@code i + 1}, output pixels. */
    int zoneStart(int i) {
        return (boundary[i + 1] - half) * scale;
    }

    /** End of the blend zone between tile {@code i} and {@code i + 1}, output pixels. */
    int zoneEnd(int i) {
        return (boundary[i + 1] + half) * scale;
    }

    /** Width of every blend zone in output pixels. */
    int zoneWidth() {
        return 2 * half * scale;
    }

    /** Weight of tile {@code i} at output coordinate {@code x}, which must lie in {@code [lo(i), hi(i))}. */
    float weight(int i, int x) {
        if (i > 0 && x < zoneEnd(i - 1)) {
            return 1f - ramp(x, zoneStart(i - 1), zoneEnd(i - 1));
        }
        if (i < count - 1 && x >= zoneStart(i)) {
            return ramp(x, zoneStart(i), zoneEnd(i));
        }
        return 1f;
    }

    private static float ramp(int x, int from, int to) {
        return (to - x - 0.5f) / (to - from);
    }

    @Override
    public String toString() {
        return "TileGrid[length=" + length + ", tile=" + tile + ", count=" + count + ", blendHalfWidth=" + half
                + ", starts=" + java.util.Arrays.toString(start) + "]";
    }
}
