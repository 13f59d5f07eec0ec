package io.github.enhance4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.models.BundledModel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnhanceTransformerTest {

    @TempDir
    static Path dir;

    private static TestImageSet images;
    private static Enhancer reference;

    @BeforeAll
    static void setUp() throws IOException {
        images = TestImageSet.create(dir.resolve("images"));
        reference = Enhancer.load(BundledModel.SR_X2.source(), EnhanceOptions.builder().threads(1).build());
    }

    @AfterAll
    static void tearDown() {
        reference.close();
    }

    private static SparkSession spark() {
        return SparkTests.spark();
    }

    private static Dataset<Row> binaryFiles(Path folder) {
        return spark().read().format("binaryFile").option("recursiveFileLookup", "true").load(folder.toString());
    }

    @Test
    void transform_binaryFilesGiveThePlainEnhancersPixelsAndBrokenRowsTheirErrors() throws IOException {
        Dataset<Row> out = new EnhanceTransformer().setModel("sr-x2").setFormat("png").transform(binaryFiles(images.root));

        List<Row> rows = out.select("path", "enhanced", "enhanced_width", "enhanced_height", "enhance_error")
                .collectAsList();

        assertThat(rows).hasSize(TestImageSet.GOOD + TestImageSet.BROKEN.size());
        Map<String, Row> byName = new HashMap<>();
        for (Row row : rows) {
            byName.put(images.root.relativize(Path.of(java.net.URI.create(row.getString(0)))).toString(), row);
        }
        for (Path file : images.good) {
            Row row = byName.get(images.root.relativize(file).toString());
            assertThat(row.isNullAt(4)).as("error of %s: %s", file, row.get(4)).isTrue();
            BufferedImage expected = reference.enhance(ImageFiles.read(file));
            BufferedImage actual = ImageFiles.read(new ByteArrayInputStream((byte[]) row.get(1)), "output", 1 << 20);
            assertThat(row.getInt(2)).isEqualTo(expected.getWidth());
            assertThat(row.getInt(3)).isEqualTo(expected.getHeight());
            assertThat(SparkTests.maxDifference(actual, expected)).as("%s", file).isLessThanOrEqualTo(1);
        }
        for (String broken : TestImageSet.BROKEN) {
            Row row = byName.get(broken);
            assertThat(row.isNullAt(1)).isTrue();
            assertThat(row.isNullAt(2)).isTrue();
            assertThat(row.getString(4)).startsWith("Cannot read image ").contains(broken);
        }
    }

    @Test
    void transform_imageSchemaInputIsReadAsBgr() throws IOException {
        Path folder = dir.resolve("structs");
        BufferedImage rgb = SparkTests.picture(30, 26, 1, BufferedImage.TYPE_INT_RGB);
        BufferedImage argb = SparkTests.picture(28, 24, 2, BufferedImage.TYPE_INT_ARGB);
        SparkTests.write(rgb, folder.resolve("rgb.png"));
        SparkTests.write(argb, folder.resolve("argb.png"));
        Dataset<Row> structs = spark().read().format("image").load(folder.toString());

        List<Row> rows = new EnhanceTransformer().setInputCol("image").transform(structs)
                .select("image.origin", "enhanced", "enhance_error").collectAsList();

        assertThat(rows).hasSize(2);
        for (Row row : rows) {
            assertThat(row.isNullAt(2)).as("error: %s", row.get(2)).isTrue();
            BufferedImage input = row.getString(0).endsWith("argb.png") ? argb : rgb;
            BufferedImage actual = ImageFiles.read(new ByteArrayInputStream((byte[]) row.get(1)), "output", 1 << 20);
            assertThat(actual.getColorModel().hasAlpha()).isEqualTo(input.getColorModel().hasAlpha());
            assertThat(SparkTests.maxDifference(actual, reference.enhance(input))).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void transformSchema_columnOfAnotherTypeSaysWhatItTakes() {
        Dataset<Row> strings = spark().sql("SELECT 'x' AS content");

        assertThatThrownBy(() -> new EnhanceTransformer().transform(strings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'content' is string")
                .hasMessageContaining("binaryFile")
                .hasMessageContaining("image struct");
    }

    @Test
    void transformSchema_missingColumnListsTheColumns() {
        Dataset<Row> files = binaryFiles(images.root);

        assertThatThrownBy(() -> new EnhanceTransformer().setInputCol("bytes").transformSchema(files.schema()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputCol 'bytes' is not a column")
                .hasMessageContaining("content");
    }

    @Test
    void transformSchema_existingOutputColumnIsRefused() {
        Dataset<Row> files = binaryFiles(images.root);

        assertThatThrownBy(() -> new EnhanceTransformer().setOutputCol("path").transformSchema(files.schema()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'path' is already in the input");
    }

    @Test
    void transformSchema_unwritableFormatListsTheWritableOnes() {
        Dataset<Row> files = binaryFiles(images.root);

        assertThatThrownBy(() -> new EnhanceTransformer().setFormat("xyz").transformSchema(files.schema()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xyz'")
                .hasMessageContaining("png");
    }

    @Test
    void transform_unknownModelFailsOnTheDriverNamingTheBundledOnes() {
        Dataset<Row> files = binaryFiles(images.root);

        assertThatThrownBy(() -> new EnhanceTransformer().setModel("sr-x3").transform(files))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("sr-x3")
                .hasMessageContaining("sr-x2, sr-x4, seed-autoencoder");
    }

    @Test
    void saveAndLoad_keepsEveryParameter() throws IOException {
        EnhanceTransformer stage = new EnhanceTransformer().setModel("sr-x4").setFormat("jpg").setOutscale(2.5)
                .setTileSize(128).setThreads(3).setOutputCol("sharp").setFormatCol("fmt");
        String path = dir.resolve("stage").toString();

        stage.save(path);
        EnhanceTransformer loaded = EnhanceTransformer.load(path);

        assertThat(loaded.uid()).isEqualTo(stage.uid());
        assertThat(loaded.getModel()).isEqualTo("sr-x4");
        assertThat(loaded.getFormat()).isEqualTo("jpg");
        assertThat(loaded.getOutscale()).isEqualTo(2.5);
        assertThat(loaded.getTileSize()).isEqualTo(128);
        assertThat(loaded.getThreads()).isEqualTo(3);
        assertThat(loaded.getOutputCol()).isEqualTo("sharp");
        assertThat(loaded.getFormatCol()).isEqualTo("fmt");
        assertThat(loaded.getInputCol()).isEqualTo("content");
    }

    @Test
    void pipeline_savedAndLoadedEnhancesAsBefore() throws IOException {
        Path folder = dir.resolve("pipeline");
        BufferedImage picture = SparkTests.picture(32, 32, 3, BufferedImage.TYPE_INT_RGB);
        SparkTests.write(picture, folder.resolve("one.png"));
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {new EnhanceTransformer().setOutscale(3)});
        PipelineModel fitted = pipeline.fit(binaryFiles(folder));
        String path = dir.resolve("pipeline-model").toString();

        fitted.save(path);
        Row row = PipelineModel.load(path).transform(binaryFiles(folder))
                .select("enhanced", "enhanced_width", "enhance_error").first();

        assertThat(row.isNullAt(2)).as("error: %s", row.get(2)).isTrue();
        assertThat(row.getInt(1)).isEqualTo(96);
        BufferedImage actual = ImageFiles.read(new ByteArrayInputStream((byte[]) row.get(0)), "output", 1 << 20);
        BufferedImage expected;
        try (Enhancer thrice = Enhancer.load(BundledModel.SR_X2.source(),
                EnhanceOptions.builder().threads(1).outscale(3).build())) {
            expected = thrice.enhance(picture);
        }
        assertThat(SparkTests.maxDifference(actual, expected)).isLessThanOrEqualTo(1);
    }

    @Test
    void transform_keepsEachInputsFormatByDefaultAndNullsPassThrough() {
        Dataset<Row> files = binaryFiles(images.root).where("path LIKE '%/a/%'")
                .selectExpr("path", "IF(path LIKE '%photo0.jpg', NULL, content) AS content");

        List<Row> rows = new EnhanceTransformer().transform(files)
                .select("path", "enhanced", "enhance_error").collectAsList();

        for (Row row : rows) {
            if (row.getString(0).endsWith("photo0.jpg")) {
                assertThat(row.isNullAt(1)).isTrue();
                assertThat(row.isNullAt(2)).isTrue();
            } else {
                byte[] bytes = (byte[]) row.get(1);
                boolean jpeg = (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8;
                assertThat(jpeg).as("%s", row.getString(0)).isEqualTo(row.getString(0).endsWith(".jpg"));
            }
        }
    }
}
