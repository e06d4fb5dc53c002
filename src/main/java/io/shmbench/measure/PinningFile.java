package io.shmbench.measure;

import java.util.List;

/**
 * {@code raw/pinning.csv}: where the two processes of each cross-process benchmark trial ran. One
 * row per trial (a series with several forks or rounds has several): {@code this_cpu} is the CPU
 * the benchmark's measuring thread was pinned to, {@code peer_cpu} the peer's working thread's;
 * both empty when the trial ran unpinned, and {@code detail} then says why (pinning turned off, or
 * the host cannot offer two cores of one node).
 *
 * <p>This class is the file's one definition: the benchmarks write it, the reporter reads it.
 */
public final class PinningFile {
    public static final String NAME = "pinning.csv";
    public static final List<String> COLUMNS = List.of("benchmark", "params", "this_cpu", "peer_cpu", "detail");

    private PinningFile() {
    }

    /** Appends one trial's row to the current run's file (nothing outside a run). */
    public static void record(SeriesName series, String thisCpu, String peerCpu, String detail) {
        RawCsvFile.inCurrentRun(NAME, COLUMNS).ifPresent(file -> file.append(List.of(List.of(
                series.benchmarkClass() + "." + series.method(), series.paramsText(), thisCpu, peerCpu, detail))));
    }
}
