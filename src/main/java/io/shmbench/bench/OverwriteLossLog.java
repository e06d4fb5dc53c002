package io.shmbench.bench;

import io.shmbench.measure.CsvLog;
import io.shmbench.measure.RunDirectory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code raw/q3_overwrite_loss.csv}: one row per OVERWRITE trial (docs/RESULTS-FORMAT.md); several
 * rows for the same slots and rate ratio are trials, which the reporter adds up. An empty staleness
 * means nothing was read whole.
 */
final class OverwriteLossLog {
    static final String FILE = "q3_overwrite_loss.csv";
    static final List<String> HEADER = List.of("slots", "rate_ratio", "written", "delivered", "missed", "loss_fraction",
            "staleness_p50_ns", "staleness_p99_ns");

    private final CsvLog log;

    OverwriteLossLog(Path file) {
        this.log = new CsvLog(file, HEADER);
    }

    /** The current run's file, if this JVM runs inside one. */
    static Optional<OverwriteLossLog> current() {
        return RunDirectory.current().map(run -> new OverwriteLossLog(run.raw().resolve(FILE)));
    }

    void append(OverwriteLoss row) {
        log.append(row.slots(), row.rateRatio(), row.written(), row.delivered(), row.missed(), row.lossFraction(),
                nanos(row.stalenessP50Ns()), nanos(row.stalenessP99Ns()));
    }

    private static String nanos(double value) {
        return Double.isNaN(value) ? "" : Long.toString(Math.round(value));
    }
}
