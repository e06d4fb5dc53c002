package io.shmbench.bench.peer;

import io.shmbench.placement.ThreadAffinity;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * The main of a benchmark's peer process ({@link PeerJvm}): it dies with its parent
 * ({@link io.shmbench.transport.PeerJvm#exitWithParent}: the parent pid gone or stdin closed), pins its working thread to
 * {@code --cpu} when given, then {@link #work()}s until then. Exit codes: 0 stopped by the parent,
 * 1 failure, 2 usage, 3 the parent died.
 */
public abstract class PeerCommand implements Callable<Integer> {
    static final String PARENT_PID_OPTION = "--parent-pid";
    private static final String CPU_OPTION = "--cpu";

    @Option(names = PARENT_PID_OPTION, required = true, description = "pid of the benchmark JVM; the peer exits when it is gone")
    long parentPid;
    @Option(names = CPU_OPTION, description = "pin the working thread to this CPU")
    Integer cpu;

    /** The arguments that pin a peer's working thread to {@code cpu}, or none. */
    public static List<String> cpuArgs(OptionalInt cpu) {
        return cpu.isPresent() ? List.of(CPU_OPTION, Integer.toString(cpu.getAsInt())) : List.of();
    }

    /** Runs {@code command} with {@code args} and exits the JVM with its exit code. */
    public static void run(PeerCommand command, String[] args) {
        System.exit(commandLine(command).execute(args));
    }

    /** The command line of {@code command} with the peers' exit codes: 2 for a usage error, 1 for a failure. */
    public static CommandLine commandLine(PeerCommand command) {
        CommandLine cli = new CommandLine(command);
        String name = command.getClass().getSimpleName();
        cli.setParameterExceptionHandler((e, argv) -> {
            System.err.println(name + ": " + e.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            System.err.println(name + ": failed: " + e);
            e.printStackTrace(System.err);
            return 1;
        });
        return cli;
    }

    /** The benchmark JVM this peer watches. */
    public long parentPid() {
        return parentPid;
    }

    /** The CPU the working thread pins itself to, if any. */
    public OptionalInt cpu() {
        return cpu == null ? OptionalInt.empty() : OptionalInt.of(cpu);
    }

    /** The arguments every peer takes: this JVM as its parent, and the CPU to pin to, if any. */
    public static List<String> commonArgs(OptionalInt cpu) {
        List<String> args = new java.util.ArrayList<>(List.of(PARENT_PID_OPTION, Long.toString(ProcessHandle.current().pid())));
        args.addAll(cpuArgs(cpu));
        return args;
    }

    @Override
    public final Integer call() throws Exception {
        checkOptions(); // before anything that outlives a refused command line (the parent watch)
        ProcessHandle parent = ProcessHandle.of(parentPid)
                .orElseThrow(() -> new IllegalStateException("parent pid " + parentPid + " is not running"));
        io.shmbench.transport.PeerJvm.exitWithParent(parent, true); // the suite's one parent watch
        if (cpu != null) {
            ThreadAffinity.pinTo(cpu); // the working thread, for the peer's whole life
        }
        work();
        return 0;
    }

    /**
     * Refuses options that do not go together, with a {@code ParameterException} (exit 2); called
     * before the peer starts watching its parent or pins itself.
     */
    protected void checkOptions() {
    }

    /** The peer's job; it may run until the parent stops the process. */
    protected abstract void work() throws Exception;
}
