package io.github.enhance4j.training;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

/** {@code enhance4j-train}: the root command. */
@Command(name = "enhance4j-train", mixinStandardHelpOptions = true, version = "enhance4j 0.1.0-SNAPSHOT",
        description = "Trains, evaluates and exports enhance4j models.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, CompactCommand.class,
                CommandLine.HelpCommand.class})
public final class TrainApp implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs as {@code main} would, with output to the given streams; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        boolean verbose = List.of(args).contains("-v") || List.of(args).contains("--verbose");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        CommandLine cli = new CommandLine(new TrainApp());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: train or evaluate");
    }
}
