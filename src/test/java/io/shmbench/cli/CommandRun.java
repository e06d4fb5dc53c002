package io.shmbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Test helper: the exit code and the two outputs of one command line, in process or as a child. */
record CommandRun(int exit, String out, String err) {

    /**
     * Runs {@link Main#execute(PrintWriter, PrintWriter, String...)} in this JVM. What commands print
     * to System.out/err directly (progress, JSON) is captured too, into the same two texts.
     */
    static CommandRun main(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            System.setOut(outStream);
            System.setErr(errStream);
            int exit = Main.execute(new PrintWriter(outStream, true), new PrintWriter(errStream, true), args);
            return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * Runs {@code command} in {@code dir} with the environment changed by {@code env} (a null value
     * removes the variable). Output goes to files, so a chatty child never blocks on a full pipe;
     * the child is killed when it outlives {@code timeout}.
     */
    static CommandRun process(Path dir, Map<String, String> env, Duration timeout, List<String> command)
            throws IOException, InterruptedException {
        File out = File.createTempFile("cmdrun-out", ".txt");
        File err = File.createTempFile("cmdrun-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out).redirectError(err);
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(command + " did not finish within " + timeout
                        + "; stdout so far: " + Files.readString(out.toPath()));
            }
            return new CommandRun(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
