package io.shmbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code run-bench.sh} as a real child JVM on this test's class path, with its own temp directory
 * (so JMH's lock file does not collide with other JMH runs on the machine). Closing it kills the
 * child and everything it started, even when the test failed.
 */
final class SuiteProcess implements AutoCloseable {
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Set<Long> pidsSeen = new HashSet<>();

    private SuiteProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static SuiteProcess start(Path workDir, String... args) throws IOException {
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Djava.io.tmpdir=" + tmp, "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path stdout = workDir.resolve("stdout.txt");
        Path stderr = workDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return new SuiteProcess(process, stdout, stderr);
    }

    Process process() {
        return process;
    }

    /** Waits for the exit; fails with the child's output when it takes longer than {@code timeout}. */
    int waitFor(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            notePids();
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the suite did not finish within " + timeout + "\n" + output());
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        return process.exitValue();
    }

    /** Remembers the child's and its descendants' pids (JMH forks), to look for their leftovers later. */
    void notePids() {
        pidsSeen.add(process.pid());
        process.descendants().forEach(p -> pidsSeen.add(p.pid()));
    }

    Set<Long> pidsSeen() {
        return pidsSeen;
    }

    String output() {
        try {
            return "--- stdout ---\n" + tail(Files.readString(stdout)) + "\n--- stderr ---\n" + tail(Files.readString(stderr));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static String tail(String text) {
        return text.length() > 6000 ? "..." + text.substring(text.length() - 6000) : text;
    }

    /** Kills the child and every process it started. */
    @Override
    public void close() {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : family) {
            p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join();
        }
    }
}
