package io.shmbench.run;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * {@code raw/jmh.json}, written by JMH's own JSON formatter (the same as {@code -rf json}). The suite
 * rewrites it after every run, through a temporary file, so an interrupted run keeps every result
 * measured so far and never a half-written file.
 */
final class JmhResultsFile {
    private JmhResultsFile() {
    }

    static void write(Path target, Collection<RunResult> results) {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (PrintStream out = new PrintStream(Files.newOutputStream(temp), false, StandardCharsets.UTF_8)) {
                ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
