package io.shmbench.bench.peer;

import io.shmbench.measure.RunDirectory;

import java.nio.file.Path;

/**
 * Where the benchmarks' peer processes write their output: the run's {@code run.log} (opened for
 * appending by every writer, so lines from the run and its peers interleave but never overwrite
 * each other), or nowhere when the JVM runs outside a run (a benchmark started by hand).
 */
public final class PeerLog {
    private static final Path NOWHERE = Path.of("/dev/null");

    private PeerLog() {
    }

    public static Path file() {
        return RunDirectory.current().map(RunDirectory::runLog).orElse(NOWHERE);
    }
}
