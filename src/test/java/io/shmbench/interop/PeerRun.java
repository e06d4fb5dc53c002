package io.shmbench.interop;

import io.shmbench.testutil.NoLeaks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running peer program (C or Python) of a test: its output goes to files (a chatty peer never
 * blocks on a full pipe), every wait has a deadline, and {@link #close} kills it if it still runs.
 * Peers are started with {@code --watch-parent}, so even a test JVM that dies leaves no orphan.
 */
final class PeerRun implements AutoCloseable {
    private final Process process;
    private final List<String> command;
    private final Path out;
    private final Path err;

    private PeerRun(Process process, List<String> command, Path out, Path err) {
        this.process = process;
        this.command = command;
        this.out = out;
        this.err = err;
    }

    static PeerRun start(PeerProgram program, String side, String ring, String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        all.add("--watch-parent");
        List<String> command = program.command(side, ring, all);
        try {
            Path out = Files.createTempFile("peer-out", ".txt");
            Path err = Files.createTempFile("peer-err", ".txt");
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            NoLeaks.track(process.toHandle());
            return new PeerRun(process, command, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the peer to end and returns its exit code; kills it and fails after {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(this + " did not end within " + timeout + describe());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    /** SIGKILL, and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    String stdout() {
        return read(out);
    }

    String stderr() {
        return read(err);
    }

    /** The numbers of the peer's {@code summary key=value ...} line. */
    Map<String, Long> summary() {
        String line = stdout().lines().filter(l -> l.startsWith("summary ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(this + " printed no summary" + describe()));
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.substring("summary ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], Long.parseLong(kv[1]));
        }
        return values;
    }

    /** What the peer printed, for assertion messages. */
    String describe() {
        String text = stdout();
        if (text.length() > 2000) {
            text = "..." + text.substring(text.length() - 2000);
        }
        return "\n  command: " + String.join(" ", command) + "\n  stdout: " + text + "\n  stderr: " + stderr();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        } catch (IOException ignored) {
            // temporary files; the next cleaner of the temporary directory takes them
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return command.get(0).endsWith("python3") ? "python " + command.get(2) : Path.of(command.get(0)).getFileName().toString();
    }
}
