package io.shmbench.measure;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code raw/outcomes.csv}: one row per benchmark run that ended other than plainly, written by
 * whichever process knows (a fork that timed out, the run command for a fork that died). Columns
 * {@code benchmark, params, status, detail} (docs/RESULTS-FORMAT.md). Each row is one append, so
 * processes taking turns never interleave half rows.
 */
public final class OutcomeLog {
    static final String[] HEADER = {"benchmark", "params", "status", "detail"};

    private final Path file;

    public OutcomeLog(Path file) {
        this.file = file;
    }

    /** The outcome log of the current run, if this JVM runs inside one. */
    public static java.util.Optional<OutcomeLog> current() {
        return RunDirectory.current().map(run -> new OutcomeLog(run.outcomes()));
    }

    public Path file() {
        return file;
    }

    /**
     * @param benchmark full JMH benchmark name ({@code io.shmbench.bench.Q2MemoryOrders.roundTrip})
     * @param params    {@link SeriesName#paramsText()}
     */
    public void append(String benchmark, String params, Outcome status, String detail) {
        new RawCsvFile(file, List.of(HEADER)).append(List.of(List.of(benchmark, params, status.label(), detail)));
    }
}
