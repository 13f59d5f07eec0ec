package io.github.enhance4j.training;

import io.github.enhance4j.TrainingData;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Resampler;
import io.github.enhance4j.training.data.ArchiveLimits;
import io.github.enhance4j.training.data.CombinedData;
import io.github.enhance4j.training.data.Downloader;
import io.github.enhance4j.training.data.EncodedImage;
import io.github.enhance4j.training.data.ImageArchive;
import io.github.enhance4j.training.data.ImageDataset;
import io.github.enhance4j.training.data.KnownDataset;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Where {@code train} gets its images: folders and archives given by path, or a known data set downloaded. */
final class TrainingDataSources {

    private TrainingDataSources() {
    }

    static Path download(String name, Path cache, PrintWriter out, boolean progress) {
        KnownDataset dataset = KnownDataset.byId(name.toLowerCase(Locale.ROOT));
        out.println("Fetching " + dataset.fileName() + " into " + cache + " (kept there for next time)");
        ProgressBar[] bar = new ProgressBar[1];
        Path file = dataset.download(new Downloader(), cache, (done, total) -> {
                    if (!progress) {
                        return;
                    }
                    if (bar[0] == null) {
                        bar[0] = new ProgressBarBuilder().setTaskName("lfw").setInitialMax(Math.max(total, 1))
                                .setStyle(ProgressBarStyle.ASCII).setUnit(" MiB", 1 << 20).build();
                    }
                    bar[0].stepTo(done);
                });
        if (bar[0] != null) {
            bar[0].close();
        }
        return file;
    }

    /** Decoded images of repeated (small, weighted-up) sources are kept up to this many bytes in all. */
    static final long REPEATED_SOURCE_CACHE_BYTES = 1L << 30;

    /**
     * A {@code --data} value: a folder or archive, optionally followed by {@code ::} and comma-separated settings
     * {@code repeat=N} (the source's images count N times per pass over the training data: weight for a small set),
     * {@code downscale=N} (area-shrink every image by N first, e.g. to turn JPEG photos into clean targets),
     * {@code max=N} (use the first N images) and {@code val=N} (at most N of its validation images).
     */
    record Source(Path path, int repeat, int downscale, Integer max, Integer validation) {

        static Source parse(String text) {
            int at = text.indexOf("::");
            Path path = Path.of(at < 0 ? text : text.substring(0, at));
            int repeat = 1;
            int downscale = 1;
            Integer max = null;
            Integer validation = null;
            if (at >= 0) {
                for (String setting : text.substring(at + 2).split(",")) {
                    String[] kv = setting.trim().split("=", 2);
                    int value;
                    try {
                        value = kv.length == 2 ? Integer.parseInt(kv[1].trim()) : -1;
                    } catch (NumberFormatException e) {
                        value = -1;
                    }
                    if (value < (kv[0].trim().equals("val") ? 0 : 1)) {
                        throw new IllegalArgumentException("--data " + text + ": '" + setting.trim() + "' needs a"
                                + " whole number, e.g. repeat=40, downscale=2, max=2000 or val=50");
                    }
                    switch (kv[0].trim()) {
                        case "repeat" -> repeat = value;
                        case "downscale" -> downscale = value;
                        case "max" -> max = value;
                        case "val" -> validation = value;
                        default -> throw new IllegalArgumentException("--data " + text + ": unknown setting '"
                                + kv[0].trim() + "'; known: repeat, downscale, max, val");
                    }
                }
            }
            return new Source(path, repeat, downscale, max, validation);
        }

        boolean plain() {
            return repeat == 1 && downscale == 1 && max == null && validation == null;
        }
    }

    static TrainingData load(List<Path> sources, UnaryOperator<FloatImage> transform, double validationFraction,
            long seed, Integer maxImages) {
        List<Source> parsed = sources.stream().map(p -> Source.parse(p.toString())).toList();
        if (parsed.stream().allMatch(Source::plain)) {
            // the seed recipe's way: one list of all images, split once (its validation split depends on it)
            List<EncodedImage> images = new ArrayList<>();
            for (Source source : parsed) {
                images.addAll(ImageArchive.read(source.path(), ArchiveLimits.DEFAULTS));
            }
            if (maxImages != null && images.size() > maxImages) {
                images = images.subList(0, maxImages);
            }
            return ImageDataset.builder(images).validationFraction(validationFraction).seed(seed)
                    .transform(transform).build();
        }
        long cachePerSource = REPEATED_SOURCE_CACHE_BYTES / Math.max(1, parsed.stream().filter(s -> s.repeat() > 1)
                .count());
        List<CombinedData.Part> parts = new ArrayList<>();
        for (Source source : parsed) {
            List<EncodedImage> images = ImageArchive.read(source.path(), ArchiveLimits.DEFAULTS);
            Integer cap = source.max() != null ? source.max() : maxImages;
            if (cap != null && images.size() > cap) {
                images = images.subList(0, cap);
            }
            UnaryOperator<FloatImage> prepare = source.downscale() == 1 ? transform : image -> {
                FloatImage small = Resampler.AREA.resize(image, Math.max(1, image.width() / source.downscale()),
                        Math.max(1, image.height() / source.downscale()));
                return transform == null ? small : transform.apply(small);
            };
            ImageDataset.Builder b = ImageDataset.builder(images).validationFraction(validationFraction).seed(seed)
                    .transform(prepare);
            if (source.repeat() > 1) {
                b.cacheBytes(cachePerSource);
            }
            parts.add(new CombinedData.Part(b.build(), source.repeat(),
                    source.validation() != null ? source.validation() : Integer.MAX_VALUE));
        }
        return new CombinedData(parts);
    }
}
