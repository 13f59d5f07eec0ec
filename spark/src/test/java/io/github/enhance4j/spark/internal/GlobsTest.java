package io.github.enhance4j.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.enhance4j.spark.EnhanceJob;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class GlobsTest {

    @Test
    void caseInsensitive_matchesNamesInAnyCaseWithHadoopsGlobs() throws Exception {
        GlobFilter filter = new GlobFilter(Globs.caseInsensitive(EnhanceJob.DEFAULT_GLOB));

        assertThat(filter.accept(new Path("/x/IMG_0001.JPG"))).isTrue();
        assertThat(filter.accept(new Path("/x/scan.Tiff"))).isTrue();
        assertThat(filter.accept(new Path("/x/photo.png"))).isTrue();
        assertThat(filter.accept(new Path("/x/notes.txt"))).isFalse();
        assertThat(filter.accept(new Path("/x/png"))).isFalse();
    }

    @Test
    void caseInsensitive_leavesBracketsAndEscapesAlone() {
        assertThat(Globs.caseInsensitive("[a-c]x\\*.p?")).isEqualTo("[a-c][xX]\\*.[pP]?");
    }

    @Test
    void fixedParent_isTheFolderBeforeTheFirstGlob() {
        assertThat(Globs.fixedParent(new Path("hdfs://nn/data/2024-*/day?/*.jpg")))
                .isEqualTo(new Path("hdfs://nn/data"));
        assertThat(Globs.fixedParent(new Path("/data/photos/*.jpg"))).isEqualTo(new Path("/data/photos"));
        assertThat(Globs.hasGlob("/data/photos")).isFalse();
    }
}
