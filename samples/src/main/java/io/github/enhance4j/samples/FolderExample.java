package io.github.enhance4j.samples;

import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.Enhancer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Enhances every PNG and JPEG of a folder into another folder with a thread pool: one {@link Enhancer} is shared by
 * all threads, since {@code enhance} is thread-safe. {@code java FolderExample model.onnx IN_DIR OUT_DIR [THREADS]}.
 */
public final class FolderExample {

    private FolderExample() {
    }

    /** Enhances the folder; returns how many images failed. */
    public static int enhanceFolder(Enhancer enhancer, Path in, Path out, int threads)
            throws IOException, InterruptedException {
        Files.createDirectories(out);
        List<Path> images;
        try (Stream<Path> files = Files.list(in)) {
            images = files.filter(p -> p.toString().matches("(?i).*\\.(png|jpe?g)")).sorted()
                    .collect(Collectors.toList());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (Path image : images) {
                String name = image.getFileName().toString().replaceFirst("\\.[^.]+$", ".png");
                results.add(pool.submit(() -> {
                    enhancer.enhance(image, out.resolve(name)); // reads, enhances, writes atomically
                    return null;
                }));
            }
            int failed = 0;
            for (int i = 0; i < results.size(); i++) {
                try {
                    results.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                    Throwable cause = e.getCause();
                    System.err.println(images.get(i) + ": " + (cause instanceof EnhanceException
                            ? cause.getMessage() : cause.toString()));
                }
            }
            return failed;
        } finally {
            pool.shutdown();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: FolderExample MODEL IN_DIR OUT_DIR [THREADS]");
            System.exit(2);
        }
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        try (Enhancer enhancer = Enhancer.load(args[0])) {
            System.exit(enhanceFolder(enhancer, Path.of(args[1]), Path.of(args[2]), threads) == 0 ? 0 : 1);
        }
    }
}
