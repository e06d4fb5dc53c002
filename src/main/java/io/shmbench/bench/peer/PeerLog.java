package io.shmbench.bench.peer;

import io.shmbench.measure.RunDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmarks' peer processes write their output: the run's {@code run.log} (opened for
 * appending by every writer, so lines from the run and its peers interleave but never overwrite
 * each other). Outside a run (a benchmark started by hand or by a test) one temporary file per
 * JVM, removed when it exits: readable, so an error can still quote a peer's last lines
 * ({@code ChildProcess.logTail}).
 */
public final class PeerLog {
    private static Path outsideRun;

    private PeerLog() {
    }

    public static Path file() {
        return RunDirectory.current().map(RunDirectory::runLog).orElseGet(PeerLog::outsideRun);
    }

    private static synchronized Path outsideRun() {
        if (outsideRun == null) {
            try {
                outsideRun = Files.createTempFile("peer-output-", ".log");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a log file for peer processes: " + e.getMessage(), e);
            }
            outsideRun.toFile().deleteOnExit();
        }
        return outsideRun;
    }
}
