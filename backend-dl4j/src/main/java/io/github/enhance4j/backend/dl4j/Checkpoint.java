package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.spi.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import io.github.enhance4j.spi.AtomicFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The dl4j backend's checkpoint: a zip whose first entry is the marker {@value #MARKER} (so it is recognised by its
 * first bytes), then the configuration, the loop state, the exact parameters and optimiser slots as raw floats, and
 * {@code model.onnx}, the exported model, which is what {@link Dl4jEnhancerProvider} runs when given a checkpoint.
 * Written to a temporary file in the same folder and renamed over the target, so a crash leaves the old one intact.
 */
final class Checkpoint {

    static final String MARKER = "enhance4j-dl4j-checkpoint";
    static final String FORMAT_VERSION = "1";
    static final String FILE_NAME = "checkpoint.dl4j.zip";
    private static final String CONFIG = "config.properties";
    private static final String STATE = "state.properties";
    private static final String TENSORS = "tensors.bin";
    private static final String MODEL = "model.onnx";

    /** What a checkpoint holds. Tensors are flat float arrays keyed by parameter or optimiser-slot name. */
    record Contents(TrainingConfig config, Properties state, Map<String, float[]> tensors, byte[] onnx) {
    }

    private Checkpoint() {
    }

    /** Whether {@code header} (the first bytes of a file) starts a checkpoint; never throws. */
    static boolean looksLikeCheckpoint(byte[] header) {
        // local file header: signature PK\3\4, name length at 26, name at 30
        if (header.length < 30 + MARKER.length() || header[0] != 'P' || header[1] != 'K' || header[2] != 3
                || header[3] != 4) {
            return false;
        }
        int nameLength = (header[26] & 0xff) | (header[27] & 0xff) << 8;
        return nameLength == MARKER.length() && new String(header, 30, nameLength, StandardCharsets.US_ASCII)
                .equals(MARKER);
    }

    static void write(Path file, Contents contents) {
        try {
            AtomicFiles.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                entry(zip, MARKER, FORMAT_VERSION.getBytes(StandardCharsets.US_ASCII));
                entry(zip, CONFIG, properties(toProperties(contents.config())));
                entry(zip, STATE, properties(contents.state()));
                entry(zip, TENSORS, tensors(contents.tensors()));
                entry(zip, MODEL, contents.onnx());
                zip.finish();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Writing checkpoint " + file + " failed: " + e.getMessage(), e);
        }
    }

    static Contents read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading checkpoint " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Only the exported model inside a checkpoint. */
    static byte[] model(InputStream in, String name) throws IOException {
        return read(in, name).onnx();
    }

    private static Contents read(InputStream in, String name) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        byte[] marker = entries.get(MARKER);
        if (marker == null || !new String(marker, StandardCharsets.US_ASCII).equals(FORMAT_VERSION)) {
            throw new IOException(name + " is not a dl4j checkpoint of format " + FORMAT_VERSION);
        }
        for (String required : new String[] {CONFIG, STATE, TENSORS, MODEL}) {
            if (!entries.containsKey(required)) {
                throw new IOException("checkpoint " + name + " lacks " + required + "; it is truncated or damaged");
            }
        }
        return new Contents(fromProperties(load(entries.get(CONFIG))), load(entries.get(STATE)),
                readTensors(entries.get(TENSORS)), entries.get(MODEL));
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static byte[] properties(Properties p) throws IOException {
        StringWriter w = new StringWriter();
        p.store(w, null);
        // drop the date comment so that equal states give equal files
        String text = w.toString().replaceFirst("(?m)^#.*\\R", "");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Properties load(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        return p;
    }

    private static byte[] tensors(Map<String, float[]> tensors) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(tensors.size());
            for (Map.Entry<String, float[]> t : tensors.entrySet()) {
                out.writeUTF(t.getKey());
                out.writeInt(t.getValue().length);
                for (float v : t.getValue()) {
                    out.writeFloat(v);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, float[]> readTensors(byte[] bytes) throws IOException {
        Map<String, float[]> tensors = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                float[] values = new float[in.readInt()];
                for (int j = 0; j < values.length; j++) {
                    values[j] = in.readFloat();
                }
                tensors.put(name, values);
            }
        }
        return tensors;
    }

    static Properties toProperties(TrainingConfig c) {
        Properties p = new Properties();
        c.backend().ifPresent(b -> p.setProperty("backend", b));
        p.setProperty("architecture", c.architecture());
        p.setProperty("scale", Integer.toString(c.scale()));
        p.setProperty("optimizer", c.optimizer().name());
        p.setProperty("learningRate", Double.toString(c.learningRate()));
        p.setProperty("loss", c.loss().name());
        p.setProperty("schedule", c.schedule().name());
        p.setProperty("batchSize", Integer.toString(c.batchSize()));
        p.setProperty("epochs", Integer.toString(c.epochs()));
        p.setProperty("patchSize", Integer.toString(c.patchSize()));
        p.setProperty("samplesPerEpoch", Integer.toString(c.samplesPerEpoch()));
        p.setProperty("augment", Boolean.toString(c.augment()));
        p.setProperty("degradation", c.degradation());
        p.setProperty("earlyStoppingMinDelta", Double.toString(c.earlyStoppingMinDelta()));
        p.setProperty("earlyStoppingPatience", Integer.toString(c.earlyStoppingPatience()));
        p.setProperty("seed", Long.toString(c.seed()));
        p.setProperty("threads", Integer.toString(c.threads()));
        c.maxDuration().ifPresent(d -> p.setProperty("maxDuration", d.toString()));
        c.activityRegularization().ifPresent(l1 -> p.setProperty("activityRegularization", Double.toString(l1)));
        c.checkpointDirectory().ifPresent(d -> p.setProperty("checkpointDirectory", d.toString()));
        // where the run's first parameters came from, as a record: a resumed run does not read it again
        c.initialWeights().ifPresent(w -> p.setProperty("initialWeights", w.toString()));
        return p;
    }

    static TrainingConfig fromProperties(Properties p) {
        TrainingConfig.Builder b = TrainingConfig.builder()
                .backend(p.getProperty("backend"))
                .architecture(p.getProperty("architecture"))
                .scale(Integer.parseInt(p.getProperty("scale")))
                .optimizer(TrainingConfig.Optimizer.valueOf(p.getProperty("optimizer")))
                .learningRate(Double.parseDouble(p.getProperty("learningRate")))
                .loss(TrainingConfig.Loss.valueOf(p.getProperty("loss")))
                .schedule(TrainingConfig.Schedule.valueOf(p.getProperty("schedule", "CONSTANT")))
                .batchSize(Integer.parseInt(p.getProperty("batchSize")))
                .epochs(Integer.parseInt(p.getProperty("epochs")))
                .patchSize(Integer.parseInt(p.getProperty("patchSize")))
                .samplesPerEpoch(Integer.parseInt(p.getProperty("samplesPerEpoch", "0")))
                .augment(Boolean.parseBoolean(p.getProperty("augment", "false")))
                .degradation(p.getProperty("degradation"))
                .earlyStopping(Double.parseDouble(p.getProperty("earlyStoppingMinDelta")),
                        Integer.parseInt(p.getProperty("earlyStoppingPatience")))
                .seed(Long.parseLong(p.getProperty("seed")))
                .threads(Integer.parseInt(p.getProperty("threads")));
        if (p.containsKey("activityRegularization")) {
            b.activityRegularization(Double.parseDouble(p.getProperty("activityRegularization")));
        }
        if (p.containsKey("maxDuration")) {
            b.maxDuration(Duration.parse(p.getProperty("maxDuration")));
        }
        if (p.containsKey("checkpointDirectory")) {
            b.checkpointDirectory(Path.of(p.getProperty("checkpointDirectory")));
        }
        if (p.containsKey("initialWeights")) {
            b.initialWeights(Path.of(p.getProperty("initialWeights")));
        }
        return b.build();
    }

    static float[] copyOf(float[] values) {
        return Arrays.copyOf(values, values.length);
    }
}
