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
        subcommands = {RunCommand.class, CheckCommand.class, ReportCommand.class, EnvCommand.class, CleanCommand.class,
                SoakCommand.class, RingCommand.class, ScenarioCommand.class, GateCommand.class,
                CompareCommand.class})
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
        args = withDefaultCommand(args);
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

    /**
     * {@code run} is the default command: no arguments, or arguments that start with an option the
     * root does not know ({@code --profile smoke}, {@code -- -f 1}), go to {@code run}.
     */
    static String[] withDefaultCommand(String[] args) {
        if (args.length > 0 && (!args[0].startsWith("-") || ROOT_OPTIONS.contains(args[0]))) {
            return args;
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }

    private static final java.util.Set<String> ROOT_OPTIONS = java.util.Set.of("-h", "--help", "-V", "--version");

    @Override
    public void run() {
        // Reached only through withDefaultCommand's exceptions; show what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
