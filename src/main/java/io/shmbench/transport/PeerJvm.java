package io.shmbench.transport;

import io.shmbench.cli.JvmFlags;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A child JVM of the suite running one main class: the same java binary, class path and
 * {@link JvmFlags}, its stdout and stderr appended to a log file the caller names. The lifetime
 * rules every peer follows live here, both sides of them:
 * <ul>
 *   <li>this side always stops the child: by {@link #close()} (closes the child's stdin, waits,
 *       then terminates and finally kills it), and by a JVM shutdown hook;</li>
 *   <li>the child calls {@link #exitWithParent} first thing, so it exits by itself when this JVM
 *       dies or closes its stdin: no orphan even after a SIGKILL here.</li>
 * </ul>
 * {@link PeerProcess} (a channel's peer, {@link PeerMain}) is built on it; so are benchmarks whose
 * peer has a main of its own.
 */
public final class PeerJvm implements AutoCloseable {
    /** Exit code of a child whose parent died. */
    public static final int EXIT_PARENT_GONE = 3;
    private static final long STOP_WAIT_SECONDS = 5;
    private static final long PARENT_CHECK_MILLIS = 200;
    private static final int LOG_TAIL_LINES = 15;
    private static final Set<PeerJvm> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(PeerJvm::forceStop), "shmbench-peer-reaper"));
    }

    private final Process process;
    private final Path logFile;
    private final Runnable cleanup;
    private boolean closed;

    private PeerJvm(Process process, Path logFile, Runnable cleanup) {
        this.process = process;
        this.logFile = logFile;
        this.cleanup = cleanup;
    }

    /**
     * Starts {@code mainClass} with {@code args} in a child JVM.
     *
     * @param logFile where its stdout and stderr go (appended; its directory must exist)
     * @param cleanup what else to release once the child is stopped (files it shares with this JVM); runs
     *                from {@link #close()} and from the shutdown hook, so it must be idempotent
     * @throws IOException when the process cannot be started
     */
    public static PeerJvm start(Class<?> mainClass, List<String> args, Path logFile, Runnable cleanup) throws IOException {
        return start(new ProcessBuilder(), mainClass, args, logFile, cleanup);
    }

    /**
     * Like {@link #start(Class, List, Path, Runnable)} with a builder whose standard streams the
     * caller may already have wired (the {@code pipe} transport takes stdin and stdout); stdout left
     * at its default goes to the log.
     */
    static PeerJvm start(ProcessBuilder builder, Class<?> mainClass, List<String> args, Path logFile, Runnable cleanup)
            throws IOException {
        builder.command(command(mainClass, args));
        if (builder.redirectOutput() == Redirect.PIPE) {
            builder.redirectOutput(Redirect.appendTo(logFile.toFile()));
        }
        builder.redirectError(Redirect.appendTo(logFile.toFile()));
        PeerJvm child = new PeerJvm(builder.start(), logFile, cleanup);
        LIVE.add(child);
        return child;
    }

    private static List<String> command(Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JvmFlags.COMMON);
        String chronicleBuild = System.getProperty(ChronicleSettings.BUILD_DIRECTORY);
        if (chronicleBuild != null) {
            command.add("-D" + ChronicleSettings.BUILD_DIRECTORY + "=" + chronicleBuild); // one such directory per run, not per peer
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the child at once (SIGKILL), as a crash would; {@link #close()} still cleans up. */
    public void kill() {
        process.destroyForcibly();
    }

    /** Waits for the child to exit by itself; its exit code, or -1 if it is still running. */
    public int awaitExit(long timeout, TimeUnit unit) throws InterruptedException {
        return process.waitFor(timeout, unit) ? process.exitValue() : -1;
    }

    /**
     * Closes the child's stdin (it sees the end and exits), waits for it, then terminates it if it
     * lingers and kills it if it still does; then runs the cleanup. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                }
            }
        } catch (IOException ignored) {
            // its stdin was already closed
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            LIVE.remove(this);
            cleanup.run();
        }
    }

    private void forceStop() {
        process.destroyForcibly();
        cleanup.run();
    }

    /** The last lines of the child's log, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            if (lines.isEmpty()) {
                return " (its log " + logFile + " is empty)";
            }
            return "; its log " + logFile + " ends with:\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return " (its log " + logFile + " cannot be read: " + e.getMessage() + ")";
        }
    }

    /**
     * Child side: exits this JVM when the parent dies ({@value #EXIT_PARENT_GONE}) or, with
     * {@code watchStdin}, when stdin reaches its end (0: the parent closed it, or died, since the
     * kernel closes a dead process's pipe ends). Daemon threads; returns at once.
     */
    public static void exitWithParent(ProcessHandle parent, boolean watchStdin) {
        Thread pid = new Thread(() -> {
            while (parent.isAlive()) {
                LockSupport.parkNanos(PARENT_CHECK_MILLIS * 1_000_000L);
            }
            System.err.println("peer: parent pid " + parent.pid() + " is gone; exiting");
            System.exit(EXIT_PARENT_GONE);
        }, "shmbench-peer-parent-watch");
        pid.setDaemon(true);
        pid.start();
        if (watchStdin) {
            Thread stdin = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() >= 0) {
                        // the parent writes nothing here; only the end matters
                    }
                } catch (IOException ignored) {
                    // same as end of stream
                }
                System.err.println("peer: stdin closed by the parent; exiting");
                System.exit(0);
            }, "shmbench-peer-stdin-watch");
            stdin.setDaemon(true);
            stdin.start();
        }
    }

    @Override
    public String toString() {
        return "PeerJvm[pid " + pid() + ", log " + logFile + "]";
    }
}
