package io.github.enhance4j.backend.dl4j.bench;

import io.github.enhance4j.Trainer;
import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.TrainingData;
import io.github.enhance4j.TrainingEvent;
import io.github.enhance4j.image.FloatImage;
import io.github.enhance4j.image.Pixels;
import io.github.enhance4j.image.Resampler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * A quality check of the seed recipe on real faces: the first N images of an extracted LFW folder, 80x80 nearest,
 * 90/10 split shuffled with seed 32, pixelate:0.4, training with validation PSNR against the pixelated baseline.
 * Args: LFW_DIR N EPOCHS [adam|adadelta] [batch].
 */
public final class LfwSeedRun {

    private LfwSeedRun() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(Integer.parseInt(args[1])).toList();
        }
        List<FloatImage> images = new ArrayList<>();
        for (Path f : files) {
            images.add(Resampler.NEAREST.resize(Pixels.read(ImageIO.read(f.toFile())), 80, 80));
        }
        Collections.shuffle(images, new Random(32));
        int validation = images.size() / 10;
        TrainingData data = TrainingData.of(images.subList(validation, images.size()), images.subList(0, validation));
        boolean adam = args.length > 3 && args[3].equals("adam");
        TrainingConfig config = TrainingConfig.builder().backend("dl4j").epochs(Integer.parseInt(args[2]))
                .optimizer(adam ? TrainingConfig.Optimizer.ADAM : TrainingConfig.Optimizer.ADADELTA)
                .batchSize(args.length > 4 ? Integer.parseInt(args[4]) : 256).build();
        System.out.println(config);
        try (Trainer trainer = Trainer.create(config)) {
            trainer.train(data, e -> {
                if (e instanceof TrainingEvent.ValidationCompleted v) {
                    System.out.printf(Locale.ROOT, "epoch %d: val loss %.5f, PSNR %.2f dB (pixelated %.2f dB)%n",
                            v.epoch(), v.loss(), v.psnr(), v.baselinePsnr());
                } else if (e instanceof TrainingEvent.EpochCompleted c) {
                    System.out.printf(Locale.ROOT, "epoch %d: train loss %.5f in %ds%n", c.epoch(), c.trainingLoss(),
                            c.elapsed().toSeconds());
                }
            });
        }
    }
}
