package io.github.enhance4j.spark;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an {@link EnhanceJob} run did: how many inputs it found, wrote, skipped and failed, which failed and why, and
 * how long it took. Immutable and thread-safe.
 *
 * @param input    the input as given (folder, file or glob)
 * @param output   the output folder as given
 * @param model    the model as given
 * @param written  outputs written by this run (a retried task's earlier writes included)
 * @param skipped  inputs whose output existed from before and was kept
 * @param failed   inputs that could not be enhanced or written
 * @param failures every failed input with its reason
 * @param skips    some skipped inputs with the reason, for the printed summary (at most 20 per partition)
 * @param seconds  the run's time, from listing the inputs to the last write; Spark's start-up not counted
 */
public record EnhanceReport(String input, String output, String model, long written, long skipped, long failed,
        List<Entry> failures, List<Entry> skips, double seconds) {

    /**
     * One input and what happened to it.
     *
     * @param input  the input file's full path
     * @param reason why it failed or was skipped
     */
    public record Entry(String input, String reason) {
    }

    /**
     * A report; the lists are copied.
     *
     * @param input    the input as given
     * @param output   the output folder as given
     * @param model    the model as given
     * @param written  outputs written
     * @param skipped  inputs skipped
     * @param failed   inputs failed
     * @param failures the failed inputs
     * @param skips    some skipped inputs
     * @param seconds  the run's time
     */
    public EnhanceReport {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(model, "model");
        failures = List.copyOf(failures);
        skips = List.copyOf(skips);
    }

    /** {@return how many input files the run found (its own earlier results not counted)} */
    public long total() {
        return written + skipped + failed;
    }

    /** {@return outputs written per second of the run} */
    public double imagesPerSecond() {
        return seconds > 0 ? written / seconds : 0;
    }

    /** {@return whether no input failed} */
    public boolean succeeded() {
        return failed == 0;
    }

    /**
     * {@return one line, as the {@code enhance} command line ends: {@code N enhanced, N skipped, N failed in S s (R
     * images/s)}}
     */
    public String summaryLine() {
        return String.format(Locale.ROOT, "%d enhanced, %d skipped, %d failed in %.1f s (%.1f images/s)", written,
                skipped, failed, seconds, imagesPerSecond());
    }

    /** {@return the report as a JSON object, as the job writes it beside its outputs} */
    public String toJson() {
        StringBuilder json = new StringBuilder(256).append("{\n");
        field(json, "input", input).append(",\n");
        field(json, "output", output).append(",\n");
        field(json, "model", model).append(",\n");
        json.append("  \"total\": ").append(total()).append(",\n");
        json.append("  \"written\": ").append(written).append(",\n");
        json.append("  \"skipped\": ").append(skipped).append(",\n");
        json.append("  \"failed\": ").append(failed).append(",\n");
        json.append(String.format(Locale.ROOT, "  \"seconds\": %.3f,%n  \"imagesPerSecond\": %.2f,%n", seconds,
                imagesPerSecond()));
        entries(json, "failures", failures).append(",\n");
        entries(json, "skippedExamples", skips).append("\n}\n");
        return json.toString();
    }

    private static StringBuilder entries(StringBuilder json, String name, List<Entry> entries) {
        json.append("  \"").append(name).append("\": [");
        for (int i = 0; i < entries.size(); i++) {
            json.append(i == 0 ? "\n" : ",\n").append("    {\"input\": ");
            quote(json, entries.get(i).input()).append(", \"reason\": ");
            quote(json, entries.get(i).reason()).append('}');
        }
        return json.append(entries.isEmpty() ? "]" : "\n  ]");
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append("  \"").append(name).append("\": ");
        return quote(json, value);
    }

    private static StringBuilder quote(StringBuilder json, String value) {
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
