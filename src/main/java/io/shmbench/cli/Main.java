package io.shmbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line behind {@code run-bench.sh}. Each subcommand is its own class in this package;
 * register it in {@code subcommands} below. Usage errors (unknown subcommand or option, bad
 * number) print the usage and exit 2; failures exit 1 with a clear message.
 */
@Command(name = "run-bench.sh", mixinStandardHelpOptions = true,
        description = "shmbench: inter-process communication benchmarks around a shared-memory SWSR ring.",
        subcommands = {CheckCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
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
        new CommandLine(this).usage(System.out);
    }
}
