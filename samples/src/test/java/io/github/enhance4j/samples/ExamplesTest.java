package io.github.enhance4j.samples;

import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

class ExamplesTest {

    @TempDir
    Path dir;

    private Path model() throws IOException {
        Path file = dir.resolve("model.onnx");
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("io/github/enhance4j/models/sr-x2.onnx")) {
            Files.copy(in, file);
        }
        return file;
    }

    private void image(Path file, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(w * 31L + h);
        for (int i = 0; i < w * h; i++) {
            img.setRGB(i % w, i / w, r.nextInt());
        }
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void minimalExample_enhancesOneImage() throws Exception {
        Path in = dir.resolve("in.png");
        image(in, 20, 10);
        Path out = dir.resolve("out.png");

        MinimalExample.main(new String[] {model().toString(), in.toString(), out.toString()});

        assertThat(ImageIO.read(out.toFile()).getWidth()).isEqualTo(40);
    }

    @Test
    void folderExample_enhancesEveryImageWithAThreadPool() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < 6; i++) {
            image(in.resolve("img" + i + ".png"), 10 + i, 8);
        }
        Files.writeString(in.resolve("broken.jpg"), "not a jpeg");
        Path out = dir.resolve("out");

        int failed;
        try (Enhancer e = Enhancer.load(ModelSource.of(model()), EnhanceOptions.defaults())) {
            failed = FolderExample.enhanceFolder(e, in, out, 3);
        }

        assertThat(failed).isEqualTo(1);
        for (int i = 0; i < 6; i++) {
            assertThat(ImageIO.read(out.resolve("img" + i + ".png").toFile()).getWidth()).isEqualTo(2 * (10 + i));
        }
    }
}
