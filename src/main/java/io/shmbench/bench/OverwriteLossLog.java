package io.shmbench.bench;

import io.shmbench.measure.RawCsvFile;
import io.shmbench.report.QuestionCsvReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code raw/q3_overwrite_loss.csv}: one row per OVERWRITE trial (docs/RESULTS-FORMAT.md); several
 * rows for the same slots and rate ratio are trials, which the reporter adds up. An empty staleness
 * means nothing was read whole.
 */
final class OverwriteLossLog {
    static final List<String> HEADER = List.of("slots", "rate_ratio", "written", "delivered", "missed", "loss_fraction",
            "staleness_p50_ns", "staleness_p99_ns", "lap_policy");

    private final RawCsvFile log;

    OverwriteLossLog(Path file) {
        this(new RawCsvFile(file, HEADER));
    }

    private OverwriteLossLog(RawCsvFile log) {
        this.log = log;
    }

    /** The current run's file, if this JVM runs inside one. */
    static Optional<OverwriteLossLog> current() {
        return RawCsvFile.inCurrentRun(QuestionCsvReader.Q3_LOSS, HEADER).map(OverwriteLossLog::new);
    }

    void append(OverwriteLoss row) {
        log.append(List.of(List.of(row.slots(), row.rateRatio(), row.written(), row.delivered(), row.missed(),
                row.lossFraction(), nanos(row.stalenessP50Ns()), nanos(row.stalenessP99Ns()),
                row.lapPolicy().name().toLowerCase(java.util.Locale.ROOT))));
    }

    private static String nanos(double value) {
        return Double.isNaN(value) ? "" : Long.toString(Math.round(value));
    }
}
