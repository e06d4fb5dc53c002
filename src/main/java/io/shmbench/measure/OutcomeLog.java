package io.shmbench.measure;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code raw/outcomes.csv}: one row per benchmark run that ended other than plainly, written by
 * whichever process knows (a fork that timed out, the run command for a fork that died); columns
 * {@link QuestionCsv#OUTCOMES}. Each row is one append, so processes taking turns never interleave
 * half rows.
 */
public final class OutcomeLog {
    private final RawCsvFile log;

    public OutcomeLog(Path file) {
        this.log = new RawCsvFile(file, QuestionCsv.OUTCOMES.columns());
    }

    /** The outcome log of the current run, if this JVM runs inside one. */
    public static java.util.Optional<OutcomeLog> current() {
        return RunDirectory.current().map(run -> new OutcomeLog(run.outcomes()));
    }

    public Path file() {
        return log.file();
    }

    /**
     * @param benchmark full JMH benchmark name ({@code io.shmbench.bench.Q2MemoryOrders.roundTrip})
     * @param params    {@link SeriesName#paramsText()}
     */
    public void append(String benchmark, String params, Outcome status, String detail) {
        // Arrays.asList, not List.of: detail is often an exception's message, which may be null (an empty field)
        log.append(List.of(Arrays.asList(benchmark, params, status.label(), detail)));
    }
}
