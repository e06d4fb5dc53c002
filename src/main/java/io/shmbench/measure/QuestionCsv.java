package io.shmbench.measure;

import java.util.List;
import java.util.Optional;

/**
 * The question-specific raw CSV files of a run, {@code raw/<file name>} (docs/RESULTS-FORMAT.md):
 * each one's name and columns, defined once for the benchmark that writes it and the reporter that
 * reads it. A file is a header row, then one observation per row.
 */
public enum QuestionCsv {
    /** How each benchmark run ended other than plainly ({@link OutcomeLog}, {@link Outcome}). */
    OUTCOMES("outcomes.csv", "benchmark", "params", "status", "detail"),
    /**
     * Where the two processes of each cross-process trial ran: the CPU of the benchmark's measuring
     * thread and of the peer's working thread, both empty when unpinned, and why.
     */
    PINNING("pinning.csv", "benchmark", "params", "this_cpu", "peer_cpu", "detail"),
    /**
     * Q3, one row per OVERWRITE trial; an empty staleness means nothing was read whole.
     * {@code lap_policy} came last: a file from before it lacks the column.
     */
    Q3_OVERWRITE_LOSS("q3_overwrite_loss.csv", "slots", "rate_ratio", "written", "delivered", "missed", "loss_fraction",
            "staleness_p50_ns", "staleness_p99_ns", "lap_policy"),
    /** Q6, every placement the suite knows, whether this host offers it and, when not, why. */
    Q6_PLACEMENTS("q6_placements.csv", "placement", "available", "reason"),
    /**
     * Q6, one row per measured CPU pair of the core-to-core matrix ({@code cpu_a} starts each round
     * trip); empty values when the pair could not be measured.
     */
    Q6_CORE_MATRIX("q6_core_matrix.csv", "cpu_a", "cpu_b", "p50_ns", "p99_ns"),
    /** Q7, one observation per row; a metric's name ends with its unit ({@link #hasUnit}). */
    Q7_FAULTS("q7_faults.csv", "scenario", "trial", "metric", "value");

    private final String fileName;
    private final List<String> columns;

    QuestionCsv(String fileName, String... columns) {
        this.fileName = fileName;
        this.columns = List.of(columns);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }

    /** This file of the current run, if this JVM runs inside one ({@link RunDirectory#current()}). */
    public Optional<RawCsvFile> inCurrentRun() {
        return RunDirectory.current().map(run -> new RawCsvFile(run.rawCsv(this), columns));
    }

    /** Whether a {@link #Q7_FAULTS} metric's name ends with its unit: {@code _ns} (a time) or {@code _count}. */
    public static boolean hasUnit(String metric) {
        return metric.endsWith("_ns") || metric.endsWith("_count");
    }
}
