package io.github.enhance4j.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TileGridTest {

    @ParameterizedTest
    @CsvSource({"1000, 64, 16, 1", "65, 64, 16, 2", "64, 64, 16, 3", "10, 64, 16, 1", "777, 100, 30, 4",
            "129, 64, 0, 1", "300, 48, 23, 2"})
    void weights_sumToOneEverywhere_andTilesStayInside(int length, int tile, int overlap, int scale) {
        for (boolean fixed : new boolean[] {false, true}) {
            check(new TileGrid(length, tile, overlap, scale, fixed), length, scale);
        }
    }

    @ParameterizedTest
    @CsvSource({"4096, 512, 16, 9, 472", "4096, 256, 16, 18, 244", "1000, 64, 16, 21, 64", "300, 512, 16, 1, 300"})
    void dynamicTiles_shrinkToCorePlusOverlap(int length, int tile, int overlap, int count, int expectedTile) {
        TileGrid grid = new TileGrid(length, tile, overlap, 1, false);

        assertThat(grid.count).isEqualTo(count);
        assertThat(grid.tile).isEqualTo(expectedTile);
        assertThat(new TileGrid(length, tile, overlap, 1, true).tile).isEqualTo(Math.min(length, tile));
    }

    @ParameterizedTest
    @CsvSource({"1000, 64, 16, 1, 8", "1100, 528, 16, 1, 8", "4000, 528, 16, 2, 8", "777, 100, 30, 4, 8",
            "300, 48, 23, 2, 8", "129, 64, 0, 1, 8", "586, 528, 16, 1, 16", "65, 64, 16, 1, 8", "4096, 528, 16, 1, 24"})
    void alignedTiles_startOnTheGrid_coverTheirZones_andKeepTheTileSize(int length, int tile, int overlap, int scale,
            int align) {
        TileGrid grid = new TileGrid(length, tile, overlap, scale, false, align);

        assertThat(grid.tile).isLessThanOrEqualTo(tile);
        for (int i = 0; i < grid.count; i++) {
            assertThat(grid.start(i) % align).as("start of tile %d in %s", i, grid).isZero();
            assertThat(grid.start(i)).isNotNegative();
            // a tile may reach past the end (filled with the mirror image), never start past it
            assertThat(grid.start(i)).isLessThan(length);
            // the blend zones keep overlap / 4 pixels away from the tile's edges, as in the plain layout
            if (i > 0) {
                assertThat(grid.lo(i)).isGreaterThanOrEqualTo((grid.start(i) + overlap / 4) * scale);
            }
            if (i < grid.count - 1) {
                assertThat(grid.hi(i)).isLessThanOrEqualTo((grid.start(i) + grid.tile - overlap / 4) * scale);
            }
        }
        checkWeights(grid, length, scale);
    }

    @ParameterizedTest
    @CsvSource({"4096, 528, 16, 8, 8", "1100, 528, 16, 3, 8", "586, 528, 16, 2, 8"})
    void alignedTiles_areNoMoreThanThePlainLayout(int length, int tile, int overlap, int count, int align) {
        TileGrid plain = new TileGrid(length, tile, overlap, 1, false, 1);
        TileGrid aligned = new TileGrid(length, tile, overlap, 1, false, align);

        assertThat(plain.count).isEqualTo(count);
        assertThat(aligned.count).isEqualTo(count);
        // at most one alignment step more per tile than the plain layout computes
        assertThat(aligned.tile).isBetween(plain.tile - align, plain.tile + align);
    }

    private static void check(TileGrid grid, int length, int scale) {
        checkWeights(grid, length, scale);
        for (int i = 0; i < grid.count; i++) {
            assertThat(grid.start(i)).isBetween(0, length - grid.tile);
            assertThat(grid.lo(i)).isGreaterThanOrEqualTo(grid.start(i) * scale);
            assertThat(grid.hi(i)).isLessThanOrEqualTo((grid.start(i) + grid.tile) * scale);
        }
    }

    private static void checkWeights(TileGrid grid, int length, int scale) {
        for (int x = 0; x < length * scale; x++) {
            float sum = 0;
            for (int i = 0; i < grid.count; i++) {
                if (x >= grid.lo(i) && x < grid.hi(i)) {
                    sum += grid.weight(i, x);
                    assertThat(grid.weight(i, x)).isBetween(0f, 1f);
                }
            }
            assertThat(sum).as("weight sum at %d", x).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }
}
