import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Builds the held-out folders that MODELS.md's tables are measured on, from {@code ../shared/data} and (for the
 * pictures that are not there) scikit-image's public-domain / CC0 sample photos, which Debian's
 * {@code python3-skimage} puts in {@code /usr/lib/python3/dist-packages/skimage/data} (only the PNG files are read;
 * nothing of Python runs):
 *
 * <ul>
 *   <li>{@code heldout/}: the 19 pictures of Set5 and Set14 (copies);</li>
 *   <li>{@code heldout-extra/}: scikit-image's {@code astronaut}, {@code chelsea}, {@code coffee} and
 *       {@code motorcycle_left};</li>
 *   <li>{@code faces9/}: nine square crops around faces that are not LFW's (the seed protocol's other faces): Set5
 *       {@code baby} and {@code head} whole, and crops (x, y, side) of {@code woman}, {@code barbara}, {@code comic},
 *       {@code lenna}, {@code man}, {@code foreman} and {@code astronaut};</li>
 *   <li>{@code lfw-held/}: 20 LFW faces beyond the 3,000 that the restoration presets train on ({@code max=3000}):
 *       the JPEG entries of {@code lfw-deepfunneled.tgz} in archive order, every 350th from the 6,000th (0-based)
 *       to before the 13,000th.</li>
 * </ul>
 *
 * <pre>
 * java -cp training/target/enhance4j-train.jar tools/HeldoutSets.java ../shared/data OUT_DIR [SKIMAGE_DATA_DIR]
 * </pre>
 *
 * A folder whose source is missing is skipped with a message; existing files are replaced.
 */
public class HeldoutSets {

    /** A face crop: the picture (relative to the data folder, or {@code skimage:NAME}) and its square. */
    private record Crop(String source, int x, int y, int side) {
    }

    private static final Map<String, Crop> FACE_CROPS = Map.of(
            "woman", new Crop("sr-bench/Set5/woman.png", 0, 11, 218),
            "barbara", new Crop("sr-bench/Set14/barbara.png", 348, 0, 240),
            "comic", new Crop("sr-bench/Set14/comic.png", 0, 54, 205),
            "lenna", new Crop("sr-bench/Set14/lenna.png", 119, 137, 375),
            "man", new Crop("sr-bench/Set14/man.png", 119, 51, 188),
            "foreman", new Crop("sr-bench/Set14/foreman.png", 53, 53, 234),
            "astronaut", new Crop("skimage:astronaut.png", 85, 0, 222));

    private static final List<String> EXTRA_PHOTOS = List.of("astronaut.png", "chelsea.png", "coffee.png",
            "motorcycle_left.png");

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: HeldoutSets DATA_DIR OUT_DIR [SKIMAGE_DATA_DIR]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path skimage = Path.of(args.length > 2 ? args[2] : "/usr/lib/python3/dist-packages/skimage/data");

        Path heldout = Files.createDirectories(out.resolve("heldout"));
        for (String set : List.of("Set5", "Set14")) {
            try (Stream<Path> files = Files.list(data.resolve("sr-bench").resolve(set))) {
                for (Path f : files.sorted().toList()) {
                    Files.copy(f, heldout.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        report(heldout);

        if (Files.isDirectory(skimage)) {
            Path extra = Files.createDirectories(out.resolve("heldout-extra"));
            for (String name : EXTRA_PHOTOS) {
                Files.copy(skimage.resolve(name), extra.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            report(extra);
        } else {
            System.err.println("skipped heldout-extra/ and the astronaut face: no " + skimage
                    + " (apt-get install python3-skimage, or give the folder holding astronaut.png)");
        }

        Path faces = Files.createDirectories(out.resolve("faces9"));
        for (String whole : List.of("baby", "head")) {
            Files.copy(data.resolve("sr-bench/Set5/" + whole + ".png"), faces.resolve(whole + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        for (var entry : FACE_CROPS.entrySet()) {
            Crop crop = entry.getValue();
            Path file = crop.source().startsWith("skimage:") ? skimage.resolve(crop.source().substring(8))
                    : data.resolve(crop.source());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            BufferedImage image = ImageIO.read(file.toFile());
            BufferedImage square = new BufferedImage(crop.side(), crop.side(), BufferedImage.TYPE_3BYTE_BGR);
            square.getGraphics().drawImage(image.getSubimage(crop.x(), crop.y(), crop.side(), crop.side()), 0, 0,
                    null);
            ImageIO.write(square, "png", faces.resolve(entry.getKey() + ".png").toFile());
        }
        report(faces);

        Path lfw = data.resolve("lfw/lfw-deepfunneled.tgz");
        if (Files.isRegularFile(lfw)) {
            Path held = Files.createDirectories(out.resolve("lfw-held"));
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                    new BufferedInputStream(Files.newInputStream(lfw))))) {
                int index = 0;
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    if (!e.isFile() || !e.getName().toLowerCase().endsWith(".jpg")) {
                        continue;
                    }
                    if (index >= 6000 && index < 13000 && (index - 6000) % 350 == 0) {
                        String name = Path.of(e.getName()).getFileName().toString();
                        Files.copy(tar, held.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                    index++;
                }
            }
            report(held);
        } else {
            System.err.println("skipped lfw-held/: no " + lfw);
        }
    }

    private static void report(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            System.out.println(dir + ": " + files.count() + " pictures");
        }
    }
}
