package io.github.enhance4j.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OutputNamesTest {

    private static final URI IN = URI.create("file:/data/in");
    private static final URI OUT = URI.create("file:/data/out");

    @Test
    void target_keepsTheRelativeFolderAndAddsTheSuffix() {
        OutputNames names = new OutputNames(IN, OUT, "_enhanced", null);

        assertThat(names.target("file:/data/in/a/b/photo.jpg"))
                .isEqualTo(new OutputNames.Target("a/b/photo_enhanced.jpg", "jpg"));
        assertThat(names.target("file:/data/in/top.PNG").relative()).isEqualTo("top_enhanced.png");
    }

    @Test
    void target_ofAnUnwritableFormatIsPngAndAFormatAskedForWins() {
        assertThat(new OutputNames(IN, OUT, "_x", null).target("file:/data/in/pic.webp").relative())
                .isEqualTo("pic_x.png");
        assertThat(new OutputNames(IN, OUT, "", "bmp").target("file:/data/in/pic.jpg").relative())
                .isEqualTo("pic.bmp");
    }

    @Test
    void target_keepsSpacesAndOtherCharactersOfTheName() {
        OutputNames names = new OutputNames(URI.create("file:/data/my%20in"), OUT, "_e", null);

        assertThat(names.target("file:/data/my in/x y/a b.png").relative()).isEqualTo("x y/a b_e.png");
    }

    @Test
    void target_ofAFileOutsideTheRootIsNamedAfterTheFileAlone() {
        assertThat(new OutputNames(IN, OUT, "_e", null).target("file:/elsewhere/one.png").relative())
                .isEqualTo("one_e.png");
    }

    @Test
    void isOwnOutput_isEverythingInAnOutputFolderInsideTheInput() {
        OutputNames names = new OutputNames(IN, URI.create("file:/data/in/enhanced"), "_enhanced", null);

        assertThat(names.isOwnOutput("file:/data/in/enhanced/anything.png")).isTrue();
        assertThat(names.isOwnOutput("file:/data/in/enhanced-not/one.png")).isFalse();
        assertThat(names.isOwnOutput("file:/data/in/one.png")).isFalse();
    }

    @Test
    void isOwnOutput_inTheInputFolderItselfIsWhatCarriesTheSuffix() {
        OutputNames names = new OutputNames(IN, IN, "_enhanced", null);

        assertThat(names.isOwnOutput("file:/data/in/a/one_enhanced.png")).isTrue();
        assertThat(names.isOwnOutput("file:/data/in/a/one.png")).isFalse();
    }

    @Test
    void overwritesInput_onlyWhenTheTargetIsTheInputItself() {
        OutputNames names = new OutputNames(IN, IN, "", null);

        assertThat(names.overwritesInput("file:/data/in/a.png", names.target("file:/data/in/a.png"))).isTrue();
        assertThat(names.overwritesInput("file:/data/in/a.webp", names.target("file:/data/in/a.webp"))).isFalse();
    }

    @Test
    void roots_onOtherFileSystemsAreNotMixedUp() {
        OutputNames names = new OutputNames(URI.create("hdfs://nn/data/in"), URI.create("file:/data/in"), "", null);

        assertThat(names.isOwnOutput("hdfs://nn/data/in/a.png")).isFalse();
        assertThat(names.target("hdfs://nn/data/in/x/a.png").relative()).isEqualTo("x/a.png");
    }
}
