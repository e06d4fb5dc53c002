package io.shmbench.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A child process of the suite, usually a JVM ({@link JavaCommand}), and the rules of its life
 * that every launcher follows:
 * <ul>
 *   <li>its stdout and stderr are appended to a log file the caller names, whose end
 *       {@link #logTail()} quotes in error messages (or left as pipes for the caller to read);</li>
 *   <li>{@link #awaitReady} waits for a sign that it works, with a timeout, and notices at once
 *       when it exits instead;</li>
 *   <li>this side always stops it: {@link #close()} closes its stdin, then terminates it, then
 *       kills it, and a JVM shutdown hook kills whatever still runs when this JVM exits;</li>
 *   <li>the child watches this side too ({@link PeerCommand}): it exits by itself when its stdin
 *       ends or this JVM dies, so there is no orphan even after a SIGKILL here.</li>
 * </ul>
 */
public final class ChildProcess implements AutoCloseable {
    /** A JVM starts slowly on a loaded machine: how long readiness may take. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** How long {@link #close()} waits at each step: after closing stdin, after SIGTERM, after SIGKILL. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final long READY_POLL_NANOS = 1_000_000;
    private static final int LOG_TAIL_LINES = 15;
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChildProcess::forceStop), "shmbench-child-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final Runnable cleanup;
    private boolean closed;

    private ChildProcess(String name, Process process, Path log, Runnable cleanup) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.cleanup = cleanup;
    }

    /**
     * Starts {@code builder}'s command.
     *
     * @param name    what messages call it ("the ring peer")
     * @param builder the command, with whatever standard streams the caller wired itself (the
     *                {@code pipe} transport takes stdin and stdout)
     * @param log     where stdout (unless wired) and stderr are appended; its directory must exist.
     *                Null leaves them as pipes, to be read from {@link #stdout()} and {@link #stderr()}
     * @param cleanup what else to release once the child is stopped (files it shares with this JVM);
     *                runs from {@link #close()} and from the shutdown hook, so it must be idempotent
     * @throws UncheckedIOException when the process cannot be started
     */
    public static ChildProcess start(String name, ProcessBuilder builder, Path log, Runnable cleanup) {
        ChildProcess child = launch(name, builder, log, cleanup);
        LIVE.add(child);
        return child;
    }

    /** {@link #start} with nothing to clean up. */
    public static ChildProcess start(String name, ProcessBuilder builder, Path log) {
        return start(name, builder, log, () -> { });
    }

    /**
     * {@link #start} for an owner whose own shutdown hook stops the child in its own order (the
     * soak lets a slice finish before it kills): no hook here kills it.
     */
    public static ChildProcess startOwned(String name, ProcessBuilder builder, Path log) {
        return launch(name, builder, log, () -> { });
    }

    private static ChildProcess launch(String name, ProcessBuilder builder, Path log, Runnable cleanup) {
        if (log != null) {
            if (builder.redirectOutput() == Redirect.PIPE) {
                builder.redirectOutput(Redirect.appendTo(log.toFile()));
            }
            builder.redirectError(Redirect.appendTo(log.toFile()));
        }
        try {
            return new ChildProcess(name, builder.start(), log, cleanup);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Where its output goes; null when the caller reads it. */
    public Path log() {
        return log;
    }

    /** Its stdout, when it was started without a log. */
    public InputStream stdout() {
        return process.getInputStream();
    }

    /** Its stderr, when it was started without a log. */
    public InputStream stderr() {
        return process.getErrorStream();
    }

    /** {@link #awaitReady(String, Duration, BooleanSupplier)} for at most {@link #START_TIMEOUT}. */
    public void awaitReady(String what, BooleanSupplier ready) {
        awaitReady(what, START_TIMEOUT, ready);
    }

    /**
     * Waits until {@code ready} holds, looking every millisecond, at most {@code timeout}.
     *
     * @param what what {@code ready} means, for messages ("attached to both rings")
     * @throws NotReadyException when the child exits first (the message has its exit code), or when
     *                           the time is up ({@link NotReadyException#timedOut()})
     */
    public void awaitReady(String what, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new NotReadyException(this + " exited with code " + process.exitValue() + " before " + what
                        + outputNote(), false);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new NotReadyException(this + " is running but not " + what + " after " + timeout.toSeconds() + " s"
                        + outputNote(), true);
            }
            LockSupport.parkNanos(READY_POLL_NANOS);
        }
    }

    /**
     * Writes {@code line} and a newline to the child's stdin.
     *
     * @throws UncheckedIOException when the child does not take it (it exited)
     */
    public void send(String line) {
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + this + " (" + exitDescription() + ")" + outputNote(), e);
        }
    }

    /** Kills the child at once (SIGKILL), as a crash would, without waiting; {@link #close()} still cleans up. */
    public void kill() {
        process.destroyForcibly();
    }

    /** Waits up to {@code timeout} for the child to exit; its exit code, or empty when it still runs (or this thread was interrupted). */
    public OptionalInt awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS) ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** "still running" or "exit code N", for messages. */
    public String exitDescription() {
        return process.isAlive() ? "still running" : "exit code " + process.exitValue();
    }

    /** {@link #stop} waiting {@link #STOP_WAIT} at each step. */
    @Override
    public void close() {
        stop(STOP_WAIT);
    }

    /**
     * Closes the child's stdin (the suite's children then exit by themselves) and waits up to
     * {@code wait} for it to exit; then terminates it (SIGTERM) and waits again; then kills it
     * (SIGKILL) and waits again. Then runs the cleanup. Idempotent.
     */
    public synchronized void stop(Duration wait) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // its stdin was closed already
            }
            if (awaitExit(wait).isEmpty()) {
                process.destroy();
                if (awaitExit(wait).isEmpty()) {
                    process.destroyForcibly();
                    awaitExit(wait);
                }
            }
        } finally {
            LIVE.remove(this);
            cleanup.run();
        }
    }

    private void forceStop() {
        process.destroyForcibly();
        cleanup.run();
    }

    /** The last lines of the child's log, for error messages (starts with "; its log"); empty without a log. */
    public String logTail() {
        if (log == null) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(log);
            if (lines.isEmpty()) {
                return " (its log " + log + " is empty)";
            }
            return "; its log " + log + " ends with:\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return " (its log " + log + " cannot be read: " + e.getMessage() + ")";
        }
    }

    private String outputNote() {
        return log == null ? "" : "; its output is in " + log;
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
