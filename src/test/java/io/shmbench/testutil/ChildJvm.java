package io.shmbench.testutil;

import io.shmbench.process.ChildProcess;
import io.shmbench.process.JavaCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A second JVM for cross-process tests, a {@link ChildProcess} running a test main class that
 * talks in lines: it reports on stdout one line per event, which {@link #expectLine} waits for
 * with a deadline, and takes commands on stdin ({@link #send}). The children in this suite exit
 * when their stdin closes, so even a crashed test JVM leaves no orphan. {@link #close} stops the
 * child in every case and is safe in a finally block.
 */
public final class ChildJvm implements AutoCloseable {
    /** How long a cross-process wait may take on a loaded machine before the test gives up. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How long {@link #close} waits for the child at each step ({@link ChildProcess#stop}). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final String EOF = "\u0000EOF";

    private final ChildProcess child;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();

    private ChildJvm(ChildProcess child) {
        this.child = child;
        pump(child.stdout(), "stdout", line -> lines.add(line));
        pump(child.stderr(), "stderr", line -> {
            stderr.append(line).append('\n');
            System.err.println("[" + child + "] " + line);
        });
    }

    /** Starts {@code mainClass} with {@code args} in a new JVM. */
    public static ChildJvm start(Class<?> mainClass, String... args) {
        ChildProcess child = ChildProcess.start(mainClass.getSimpleName() + " " + (args.length > 0 ? args[0] : ""),
                new ProcessBuilder(JavaCommand.of(mainClass, List.of("-Xmx256m", "-XX:+UseSerialGC"), List.of(args))), null);
        NoLeaks.track(child.handle());
        return new ChildJvm(child);
    }

    /** Starts {@code mainClass} and waits for its {@code READY} line; stops it if the line never comes. */
    public static ChildJvm startReady(Class<?> mainClass, String... args) {
        ChildJvm child = start(mainClass, args);
        try {
            child.expectLine("READY");
            return child;
        } catch (RuntimeException | Error e) {
            child.close();
            throw e;
        }
    }

    public long pid() {
        return child.pid();
    }

    public boolean isAlive() {
        return child.isAlive();
    }

    /**
     * Waits for the next line that starts with {@code prefix} and returns it; earlier lines are
     * skipped. Fails when the child exits first or {@code timeout} passes.
     */
    public String expectLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line;
            try {
                line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for '" + prefix + "' from " + child, e);
            }
            if (line == null) {
                throw new AssertionError("no line '" + prefix + "...' from " + child + " within " + timeout + describe());
            }
            if (line.equals(EOF)) {
                lines.add(EOF); // later calls see the end too
                throw new AssertionError("child ended its output before '" + prefix + "...'" + describe());
            }
            seen.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    public String expectLine(String prefix) {
        return expectLine(prefix, TIMEOUT);
    }

    /** Sends one command line to the child's stdin. */
    public void send(String line) {
        child.send(line);
    }

    /** Waits for the child to exit on its own and returns its exit code. */
    public int awaitExit(Duration timeout) {
        return child.awaitExit(timeout).orElseThrow(() -> new AssertionError(child + " did not exit within " + timeout + describe()));
    }

    /** Kills the child at once (SIGKILL: no shutdown hooks, no clean detach) and waits until it is gone. */
    public void kill() {
        child.kill();
        awaitGone();
    }

    /** Closes the child's stdin (it then exits on its own), and stops it if it has not exited soon after. */
    @Override
    public void close() {
        child.stop(STOP_WAIT);
        awaitGone();
    }

    private void awaitGone() {
        if (child.awaitExit(TIMEOUT).isEmpty()) {
            throw new AssertionError(child + " is still running " + TIMEOUT + " after SIGKILL");
        }
    }

    private String describe() {
        return "\n  child: " + child + " (" + child.exitDescription() + ")"
                + "\n  stdout so far: " + seen + "\n  stderr: " + stderr;
    }

    private void pump(InputStream stream, String what, Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the stream closes when the child ends
            } finally {
                if (what.equals("stdout")) {
                    lines.add(EOF);
                }
            }
        }, "child-" + what + "-" + child.pid());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String toString() {
        return child.toString();
    }
}
