package io.shmbench.bench.peer;

import io.shmbench.cli.JvmFlags;
import io.shmbench.transport.ChildStop;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A benchmark's own peer process: a {@link PeerCommand} of this suite in a child JVM (the current
 * java binary, class path and {@link JvmFlags}), its output appended to {@link PeerLog#file()}.
 *
 * <p>The peer never outlives this JVM: it exits when its stdin closes or this pid dies
 * ({@link PeerCommand}), {@link #close()} stops it (closing its stdin, then terminating, then
 * killing it), and a shutdown hook kills whatever is still running when this JVM exits. Unlike
 * the transports' {@code PeerProcess} there is no channel: the peer and the benchmark share
 * memory they agree on through the peer's arguments, and {@link #awaitReady} waits for a sign in
 * that memory.
 */
public final class PeerJvm implements AutoCloseable {
    /** A JVM starts slowly on a loaded machine: readiness waits at least this long. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final long READY_POLL_NANOS = 1_000_000;
    private static final Set<PeerJvm> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(p -> p.process.destroyForcibly()),
                "shmbench-bench-peer-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private boolean closed;

    private PeerJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code main} with {@code args} (plus {@code --parent-pid} of this JVM).
     *
     * @throws PeerException when the JVM cannot be started
     */
    public static PeerJvm start(Class<? extends PeerCommand> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JvmFlags.COMMON);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(PeerCommand.PARENT_PID_OPTION, Long.toString(ProcessHandle.current().pid())));
        command.addAll(args);
        Path log = PeerLog.file();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile())).start();
            PeerJvm peer = new PeerJvm(main.getSimpleName(), process, log);
            LIVE.add(peer);
            return peer;
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
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new PeerException(this + " exited with code " + process.exitValue() + " before " + what
                        + "; its output is in " + log, false);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new PeerException(this + " is running but not " + what + " after " + START_TIMEOUT.toSeconds()
                        + " s; its output is in " + log, true);
            }
            LockSupport.parkNanos(READY_POLL_NANOS);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the peer at once (SIGKILL), as a crash would; {@link #close()} still reaps it. */
    public void kill() {
        process.destroyForcibly();
    }

    /** Waits up to {@code timeout} for the peer to exit; true when it has. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the peer ({@link ChildStop}: it exits when its stdin closes, else it is terminated, then killed). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ChildStop.stop(process);
        } finally {
            LIVE.remove(this);
        }
    }

    @Override
    public String toString() {
        return "the " + name + " peer (pid " + process.pid() + ")";
    }
}
