package io.shmbench.process;

import io.shmbench.placement.ThreadAffinity;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * The main of a peer process, the child side of {@link ChildProcess}: it never outlives its
 * parent, since it exits when the parent pid is gone ({@value #EXIT_PARENT_GONE}) or when its stdin
 * reaches its end (0: the parent closed it, or died, since the kernel closes a dead process's pipe
 * ends). It pins its working thread to {@code --cpu} when given, then {@link #work()}s until then.
 * Exit codes: 0 stopped by the parent, 1 failure, 2 usage, 3 the parent died.
 */
public abstract class PeerCommand implements Callable<Integer> {
    /** Exit code of a child whose parent died. */
    public static final int EXIT_PARENT_GONE = 3;
    private static final String PARENT_PID_OPTION = "--parent-pid";
    private static final String CPU_OPTION = "--cpu";
    private static final long PARENT_CHECK_NANOS = 200_000_000L;

    @Option(names = PARENT_PID_OPTION, required = true, description = "pid of the parent; the peer exits when it is gone")
    long parentPid;
    @Option(names = CPU_OPTION, description = "pin the working thread to this CPU")
    Integer cpu;
    private ProcessHandle parent;

    /** Starts {@code main} with this JVM as its parent and {@code args} in a child JVM, its output appended to {@code log}. */
    public static ChildProcess start(Class<? extends PeerCommand> main, List<String> args, Path log) {
        List<String> all = new ArrayList<>(commonArgs(OptionalInt.empty()));
        all.addAll(args);
        return ChildProcess.start("the " + main.getSimpleName() + " peer", new ProcessBuilder(JavaCommand.of(main, List.of(), all)), log);
    }

    /** The arguments every peer takes: this JVM as its parent, and the CPU to pin to, if any. */
    public static List<String> commonArgs(OptionalInt cpu) {
        List<String> args = new ArrayList<>(List.of(PARENT_PID_OPTION, Long.toString(ProcessHandle.current().pid())));
        args.addAll(cpuArgs(cpu));
        return args;
    }

    /** The arguments that pin a peer's working thread to {@code cpu}, or none. */
    public static List<String> cpuArgs(OptionalInt cpu) {
        return cpu.isPresent() ? List.of(CPU_OPTION, Integer.toString(cpu.getAsInt())) : List.of();
    }

    /** Runs {@code command} with {@code args} and exits the JVM with its exit code. */
    public static void run(PeerCommand command, String[] args) {
        System.exit(commandLine(command).execute(args));
    }

    /**
     * The command line of {@code command}, a child process's main, with the children's exit codes:
     * 2 for a usage error, 1 for a failure; messages start with its class name.
     */
    public static CommandLine commandLine(Object command) {
        CommandLine cli = new CommandLine(command);
        String name = command.getClass().getSimpleName();
        cli.setParameterExceptionHandler((e, argv) -> {
            System.err.println(name + ": " + e.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            e.printStackTrace(System.err);
            System.err.println(name + ": failed: " + e); // last, so the log's tail that errors quote has it
            return 1;
        });
        return cli;
    }

    /** The parent this peer watches. */
    public long parentPid() {
        return parentPid;
    }

    /** The parent process, once {@link #work()} runs. */
    protected ProcessHandle parent() {
        return parent;
    }

    /** The CPU the working thread pins itself to, if any. */
    public OptionalInt cpu() {
        return cpu == null ? OptionalInt.empty() : OptionalInt.of(cpu);
    }

    @Override
    public final Integer call() throws Exception {
        checkOptions(); // before anything that outlives a refused command line (the parent watch)
        parent = ProcessHandle.of(parentPid)
                .orElseThrow(() -> new IllegalStateException("parent pid " + parentPid + " is not running"));
        exitWithParent(parent, watchesStdin());
        if (cpu != null) {
            ThreadAffinity.pinTo(cpu); // the working thread, for the peer's whole life
            System.err.printf("peer %d: working thread pinned to CPU %d%n", ProcessHandle.current().pid(), cpu);
        }
        work();
        return 0;
    }

    /**
     * Checks the options before the peer starts watching its parent or pins itself: a
     * {@code ParameterException} is a usage error (exit 2), anything else a failure (exit 1).
     */
    protected void checkOptions() {
    }

    /** False for a peer whose stdin carries data (the {@code pipe} transport): the data stream's end is its own to see. */
    protected boolean watchesStdin() {
        return true;
    }

    /** The peer's job; it may run until the parent stops the process. */
    protected abstract void work() throws Exception;

    /** Exits this JVM when {@code parent} dies or, with {@code watchStdin}, when stdin ends. Daemon threads; returns at once. */
    private static void exitWithParent(ProcessHandle parent, boolean watchStdin) {
        daemon("shmbench-peer-parent-watch", () -> {
            while (parent.isAlive()) {
                LockSupport.parkNanos(PARENT_CHECK_NANOS);
            }
            System.err.println("peer: parent pid " + parent.pid() + " is gone; exiting");
            System.exit(EXIT_PARENT_GONE);
        });
        if (watchStdin) {
            daemon("shmbench-peer-stdin-watch", () -> {
                try (InputStream in = System.in) {
                    while (in.read() >= 0) {
                        // the parent writes nothing here; only the end matters
                    }
                } catch (IOException ignored) {
                    // same as end of stream
                }
                System.err.println("peer: stdin closed by the parent; exiting");
                System.exit(0);
            });
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
