package io.shmbench.testutil;

import io.shmbench.cli.JvmFlags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM for cross-process tests: the current java binary, the current class path and the
 * suite's JVM flags, running a test main class. The child reports on stdout one line per event,
 * which {@link #expectLine} waits for with a deadline; {@link #send} writes a command line to its
 * stdin. The children in this suite exit when their stdin closes, so even a crashed test JVM
 * leaves no orphan. {@link #close} stops the child in every case and is safe in a finally block.
 */
public final class ChildJvm implements AutoCloseable {
    /** How long a cross-process wait may take on a loaded machine before the test gives up. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String EOF = "\u0000EOF";

    private final Process process;
    private final String name;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();

    private ChildJvm(Process process, String name) {
        this.process = process;
        this.name = name;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        pump(process.getInputStream(), "stdout", line -> lines.add(line));
        pump(process.getErrorStream(), "stderr", line -> {
            stderr.append(line).append('\n');
            System.err.println("[" + name + "] " + line);
        });
    }

    /** Starts {@code mainClass} with {@code args} in a new JVM. */
    public static ChildJvm start(Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("cannot tell which java binary runs this JVM")));
        command.addAll(JvmFlags.COMMON);
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            NoLeaks.track(process.toHandle());
            return new ChildJvm(process, mainClass.getSimpleName() + " " + (args.length > 0 ? args[0] : "")
                    + " pid " + process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + command, e);
        }
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
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
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
                throw new AssertionError("interrupted waiting for '" + prefix + "' from " + name, e);
            }
            if (line == null) {
                throw new AssertionError("no line '" + prefix + "...' from " + name + " within " + timeout + describe());
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
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + name + describe(), e);
        }
    }

    /** Waits for the child to exit on its own and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError(name + " did not exit within " + timeout + describe());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + name, e);
        }
        return process.exitValue();
    }

    /** Kills the child at once (SIGKILL: no shutdown hooks, no clean detach) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitGone();
    }

    /** Closes the child's stdin (it then exits on its own), and kills it if it has not exited soon after. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the child is gone already
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        awaitGone();
    }

    private void awaitGone() {
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError(name + " is still running " + TIMEOUT + " after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + name + " to end", e);
        }
    }

    private String describe() {
        return "\n  child: " + name + (process.isAlive() ? " (running)" : " (exited with " + process.exitValue() + ")")
                + "\n  stdout so far: " + seen + "\n  stderr: " + stderr;
    }

    private void pump(InputStream stream, String what, java.util.function.Consumer<String> sink) {
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
        }, "child-" + what + "-" + process.pid());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String toString() {
        return name;
    }
}
