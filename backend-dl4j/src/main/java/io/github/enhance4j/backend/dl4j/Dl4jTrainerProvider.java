package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.Trainer;
import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.spi.TrainerProvider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Trains {@code seed-autoencoder} and {@code restore-unet} (scale 1), {@code espcn} and {@code compact-sr} (scales 2
 * to 4) with ND4J SameDiff on the CPU,
 * using oneDNN. Cheap to create: ND4J starts in {@link #create} or {@link #resume}.
 */
public final class Dl4jTrainerProvider implements TrainerProvider {

    @Override
    public String name() {
        return "dl4j";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public Set<String> architectures() {
        return Architectures.NAMES;
    }

    @Override
    public Trainer create(TrainingConfig config) {
        Architectures.build(config.architecture(), config.scale()); // a wrong scale fails before ND4J starts
        return Dl4jTrainer.create(config);
    }

    @Override
    public boolean canResume(Path checkpoint) {
        try (InputStream in = Files.newInputStream(checkpoint)) {
            return Checkpoint.looksLikeCheckpoint(in.readNBytes(64));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Trainer resume(Path checkpoint) {
        return Dl4jTrainer.resume(checkpoint);
    }

    @Override
    public Trainer resume(Path checkpoint, int epochs) {
        return Dl4jTrainer.resume(checkpoint, epochs);
    }
}
