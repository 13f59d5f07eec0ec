package io.github.enhance4j.training;

import io.github.enhance4j.TrainingData;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.training.data.ArchiveLimits;
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

    static TrainingData load(List<Path> sources, UnaryOperator<FloatImage> transform, double validationFraction,
            long seed, Integer maxImages) {
        List<EncodedImage> images = new ArrayList<>();
        for (Path source : sources) {
            images.addAll(ImageArchive.read(source, ArchiveLimits.DEFAULTS));
        }
        if (maxImages != null && images.size() > maxImages) {
            images = images.subList(0, maxImages);
        }
        return ImageDataset.builder(images).validationFraction(validationFraction).seed(seed).transform(transform)
                .build();
    }
}
