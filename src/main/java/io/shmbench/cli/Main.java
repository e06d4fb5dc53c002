package io.shmbench.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line behind {@code run-bench.sh}. Each subcommand is its own class in this package;
 * register it in {@code subcommands} below. Usage errors (unknown subcommand or option, bad
 * number) print the usage and exit 2; failures exit 1 with a clear message.
 */
@Command(name = "run-bench.sh", mixinStandardHelpOptions = true,
        description = "shmbench: inter-process communication benchmarks around a shared-memory SWSR ring.",
        subcommands = {CleanCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Like {@link #execute(String...)} with output and errors (usage included) sent to the given writers. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> 1);
        cli.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        // No subcommand: the default job. Until `run` exists, show what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
