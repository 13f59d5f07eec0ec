package io.github.enhance4j.spark;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A folder of 100 small image files in sub-folders: 96 good ones (PNG with and without alpha, grey PNG, JPEG; 24 to
 * 48 pixels a side) and 4 broken ones (cut short, random bytes, text, an empty PNG signature).
 */
final class TestImageSet {

    static final int GOOD = 96;
    static final List<String> BROKEN = List.of("broken/cut.png", "broken/noise.jpg", "broken/text.png",
            "broken/deeper/signature.png");

    final Path root;
    final List<Path> good = new ArrayList<>();

    private TestImageSet(Path root) {
        this.root = root;
    }

    static TestImageSet create(Path root) throws IOException {
        TestImageSet set = new TestImageSet(root);
        Random random = new Random(17);
        for (int i = 0; i < GOOD; i++) {
            int w = 24 + random.nextInt(25);
            int h = 24 + random.nextInt(25);
            String folder = i % 3 == 0 ? "a" : i % 3 == 1 ? "b/c" : "";
            Path file;
            if (i % 4 == 0) {
                file = root.resolve(folder).resolve("photo" + i + ".jpg");
                SparkTests.write(SparkTests.picture(w, h, i, BufferedImage.TYPE_INT_RGB), file);
            } else if (i % 4 == 1) {
                file = root.resolve(folder).resolve("alpha" + i + ".png");
                SparkTests.write(SparkTests.picture(w, h, i, BufferedImage.TYPE_INT_ARGB), file);
            } else if (i % 4 == 2) {
                BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                grey.getGraphics().drawImage(SparkTests.picture(w, h, i, BufferedImage.TYPE_INT_RGB), 0, 0, null);
                file = root.resolve(folder).resolve("grey" + i + ".png");
                SparkTests.write(grey, file);
            } else {
                file = root.resolve(folder).resolve("rgb" + i + ".png");
                SparkTests.write(SparkTests.picture(w, h, i, BufferedImage.TYPE_INT_RGB), file);
            }
            set.good.add(file);
        }
        byte[] png = Files.readAllBytes(set.good.get(1));
        Files.createDirectories(root.resolve("broken/deeper"));
        Files.write(root.resolve(BROKEN.get(0)), Arrays.copyOf(png, png.length / 2));
        byte[] noise = new byte[3000];
        random.nextBytes(noise);
        Files.write(root.resolve(BROKEN.get(1)), noise);
        Files.writeString(root.resolve(BROKEN.get(2)), "this is not a picture");
        Files.write(root.resolve(BROKEN.get(3)), Arrays.copyOf(png, 8));
        return set;
    }
}
