package io.shmbench.soak;

import io.shmbench.cli.JvmFlags;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RingWriterMain} in a child JVM (same java binary, class path and {@link JvmFlags}), its
 * stdout and stderr appended to a log. It starts idle, so the soak can start the next writer while
 * the current one writes and hand over within milliseconds of a kill; {@link #go()} makes it
 * attach and write, {@link #stop()} makes it finish cleanly, {@link #kill()} is the crash under
 * test. It exits by itself when this JVM dies (its stdin closes).
 */
final class WriterProcess implements AutoCloseable {
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final Process process;
    private final Path log;
    private final Cleanup cleanup;

    private WriterProcess(Process process, Path log, Cleanup cleanup) {
        this.process = process;
        this.log = log;
        this.cleanup = cleanup;
    }

    static WriterProcess start(Path ring, int messageSize, Path log, Cleanup cleanup) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JvmFlags.COMMON);
        command.addAll(List.of("-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                RingWriterMain.class.getName(), "--ring", ring.toString(), "--size", Integer.toString(messageSize)));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .redirectError(Redirect.appendTo(log.toFile()))
                    .start();
            cleanup.add(process);
            return new WriterProcess(process, log, cleanup);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a ring writer process: " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Attach and write. */
    void go() {
        command(RingWriterMain.GO);
    }

    /** Finish the message in hand, detach cleanly and exit 0. */
    void stop() {
        command(RingWriterMain.STOP);
    }

    private void command(String line) {
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("ring writer pid " + pid() + " does not take commands (exited with "
                    + exitDescription() + "); see " + log, e);
        }
    }

    /**
     * SIGKILL, as a crash would, and waits until the process is gone.
     *
     * @throws IllegalStateException if it is still there after the timeout
     */
    void kill() {
        process.destroyForcibly();
        if (awaitExit(SoakSettings.TIMEOUT) == null) {
            throw new IllegalStateException("ring writer pid " + pid() + " still runs " + SoakSettings.TIMEOUT + " after SIGKILL");
        }
        cleanup.forget(process);
    }

    /** Its exit code once it exits within {@code timeout}, else null. */
    Integer awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String exitDescription() {
        return process.isAlive() ? "nothing yet: still running" : Integer.toString(process.exitValue());
    }

    /** Closes its stdin (an idle or writing writer then exits at once) and kills it if it lingers. Idempotent. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        if (awaitExit(Duration.ofSeconds(CLOSE_WAIT_SECONDS)) == null) {
            process.destroyForcibly();
            awaitExit(SoakSettings.TIMEOUT);
        }
        if (!process.isAlive()) {
            cleanup.forget(process);
        }
    }
}
