package io.shmbench.report;

import java.nio.file.Path;
import java.util.Map;

/**
 * A raw file named after its series, {@code <Class>.<method>@<param>=<value>,...<suffix>}: the
 * series' .hlog, its same-pair floor's .hlog, its blocks' .csv (docs/RESULTS-FORMAT.md).
 */
public final class SeriesFileName {
    public static final String HLOG = ".hlog";
    public static final String CSV = ".csv";

    private SeriesFileName() {
    }

    /** The key encoded in the name of {@code file}, which must end in {@code suffix}. */
    public static SeriesKey keyOf(Path file, String suffix) throws BadInputException {
        String name = file.getFileName().toString();
        if (!name.endsWith(suffix)) {
            throw new BadInputException(file, "not a " + suffix + " file");
        }
        String stem = name.substring(0, name.length() - suffix.length());
        int at = stem.indexOf('@');
        String benchmark = at < 0 ? stem : stem.substring(0, at);
        try {
            return SeriesKey.of(benchmark, at < 0 ? Map.of() : SeriesKey.parseParams(stem.substring(at + 1)));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, "file name does not follow <Class>.<method>@<param>=<value>,..." + suffix
                    + ": " + e.getMessage());
        }
    }
}
