package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.enhance4j.ImageWriteException;
import io.github.enhance4j.testing.HostileImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer that dies half-way through an image, as an encoder bug, a full disk or a killed thread would leave it:
 * the final name keeps its old content (or stays absent), and no temporary file remains. The killed-process case is
 * {@code BatchResourcesTest} in the samples module.
 */
class InterruptedWriteTest {

    private static final FailingWriterSpi FAILING = new FailingWriterSpi();

    @TempDir
    Path dir;

    @BeforeEach
    void register() {
        IIORegistry.getDefaultInstance().registerServiceProvider(FAILING, ImageWriterSpi.class);
    }

    @AfterEach
    void deregister() {
        IIORegistry.getDefaultInstance().deregisterServiceProvider(FAILING, ImageWriterSpi.class);
    }

    @Test
    void write_encoderFailingHalfWay_leavesTheOldFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("result.halfway");
        byte[] old = "the previous, complete result".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(target, old);

        assertThatThrownBy(() -> ImageFiles.write(HostileImages.noise(40, 30, BufferedImage.TYPE_INT_RGB, 1), target))
                .isInstanceOf(ImageWriteException.class)
                .hasMessageContaining("disk full after 1000 bytes");

        assertThat(Files.readAllBytes(target)).isEqualTo(old);
        assertThat(FAILING.bytesWritten).as("the encoder did write part of the image first").isEqualTo(1000);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("result.halfway");
        }
    }

    @Test
    void write_encoderFailingHalfWay_createsNothingWhereNothingWas() throws IOException {
        Path target = dir.resolve("new.halfway");

        assertThatThrownBy(() -> ImageFiles.write(HostileImages.noise(40, 30, BufferedImage.TYPE_INT_RGB, 2), target))
                .isInstanceOf(ImageWriteException.class);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    /** Writes 1000 bytes of the image, then fails like a full disk. */
    private static final class FailingWriterSpi extends ImageWriterSpi {
        volatile int bytesWritten;

        FailingWriterSpi() {
            super("enhance4j tests", "1", new String[] {"halfway"}, new String[] {"halfway"},
                    new String[] {"image/x-halfway"}, FailingWriter.class.getName(),
                    new Class<?>[] {ImageOutputStream.class}, null, false, null, null, null, null, false, null, null,
                    null, null);
        }

        @Override
        public boolean canEncodeImage(ImageTypeSpecifier type) {
            return true;
        }

        @Override
        public ImageWriter createWriterInstance(Object extension) {
            return new FailingWriter(this);
        }

        @Override
        public String getDescription(Locale locale) {
            return "fails half-way";
        }
    }

    private static final class FailingWriter extends ImageWriter {
        FailingWriter(FailingWriterSpi spi) {
            super(spi);
        }

        @Override
        public void write(IIOMetadata streamMetadata, IIOImage image, ImageWriteParam param) throws IOException {
            ImageOutputStream out = (ImageOutputStream) getOutput();
            for (int i = 0; i < 1000; i++) {
                out.write(i);
            }
            out.flush();
            ((FailingWriterSpi) originatingProvider).bytesWritten = 1000;
            throw new IOException("disk full after 1000 bytes");
        }

        @Override
        public IIOMetadata getDefaultStreamMetadata(ImageWriteParam param) {
            return null;
        }

        @Override
        public IIOMetadata getDefaultImageMetadata(ImageTypeSpecifier imageType, ImageWriteParam param) {
            return null;
        }

        @Override
        public IIOMetadata convertStreamMetadata(IIOMetadata inData, ImageWriteParam param) {
            return null;
        }

        @Override
        public IIOMetadata convertImageMetadata(IIOMetadata inData, ImageTypeSpecifier imageType,
                ImageWriteParam param) {
            return null;
        }
    }
}
