package io.shmbench.queue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A child JVM running a main class of the test class path with the current java binary, its stdout
 * read line by line (every wait bounded) and its stderr kept for failure messages. {@link #close}
 * kills it if it is still running, so a failing test leaves no process behind.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();

    ChildJvm(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).start();
        pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false);
    }

    private void pump(BufferedReader reader, boolean out) {
        Thread thread = new Thread(() -> {
            try (reader) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (out) {
                        lines.add(line);
                    } else {
                        stderr.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the child went away
            }
        }, "child-" + (out ? "stdout" : "stderr"));
        thread.setDaemon(true);
        thread.start();
    }

    /** The next stdout line, which must start with {@code prefix}; waits up to {@code seconds}. */
    String expect(String prefix, long seconds) throws InterruptedException {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        if (line == null || !line.startsWith(prefix)) {
            fail("child " + process.pid() + ": expected a line starting with '" + prefix + "', got "
                    + (line == null ? "nothing within " + seconds + " s (alive: " + process.isAlive() + ")" : "'" + line + "'")
                    + "; its stderr:\n" + stderr);
        }
        return line;
    }

    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    long pid() {
        return process.pid();
    }

    /** Waits for a normal exit; fails with the child's stderr otherwise. */
    void awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            fail("child " + process.pid() + " did not exit within " + seconds + " s; its stderr:\n" + stderr);
        }
        if (process.exitValue() != 0) {
            fail("child " + process.pid() + " exited with " + process.exitValue() + "; its stderr:\n" + stderr);
        }
    }

    /** Kills the child and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            fail("child " + process.pid() + " survived SIGKILL for 30 s");
        }
    }

    /** Kills the child if it still runs; keeps the interrupt status if interrupted while waiting. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
