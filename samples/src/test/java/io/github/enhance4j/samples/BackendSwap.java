package io.github.enhance4j.samples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Runs {@link MinimalExample} unchanged with whatever backend the test class path holds: the model is an ONNX file
 * written by our DL4J exporter (a tiny ESPCN x2), which both backends can run.
 */
final class BackendSwap {

    /** Both test runs write here; the DL4J run compares its result with the ONNX run's. */
    static final Path RESULTS = Path.of("target", "backend-swap");

    private BackendSwap() {
    }

    /** Runs the sample; returns what it printed. */
    static String runSample(String resultName) throws IOException {
        Files.createDirectories(RESULTS);
        Path model = RESULTS.resolve("espcn-x2-tiny.onnx");
        try (InputStream in = BackendSwap.class.getResourceAsStream("/models/espcn-x2-tiny.onnx")) {
            Files.copy(in, model, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path input = RESULTS.resolve("input.png");
        ImageIO.write(input(), "png", input.toFile());
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            MinimalExample.main(new String[] {model.toString(), input.toString(),
                RESULTS.resolve(resultName).toString()});
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static BufferedImage input() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int r = (int) (128 + 100 * Math.sin(x / 5.0));
                int g = (int) (128 + 100 * Math.cos(y / 4.0));
                int b = (x * y) % 256;
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }
}
