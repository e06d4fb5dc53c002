package io.shmbench.report;

import io.shmbench.measure.SeriesName;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads one {@code raw/<Class>.<method>@<params>.hlog} (or a same-pair floor's, raw/floor/) with
 * HdrHistogram's {@link HistogramLogReader} and adds up its {@code measurement} intervals, in all and,
 * when the run has rounds, per round (the round of the run whose window holds the interval's start).
 *
 * <p>HistogramLogReader returns null both at the end of a log and at the first interval it cannot
 * parse, so a corrupt line would silently cut the series short. The reader therefore counts the
 * interval lines of the file (lines that are neither comments nor the legend) and reports a file
 * whose intervals were not all decoded as corrupt.
 */
public final class LatencyLogReader {
    public static final String MEASUREMENT = "measurement";
    public static final String WARMUP = "warmup";

    private LatencyLogReader() {
    }

    /** The series a .hlog file is named after. */
    public static SeriesName keyOf(Path file) throws BadInputException {
        return keyOf(file, SeriesName.HLOG_SUFFIX);
    }

    /** The series a raw file is named after: its .hlog, its floor's .hlog, its blocks' .csv. */
    static SeriesName keyOf(Path file, String suffix) throws BadInputException {
        try {
            return SeriesName.parseFileName(file.getFileName().toString(), suffix);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, e.getMessage());
        }
    }

    /**
     * Reads the file; empty when it is well formed but holds no measurement interval (the caller
     * notes that; a benchmark that failed in warm-up leaves such a log).
     */
    public static Optional<LatencySeries> read(Path file, RoundRuns rounds, Problems problems) throws BadInputException {
        SeriesName key = keyOf(file);
        int intervalLines = countIntervalLines(file);
        if (intervalLines == 0) {
            throw new BadInputException(file, "empty: no histogram intervals");
        }
        AbstractHistogram merged = null;
        int decoded = 0;
        int measurement = 0;
        int outsideRounds = 0;
        SortedMap<Integer, AbstractHistogram> byRound = new TreeMap<>();
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            EncodableHistogram interval;
            while ((interval = reader.nextIntervalHistogram()) != null) {
                decoded++;
                if (!(interval instanceof AbstractHistogram h)) {
                    throw new BadInputException(file, "interval " + decoded + " holds a "
                            + interval.getClass().getSimpleName() + "; expected integer nanosecond values");
                }
                String tag = interval.getTag();
                if (MEASUREMENT.equals(tag)) {
                    measurement++;
                    merged = add(merged, h);
                    if (rounds.present()) {
                        OptionalInt round = rounds.roundAt(h.getStartTimeStamp());
                        if (round.isPresent()) {
                            byRound.put(round.getAsInt(), add(byRound.get(round.getAsInt()), h));
                        } else {
                            outsideRounds++;
                        }
                    }
                } else if (!WARMUP.equals(tag)) {
                    problems.error(file + ": interval " + decoded + " is tagged '" + tag
                            + "', expected '" + WARMUP + "' or '" + MEASUREMENT + "'; it is left out");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file, "corrupt: HdrHistogram could not read interval " + (decoded + 1)
                    + " (" + e + ")", e);
        }
        if (decoded < intervalLines) {
            throw new BadInputException(file, "corrupt: HdrHistogram decoded " + decoded + " of " + intervalLines
                    + " interval lines; interval " + (decoded + 1) + " is malformed");
        }
        if (merged == null) {
            return Optional.empty();
        }
        if (outsideRounds > 0) {
            problems.note(file + ": " + outsideRounds + " of " + measurement + " measurement intervals start in no run of "
                    + "raw/rounds.csv; they count in the whole-run tables but in no round");
        }
        return Optional.of(new LatencySeries(key, merged, measurement, byRound));
    }

    /** {@code sum} plus {@code interval}; a copy of the interval when there is no sum yet. */
    private static AbstractHistogram add(AbstractHistogram sum, AbstractHistogram interval) {
        if (sum == null) {
            AbstractHistogram copy = interval.copy();
            copy.setAutoResize(true);
            return copy;
        }
        sum.add(interval);
        return sum;
    }

    private static int countIntervalLines(Path file) throws BadInputException {
        int count = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = in.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("\"StartTimestamp\"")) {
                    count++;
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "missing");
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
        return count;
    }
}
