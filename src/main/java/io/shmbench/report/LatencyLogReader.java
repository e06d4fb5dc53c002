package io.shmbench.report;

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

/**
 * Reads one {@code raw/<Class>.<method>@<params>.hlog} with HdrHistogram's {@link HistogramLogReader}
 * and adds up its {@code measurement} intervals.
 *
 * <p>HistogramLogReader returns null both at the end of a log and at the first interval it cannot
 * parse, so a corrupt line would silently cut the series short. The reader therefore counts the
 * interval lines of the file (lines that are neither comments nor the legend) and reports a file
 * whose intervals were not all decoded as corrupt.
 */
public final class LatencyLogReader {
    public static final String MEASUREMENT = "measurement";
    public static final String WARMUP = "warmup";
    private static final String SUFFIX = ".hlog";

    private LatencyLogReader() {
    }

    /** The key encoded in a .hlog file name. */
    public static SeriesKey keyOf(Path file) throws BadInputException {
        String name = file.getFileName().toString();
        if (!name.endsWith(SUFFIX)) {
            throw new BadInputException(file, "not a .hlog file");
        }
        String stem = name.substring(0, name.length() - SUFFIX.length());
        int at = stem.indexOf('@');
        String benchmark = at < 0 ? stem : stem.substring(0, at);
        try {
            return SeriesKey.of(benchmark, at < 0 ? java.util.Map.of() : SeriesKey.parseParams(stem.substring(at + 1)));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, "file name does not follow <Class>.<method>@<param>=<value>,...hlog: "
                    + e.getMessage());
        }
    }

    /**
     * Reads the file; empty when it is well formed but holds no measurement interval (the caller
     * notes that; a benchmark that failed in warm-up leaves such a log).
     */
    public static Optional<LatencySeries> read(Path file, Problems problems) throws BadInputException {
        SeriesKey key = keyOf(file);
        int intervalLines = countIntervalLines(file);
        if (intervalLines == 0) {
            throw new BadInputException(file, "empty: no histogram intervals");
        }
        AbstractHistogram merged = null;
        int decoded = 0;
        int measurement = 0;
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
                    if (merged == null) {
                        merged = h.copy();
                        merged.setAutoResize(true);
                    } else {
                        merged.add(h);
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
        return Optional.of(new LatencySeries(key, merged, measurement));
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
