package io.shmbench.report;

import io.shmbench.measure.RoundsFile;
import io.shmbench.measure.SeriesName;
import org.apache.commons.csv.CSVRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code raw/rounds.csv} ({@link RoundsFile}). A row that does not fit (a round or position
 * below 1, a time that is not an integer, a run that ends before it starts, an unknown status, a
 * result index that is negative, listed twice or beyond raw/jmh.json's array) makes the file
 * unusable: it is reported naming the line, and the run is reported as one without rounds.
 */
public final class RoundsReader {
    private RoundsReader() {
    }

    /** @param jmhEntries how many entries raw/jmh.json holds; -1 when it could not be read (no check) */
    public static RoundRuns read(Path file, int jmhEntries) throws BadInputException {
        RawCsv csv = RawCsv.read(file, RoundsFile.COLUMNS);
        List<RoundRun> runs = new ArrayList<>();
        Set<Long> indices = new HashSet<>();
        for (CSVRecord r : csv.records()) {
            int round = (int) csv.positiveInteger(r, RoundsFile.ROUND);
            int position = (int) csv.positiveInteger(r, RoundsFile.POSITION);
            SeriesName key;
            try {
                key = SeriesName.of(csv.required(r, RoundsFile.BENCHMARK), csv.text(r, RoundsFile.PARAMS));
            } catch (IllegalArgumentException e) {
                throw csv.error(r, e.getMessage());
            }
            long started = csv.integer(r, RoundsFile.STARTED_MS);
            long ended = csv.integer(r, RoundsFile.ENDED_MS);
            if (ended < started) {
                throw csv.error(r, "ended_ms " + ended + " is before started_ms " + started);
            }
            String status = csv.required(r, RoundsFile.STATUS);
            if (!SeriesOutcome.STATUSES.contains(status)) {
                throw csv.error(r, "unknown status '" + status + "' (expected one of " + SeriesOutcome.STATUSES + ")");
            }
            long index = csv.optionalIndex(r, RoundsFile.RESULT_INDEX);
            if (index >= 0 && !indices.add(index)) {
                throw csv.error(r, "result_index " + index + " is given to two runs");
            }
            if (index >= 0 && jmhEntries >= 0 && index >= jmhEntries) {
                throw csv.error(r, "result_index " + index + " is beyond raw/jmh.json, which holds " + jmhEntries + " results");
            }
            runs.add(new RoundRun(round, position, key, csv.required(r, RoundsFile.MODE), started, ended, status, (int) index));
        }
        return RoundRuns.of(runs);
    }
}
