package io.github.enhance4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.image.ImageFiles;
import io.github.enhance4j.models.BundledModel;
import io.github.enhance4j.spark.internal.FaultInjection;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnhanceJobTest {

    @TempDir
    static Path dir;

    private static TestImageSet images;
    private static Enhancer reference;

    @BeforeAll
    static void setUp() throws IOException {
        SparkTests.spark(); // running, so that execute() uses it and leaves it running
        images = TestImageSet.create(dir.resolve("in"));
        reference = Enhancer.load(BundledModel.SR_X2.source(), EnhanceOptions.builder().threads(1).build());
    }

    @AfterAll
    static void tearDown() {
        reference.close();
    }

    /** The outputs the command line would write for the test images with {@code -o}. */
    private static Set<String> expectedOutputs() {
        return images.good.stream().map(file -> {
            String relative = images.root.relativize(file).toString();
            return relative.replaceAll("\\.(png|jpg)$", "_enhanced.$1");
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void run_writesOneOutputPerInputAsTheCommandLineNamesItAndReportsTheBrokenOnes() throws IOException {
        Path out = dir.resolve("out");

        EnhanceReport report = EnhanceJob.builder(images.root.toString(), out.toString()).build()
                .run(SparkTests.spark());

        assertThat(report.written()).isEqualTo(TestImageSet.GOOD);
        assertThat(report.failed()).isEqualTo(TestImageSet.BROKEN.size());
        assertThat(report.skipped()).isZero();
        assertThat(report.failures()).extracting(EnhanceReport.Entry::input)
                .allSatisfy(input -> assertThat(TestImageSet.BROKEN).anyMatch(input::endsWith));
        assertThat(report.failures()).extracting(EnhanceReport.Entry::reason)
                .allSatisfy(reason -> assertThat(reason).startsWith("Cannot read image"));
        Set<String> expected = new TreeSet<>(expectedOutputs());
        expected.add(EnhanceJob.REPORT_NAME);
        assertThat(filesUnder(out)).isEqualTo(expected);
        for (Path input : images.good) {
            String relative = images.root.relativize(input).toString();
            boolean jpeg = relative.endsWith(".jpg");
            Path output = out.resolve(relative.replaceAll("\\.(png|jpg)$", "_enhanced.$1"));
            BufferedImage enhanced = reference.enhance(ImageFiles.read(input));
            BufferedImage expectedPixels = jpeg ? ImageFiles.read(new ByteArrayInputStream(
                    ImageFiles.encode(enhanced, "jpg")), "expected", 1 << 20) : enhanced;
            assertThat(SparkTests.maxDifference(ImageFiles.read(output), expectedPixels)).as("%s", output)
                    .isLessThanOrEqualTo(1);
        }
        String json = Files.readString(out.resolve(EnhanceJob.REPORT_NAME));
        assertThat(json).contains("\"written\": 96", "\"failed\": 4", "broken/text.png");
    }

    @Test
    void run_retriedTaskLeavesExactlyOneCompleteFilePerInput() throws IOException {
        Path out = dir.resolve("retried");
        AtomicInteger failedTasks = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().failed()) {
                    failedTasks.incrementAndGet();
                }
            }
        };
        SparkTests.spark().sparkContext().addSparkListener(listener);
        System.setProperty(FaultInjection.PROPERTY, "1");
        EnhanceReport report;
        try {
            report = EnhanceJob.builder(images.root.toString(), out.toString()).build().run(SparkTests.spark());
        } finally {
            System.clearProperty(FaultInjection.PROPERTY);
            SparkTests.spark().sparkContext().removeSparkListener(listener);
        }

        assertThat(failedTasks.get()).as("tasks that failed and were retried").isEqualTo(1);
        assertThat(report.written()).isEqualTo(TestImageSet.GOOD);
        assertThat(report.failed()).isEqualTo(TestImageSet.BROKEN.size());
        Set<String> expected = new TreeSet<>(expectedOutputs());
        expected.add(EnhanceJob.REPORT_NAME);
        assertThat(filesUnder(out)).as("no duplicate, no temporary file").isEqualTo(expected);
    }

    @Test
    void run_secondRunSkipsWhatTheFirstWroteAndOverwriteReplacesIt() throws IOException {
        Path in = dir.resolve("few");
        SparkTests.write(SparkTests.picture(24, 24, 5, BufferedImage.TYPE_INT_RGB), in.resolve("x/one.png"));
        SparkTests.write(SparkTests.picture(24, 24, 6, BufferedImage.TYPE_INT_RGB), in.resolve("two.JPG"));
        Path out = dir.resolve("few-out");
        EnhanceJob job = EnhanceJob.builder(in.toString(), out.toString()).build();
        assertThat(job.run(SparkTests.spark()).written()).isEqualTo(2);

        EnhanceReport again = job.run(SparkTests.spark());
        EnhanceReport overwritten = EnhanceJob.builder(in.toString(), out.toString()).overwrite(true).build()
                .run(SparkTests.spark());

        assertThat(again.skipped()).isEqualTo(2);
        assertThat(again.written()).isZero();
        assertThat(again.skips()).extracting(EnhanceReport.Entry::reason)
                .allSatisfy(reason -> assertThat(reason).contains("exists (use --overwrite"));
        assertThat(overwritten.written()).isEqualTo(2);
        assertThat(filesUnder(out)).containsExactly(EnhanceJob.REPORT_NAME, "two_enhanced.jpg",
                "x/one_enhanced.png");
    }

    @Test
    void run_outputFolderInsideTheInputIsNotReadBack() throws IOException {
        Path in = dir.resolve("nested");
        SparkTests.write(SparkTests.picture(24, 24, 7, BufferedImage.TYPE_INT_RGB), in.resolve("one.png"));
        Path out = in.resolve("enhanced");
        EnhanceJob.builder(in.toString(), out.toString()).build().run(SparkTests.spark());

        EnhanceReport again = EnhanceJob.builder(in.toString(), out.toString()).build().run(SparkTests.spark());

        assertThat(again.total()).isEqualTo(1);
        assertThat(again.skipped()).isEqualTo(1);
    }

    @Test
    void run_twoInputsWithOneOutputNameFailTheSecondInPathOrder() throws IOException {
        Path in = dir.resolve("same-stem");
        SparkTests.write(SparkTests.picture(24, 24, 8, BufferedImage.TYPE_INT_RGB), in.resolve("x y.bmp"));
        SparkTests.write(SparkTests.picture(24, 24, 9, BufferedImage.TYPE_INT_RGB), in.resolve("x y.png"));
        Path out = dir.resolve("same-stem-out");

        EnhanceReport report = EnhanceJob.builder(in.toString(), out.toString()).format("png").build()
                .run(SparkTests.spark());

        assertThat(report.written()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.input()).endsWith("x y.png");
            assertThat(failure.reason()).contains("x y_enhanced.png is already written from").contains("x y.bmp");
        });
        assertThat(filesUnder(out)).containsExactly(EnhanceJob.REPORT_NAME, "x y_enhanced.png");
    }

    @Test
    void execute_printsTheSummaryAndExitsWith1WhenSomeFailed() {
        Output output = new Output();

        int code = EnhanceJob.execute(new String[] {images.root.toString(), dir.resolve("cli").toString(),
                "--format", "png", "--glob", "*.{png,jpg}"}, output.out, output.err);

        assertThat(code).isEqualTo(1);
        assertThat(output.out()).contains("96 enhanced, 0 skipped, 4 failed in ").contains("images/s")
                .contains("report: ");
        assertThat(output.err()).contains("failed: ").contains("broken/noise.jpg: Cannot read image");
        assertThat(SparkTests.spark().sparkContext().isStopped()).as("a session it did not start is kept").isFalse();
    }

    @Test
    void execute_missingInputExitsWith2AndSaysSo() {
        Output output = new Output();

        int code = EnhanceJob.execute(new String[] {dir.resolve("nowhere").toString(), dir.resolve("o").toString()},
                output.out, output.err);

        assertThat(code).isEqualTo(2);
        assertThat(output.err()).contains("no such input: ").contains("nowhere");
    }

    @Test
    void execute_unknownModelExitsWith2AndNamesTheBundledOnes() {
        Output output = new Output();

        int code = EnhanceJob.execute(new String[] {images.root.toString(), dir.resolve("o").toString(), "-m",
                "sr-x3"}, output.out, output.err);

        assertThat(code).isEqualTo(2);
        assertThat(output.err()).contains("sr-x3").contains("sr-x2, sr-x4, seed-autoencoder");
    }

    @Test
    void execute_badCommandLineExitsWith2WithoutStartingSpark() {
        Output output = new Output();

        int code = EnhanceJob.execute(new String[] {"only-input"}, output.out, output.err);

        assertThat(code).isEqualTo(2);
        assertThat(output.err()).contains("no output folder").contains("Usage: EnhanceJob");
    }

    /** Captured standard output and error. */
    private static final class Output {
        private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }
}
