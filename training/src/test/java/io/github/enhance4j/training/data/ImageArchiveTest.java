package io.github.enhance4j.training.data;

import io.github.enhance4j.training.data.DatasetException.Reason;
import io.github.enhance4j.training.data.TestArchives.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class ImageArchiveTest {

    private static final List<String> LFW_LIKE_NAMES =
            List.of("lfw/Alice/Alice_0001.png", "lfw/Alice/Alice_0002.PNG", "lfw/Bob/Bob_0001.jpg");

    @TempDir
    Path dir;

    @Test
    void read_tgz_keepsImagesSortedByName() throws IOException {
        Path archive = TestArchives.tgz(dir.resolve("faces.tgz"), TestArchives.lfwLike());

        List<EncodedImage> images = ImageArchive.read(archive);

        assertThat(images).extracting(EncodedImage::name).containsExactlyElementsOf(LFW_LIKE_NAMES);
        assertThat(images.get(2).bytes()).isEqualTo(TestArchives.jpeg(12, 10, 1));
    }

    @Test
    void read_tarGzTarAndZip_giveTheSameImages() throws IOException {
        List<EncodedImage> tgz = ImageArchive.read(TestArchives.tgz(dir.resolve("a.TAR.GZ"), TestArchives.lfwLike()));
        List<EncodedImage> tar = ImageArchive.read(TestArchives.tar(dir.resolve("a.tar"), TestArchives.lfwLike()));
        List<EncodedImage> zip = ImageArchive.read(TestArchives.zip(dir.resolve("a.zip"), TestArchives.lfwLike()));

        assertThat(tar).isEqualTo(tgz);
        assertThat(zip).isEqualTo(tgz);
    }

    @Test
    void read_folder_isRecursiveAndNamesUseSlashes() throws IOException {
        for (Entry e : TestArchives.lfwLike()) {
            Path file = dir.resolve("root").resolve(e.name());
            if (e.directory()) {
                Files.createDirectories(file);
            } else {
                Files.createDirectories(file.getParent());
                Files.write(file, e.bytes());
            }
        }

        List<EncodedImage> images = ImageArchive.read(dir.resolve("root"));

        assertThat(images).extracting(EncodedImage::name).containsExactlyElementsOf(LFW_LIKE_NAMES);
        assertThat(images).isEqualTo(ImageArchive.read(TestArchives.zip(dir.resolve("a.zip"),
                TestArchives.lfwLike())));
    }

    @Test
    void read_skipsMacOsMetadataAndNormalisesDotSegments() throws IOException {
        Path archive = TestArchives.zip(dir.resolve("mac.zip"), List.of(
                Entry.file("./set//a.png", TestArchives.png(2, 2, 1)),
                Entry.file("__MACOSX/set/._a.png", TestArchives.text("resource fork")),
                Entry.file("set/._b.jpg", TestArchives.text("resource fork"))));

        assertThat(ImageArchive.read(archive)).extracting(EncodedImage::name).containsExactly("set/a.png");
    }

    @Test
    void read_duplicateName_laterEntryWins() throws IOException {
        byte[] second = TestArchives.png(3, 3, 9);
        Path archive = TestArchives.tar(dir.resolve("dup.tar"), List.of(
                Entry.file("a.png", TestArchives.png(2, 2, 1)), Entry.file("a.png", second)));

        assertThat(ImageArchive.read(archive)).singleElement()
                .satisfies(image -> assertThat(image.bytes()).isEqualTo(second));
    }

    @Test
    void read_dotDotEntry_isRefusedNamingIt() throws IOException {
        for (Path archive : List.of(
                TestArchives.tgz(dir.resolve("slip.tgz"), List.of(Entry.file("ok.png", TestArchives.png(2, 2, 1)),
                        Entry.file("faces/../../evil.png", TestArchives.png(2, 2, 2)))),
                TestArchives.zip(dir.resolve("slip.zip"), List.of(Entry.file("ok.png", TestArchives.png(2, 2, 1)),
                        Entry.file("faces/../../evil.png", TestArchives.png(2, 2, 2)))),
                TestArchives.zip(dir.resolve("slip-backslash.zip"),
                        List.of(Entry.file("faces\\..\\..\\evil.png", TestArchives.png(2, 2, 2)))))) {
            assertThatThrownBy(() -> ImageArchive.read(archive))
                    .isInstanceOf(DatasetException.class)
                    .hasMessageContaining("evil.png").hasMessageContaining("'..'")
                    .asInstanceOf(type(DatasetException.class))
                    .extracting(DatasetException::reason).isEqualTo(Reason.UNSAFE_ENTRY);
        }
    }

    @Test
    void read_absoluteEntry_isRefused() throws IOException {
        Path tar = TestArchives.tar(dir.resolve("abs.tar"), List.of(Entry.file("/etc/evil.png",
                TestArchives.png(2, 2, 1))));
        Path zip = TestArchives.zip(dir.resolve("abs.zip"), List.of(Entry.file("C:/evil.png",
                TestArchives.png(2, 2, 1))));

        assertThatThrownBy(() -> ImageArchive.read(tar)).hasMessageContaining("/etc/evil.png")
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> ImageArchive.read(zip)).hasMessageContaining("C:/evil.png")
                .hasMessageContaining("absolute");
    }

    @Test
    void read_linkEntries_areRefused() throws IOException {
        Path symlinkTar = TestArchives.tgz(dir.resolve("sym.tgz"), List.of(Entry.symlink("a.png", "/etc/passwd")));
        Path hardLinkTar = TestArchives.tar(dir.resolve("hard.tar"), List.of(
                Entry.file("a.png", TestArchives.png(2, 2, 1)), Entry.hardLink("b.png", "a.png")));
        Path symlinkZip = TestArchives.zip(dir.resolve("sym.zip"), List.of(Entry.symlink("a.png", "../../x")));

        assertThatThrownBy(() -> ImageArchive.read(symlinkTar)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("'a.png' is a symbolic link to /etc/passwd");
        assertThatThrownBy(() -> ImageArchive.read(hardLinkTar))
                .hasMessageContaining("'b.png' is a hard link to a.png");
        assertThatThrownBy(() -> ImageArchive.read(symlinkZip))
                .hasMessageContaining("'a.png' is a symbolic link");
    }

    @Test
    void read_oversizedEntry_isRefusedWhileStreaming() throws IOException {
        byte[] big = new byte[100_000]; // zeros: compresses to almost nothing, like a bomb
        Path archive = TestArchives.tgz(dir.resolve("bomb.tgz"), List.of(Entry.file("big.png", big)));

        assertThatThrownBy(() -> ImageArchive.read(archive, ArchiveLimits.DEFAULTS.withMaxEntryBytes(50_000)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("big.png").hasMessageContaining("larger than 50000 bytes")
                .asInstanceOf(type(DatasetException.class))
                .extracting(DatasetException::reason).isEqualTo(Reason.LIMIT_EXCEEDED);
    }

    @Test
    void read_totalSize_countsSkippedEntriesToo() throws IOException {
        Path archive = TestArchives.zip(dir.resolve("bomb.zip"), List.of(
                Entry.file("a.png", TestArchives.png(2, 2, 1)), Entry.file("padding.bin", new byte[200_000])));

        assertThatThrownBy(() -> ImageArchive.read(archive, ArchiveLimits.DEFAULTS.withMaxTotalBytes(100_000)))
                .hasMessageContaining("expands to more than 100000 bytes").hasMessageContaining("padding.bin");
    }

    @Test
    void read_tooManyEntries_isRefused() throws IOException {
        Path archive = TestArchives.tar(dir.resolve("many.tar"), List.of(
                Entry.file("a.txt", TestArchives.text("a")), Entry.file("b.txt", TestArchives.text("b")),
                Entry.file("c.png", TestArchives.png(2, 2, 1))));

        assertThatThrownBy(() -> ImageArchive.read(archive, ArchiveLimits.DEFAULTS.withMaxEntries(2)))
                .hasMessageContaining("more than 2 entries");
    }

    @Test
    void read_truncatedTgz_isCorrupt() throws IOException {
        Path whole = TestArchives.tgz(dir.resolve("whole.tgz"), TestArchives.lfwLike());
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.tgz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ImageArchive.read(truncated))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("truncated.tgz").hasMessageContaining("download or create it again")
                .asInstanceOf(type(DatasetException.class))
                .extracting(DatasetException::reason).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void read_truncatedZip_isCorrupt() throws IOException {
        Path whole = TestArchives.zip(dir.resolve("whole.zip"), TestArchives.lfwLike());
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ImageArchive.read(truncated)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("zip archive")
                .asInstanceOf(type(DatasetException.class))
                .extracting(DatasetException::reason).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void read_notAGzip_isCorrupt() throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.tgz"), "hello, I am not compressed");

        assertThatThrownBy(() -> ImageArchive.read(fake)).hasMessageContaining("gzip-compressed tar archive");
    }

    @Test
    void read_missingSource_saysWhatToPass() {
        assertThatThrownBy(() -> ImageArchive.read(dir.resolve("nope.tgz")))
                .hasMessageContaining("does not exist").hasMessageContaining(".tgz, .tar.gz, .tar, .zip")
                .asInstanceOf(type(DatasetException.class))
                .extracting(DatasetException::reason).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void read_unknownArchiveType_listsTheSupportedOnes() throws IOException {
        Path rar = Files.writeString(dir.resolve("faces.rar"), "x");

        assertThatThrownBy(() -> ImageArchive.read(rar))
                .hasMessageContaining("Unknown archive type").hasMessageContaining("*.tgz, *.tar.gz, *.tar, *.zip")
                .asInstanceOf(type(DatasetException.class))
                .extracting(DatasetException::reason).isEqualTo(Reason.UNSUPPORTED_TYPE);
    }

    @Test
    void read_noImages_listsTheExtensions() throws IOException {
        Path archive = TestArchives.zip(dir.resolve("text.zip"), List.of(Entry.file("a.txt", TestArchives.text("a"))));

        assertThatThrownBy(() -> ImageArchive.read(archive))
                .hasMessageContaining("No images found").hasMessageContaining("jpg, jpeg, png")
                .asInstanceOf(type(DatasetException.class))
                .extracting(DatasetException::reason).isEqualTo(Reason.NO_IMAGES);
    }

    @Test
    void isImageName_ignoresCaseAndNeedsAnExtension() {
        assertThat(ImageArchive.isImageName("a/B.JPEG")).isTrue();
        assertThat(ImageArchive.isImageName("x.webp")).isTrue();
        assertThat(ImageArchive.isImageName("jpg")).isFalse();
        assertThat(ImageArchive.isImageName("a.jpg/readme")).isFalse();
        assertThat(ImageArchive.isImageName("notes.txt")).isFalse();
    }
}
