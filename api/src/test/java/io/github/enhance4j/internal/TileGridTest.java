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

    private static void check(TileGrid grid, int length, int scale) {
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
        for (int i = 0; i < grid.count; i++) {
            assertThat(grid.start(i)).isBetween(0, length - grid.tile);
            assertThat(grid.lo(i)).isGreaterThanOrEqualTo(grid.start(i) * scale);
            assertThat(grid.hi(i)).isLessThanOrEqualTo((grid.start(i) + grid.tile) * scale);
        }
    }
}
