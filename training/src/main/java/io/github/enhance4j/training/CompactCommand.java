package io.github.enhance4j.training;

import io.github.enhance4j.spi.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code compact}: stores an ONNX model's weights as float16 (see {@link HalfPrecisionWeights}). */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Halves an ONNX model's size: its float32 weights are stored as float16 and cast back to"
                + " float32 when the model loads, so it still computes in float32.",
                "Example: compact runs/x2/model.onnx -o sr-x2.onnx"})
final class CompactCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model to compact.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Where to write the compacted model (never the input itself).")
    Path output;

    @Option(names = "--overwrite", description = "Replace an existing output file.")
    boolean overwrite;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no model file " + input);
        }
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the output " + output
                    + " is the input; write the compacted model to another file");
        }
        if (Files.exists(output) && !overwrite) {
            throw new CommandLine.ParameterException(spec.commandLine(), output + " exists; give --overwrite to"
                    + " replace it");
        }
        byte[] original = Files.readAllBytes(input);
        HalfPrecisionWeights.Result result;
        try {
            result = HalfPrecisionWeights.convert(original);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("compact: " + input + " is " + e.getMessage());
            return 1;
        }
        AtomicFiles.write(output, result.model());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: %d tensors (%,d values) now float16; %,d -> %,d bytes%n", output, result.tensors(),
                result.values(), original.length, result.model().length);
        return 0;
    }
}
