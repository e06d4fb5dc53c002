package io.shmbench.bench;

import io.shmbench.measure.QuestionCsv;
import io.shmbench.measure.RawCsvFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@link QuestionCsv#Q3_OVERWRITE_LOSS}: one row per OVERWRITE trial; several rows for the
 * same slots and rate ratio are trials, which the reporter adds up.
 */
final class OverwriteLossLog {
    private final RawCsvFile log;

    OverwriteLossLog(Path file) {
        this(new RawCsvFile(file, QuestionCsv.Q3_OVERWRITE_LOSS.columns()));
    }

    private OverwriteLossLog(RawCsvFile log) {
        this.log = log;
    }

    /** The current run's file, if this JVM runs inside one. */
    static Optional<OverwriteLossLog> current() {
        return QuestionCsv.Q3_OVERWRITE_LOSS.inCurrentRun().map(OverwriteLossLog::new);
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
