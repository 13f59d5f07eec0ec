package io.github.enhance4j.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hadoop store on the local file system, without checksums, as it runs on HDFS. */
class HadoopOutputStoreTest {

    @TempDir
    Path dir;

    private OutputStore store() {
        return new HadoopOutputStore(dir.toUri().toString(), () -> {
            Configuration conf = new Configuration();
            conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
            conf.setBoolean("fs.file.impl.disable.cache", true);
            return conf;
        });
    }

    @Test
    void write_createsFoldersAndLeavesOnlyTheTarget() throws IOException {
        OutputStore store = store();

        store.write("a/b/one.png", new byte[] {1, 2, 3});

        assertThat(Files.readAllBytes(dir.resolve("a/b/one.png"))).containsExactly(1, 2, 3);
        assertThat(files()).containsExactly("a/b/one.png");
    }

    @Test
    void write_replacesAnExistingOutput() throws IOException {
        OutputStore store = store();
        store.write("one.png", new byte[] {1});

        store.write("one.png", new byte[] {2, 2});

        assertThat(Files.readAllBytes(dir.resolve("one.png"))).containsExactly(2, 2);
        assertThat(files()).containsExactly("one.png");
    }

    @Test
    void modified_isMinusOneForNoFileAndNotBeforeTheStoresClockForANewOne() throws IOException {
        OutputStore store = store();
        long before = store.now();

        assertThat(store.modified("x.png")).isEqualTo(-1);
        store.write("x.png", new byte[] {1});
        assertThat(store.modified("x.png")).isGreaterThanOrEqualTo(before);
        assertThat(files()).containsExactly("x.png");
    }

    private java.util.List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
