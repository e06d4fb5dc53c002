package io.shmbench.measure;

import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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

    /**
     * Records how a running benchmark ended, named by its series ({@code <Class>.<method>} and its
     * parameters), in the current run's log if there is one; says it on stderr (the run's console and
     * run.log) in any case.
     */
    public static void record(SeriesName series, Outcome status, String detail) {
        System.err.println("shmbench: " + series + ": " + status.label() + ": " + detail);
        current().ifPresent(log -> log.append(series.benchmarkClass() + "." + series.method(), series.paramsText(), status, detail));
    }

    public Path file() {
        return file;
    }

    /**
     * @param benchmark full JMH benchmark name ({@code io.shmbench.bench.Q2MemoryOrders.roundTrip})
     * @param params    {@link SeriesName#paramsText()}
     */
    public void append(String benchmark, String params, Outcome status, String detail) {
        StringBuilder row = new StringBuilder();
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                CSVFormat.DEFAULT.printRecord(row, (Object[]) HEADER);
            }
            CSVFormat.DEFAULT.printRecord(row, benchmark, params, status.label(), detail);
            Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}
