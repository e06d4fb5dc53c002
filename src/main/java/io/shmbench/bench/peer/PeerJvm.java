package io.shmbench.bench.peer;

import io.shmbench.cli.JvmFlags;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A benchmark's own peer process: a {@link PeerCommand} of this suite in a child JVM (the current
 * java binary, class path and {@link JvmFlags}), its output appended to {@link PeerLog#file()}.
 *
 * <p>The child's lifetime is {@link io.shmbench.transport.PeerJvm}'s, as for every peer: it exits
 * when its stdin closes or this pid dies ({@link PeerCommand}), {@link #close()} stops it (closing
 * its stdin, then terminating, then killing it), and a shutdown hook kills whatever is still
 * running when this JVM exits. What this class adds: unlike the transports' {@code PeerProcess}
 * there is no channel, since the peer and the benchmark share memory they agree on through the
 * peer's arguments, so {@link #awaitReady} waits for a sign in that memory, and failures are
 * {@link PeerException}s the benchmarks record.
 */
public final class PeerJvm implements AutoCloseable {
    /** A JVM starts slowly on a loaded machine: readiness waits at least this long. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final long READY_POLL_NANOS = 1_000_000;

    private final String name;
    private final io.shmbench.transport.PeerJvm jvm;

    private PeerJvm(String name, io.shmbench.transport.PeerJvm jvm) {
        this.name = name;
        this.jvm = jvm;
    }

    /**
     * Starts {@code main} with {@code args} (plus {@code --parent-pid} of this JVM).
     *
     * @throws PeerException when the JVM cannot be started
     */
    public static PeerJvm start(Class<? extends PeerCommand> main, List<String> args) {
        List<String> all = new ArrayList<>(List.of(PeerCommand.PARENT_PID_OPTION, Long.toString(ProcessHandle.current().pid())));
        all.addAll(args);
        try {
            return new PeerJvm(main.getSimpleName(), io.shmbench.transport.PeerJvm.start(main, all, PeerLog.file(), () -> { }));
        } catch (IOException | RuntimeException e) {
            throw new PeerException("cannot start the " + main.getSimpleName() + " peer: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until {@code ready} holds (looking every millisecond), at most {@link #START_TIMEOUT}.
     *
     * @throws PeerException when the peer exits first, or the time is up ({@link PeerException#timedOut()})
     */
    public void awaitReady(String what, BooleanSupplier ready) {
        awaitReady(jvm, toString(), what, ready);
    }

    /**
     * {@link #awaitReady(String, BooleanSupplier)} for a peer started as a plain
     * {@link io.shmbench.transport.PeerJvm} (the ring benchmarks' peer, which has its own log and
     * clean-up), called {@code name} in messages ("the ring peer (pid 123)").
     */
    public static void awaitReady(io.shmbench.transport.PeerJvm jvm, String name, String what, BooleanSupplier ready) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready.getAsBoolean()) {
            if (!jvm.isAlive()) {
                throw new PeerException(name + " exited with code " + exitCode(jvm) + " before " + what
                        + "; its output is in " + jvm.logFile(), false);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new PeerException(name + " is running but not " + what + " after " + START_TIMEOUT.toSeconds()
                        + " s; its output is in " + jvm.logFile(), true);
            }
            LockSupport.parkNanos(READY_POLL_NANOS);
        }
    }

    private static int exitCode(io.shmbench.transport.PeerJvm jvm) {
        try {
            return jvm.awaitExit(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public long pid() {
        return jvm.pid();
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }

    /** Kills the peer at once (SIGKILL), as a crash would; {@link #close()} still reaps it. */
    public void kill() {
        jvm.kill();
    }

    /** Waits up to {@code timeout} for the peer to exit; true when it has. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return jvm.awaitExit(timeout.toNanos(), TimeUnit.NANOSECONDS) >= 0;
    }

    /** Stops the peer: it exits when its stdin closes, else it is terminated, then killed. Idempotent. */
    @Override
    public void close() {
        jvm.close();
    }

    @Override
    public String toString() {
        return "the " + name + " peer (pid " + jvm.pid() + ")";
    }
}
