package io.github.enhance4j.backend.dl4j.bench;

import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.TrainingData;
import io.github.enhance4j.TrainingEvent;
import io.github.enhance4j.Trainer;
import io.github.enhance4j.image.FloatImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seed-architecture training throughput in images/s (see BENCHMARKS.md). Args: images batch epochs. */
public final class TrainingThroughput {

    private TrainingThroughput() {
    }

    public static void main(String[] args) {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        System.out.println("dl4j img/s " + measure(images, batch, epochs));
    }

    /** Images per second over the epochs after the first (which includes graph set-up). */
    public static double measure(int images, int batch, int epochs) {
        Random r = new Random(1);
        List<FloatImage> train = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            float[] data = new float[3 * 80 * 80];
            for (int j = 0; j < data.length; j++) {
                data[j] = r.nextFloat();
            }
            train.add(new FloatImage(80, 80, 3, data, null));
        }
        TrainingConfig config = TrainingConfig.builder().backend("dl4j").batchSize(batch).epochs(epochs)
                .earlyStopping(0, 0).build();
        long[] timing = new long[2];
        int[] counted = new int[1];
        try (Trainer trainer = Trainer.create(config)) {
            trainer.train(TrainingData.of(train, List.of()), e -> {
                if (e instanceof TrainingEvent.EpochStarted s && s.epoch() == 2) {
                    timing[0] = System.nanoTime();
                }
                if (e instanceof TrainingEvent.BatchCompleted b && Boolean.getBoolean("verbose")) {
                    System.out.printf("  epoch %d batch %d: %.2f img/s%n", b.epoch(), b.batch(), b.imagesPerSecond());
                }
                if (e instanceof TrainingEvent.BatchCompleted b && b.epoch() >= 2) {
                    counted[0] += Math.min(batch, images - (b.batch() - 1) * batch);
                    timing[1] = System.nanoTime();
                }
            });
        }
        return counted[0] / ((timing[1] - timing[0]) / 1e9);
    }
}
