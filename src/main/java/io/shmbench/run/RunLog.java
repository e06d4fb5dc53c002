package io.shmbench.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * While open, everything this JVM prints (JMH's output, which relays the forks' output, and the
 * suite's own lines) goes to the console and to {@code run.log}.
 */
final class RunLog implements AutoCloseable {
    private final PrintStream consoleOut;
    private final PrintStream consoleErr;
    private final OutputStream file;

    private RunLog(PrintStream consoleOut, PrintStream consoleErr, OutputStream file) {
        this.consoleOut = consoleOut;
        this.consoleErr = consoleErr;
        this.file = file;
    }

    static RunLog open(Path path) {
        OutputStream file;
        try {
            file = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
        }
        RunLog log = new RunLog(System.out, System.err, file);
        System.setOut(new PrintStream(new TeeOutputStream(log.consoleOut, file), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new TeeOutputStream(log.consoleErr, file), true, StandardCharsets.UTF_8));
        return log;
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(consoleOut);
        System.setErr(consoleErr);
        try {
            file.close();
        } catch (IOException e) {
            consoleErr.println("warning: cannot close run.log: " + e.getMessage());
        }
    }
}
