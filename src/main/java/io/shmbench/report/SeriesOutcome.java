package io.shmbench.report;

import io.shmbench.measure.Outcome;
import io.shmbench.measure.SeriesName;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What became of one benchmark configuration (a row of raw/outcomes.csv): its {@link Outcome}'s
 * label and detail. A status other than {@code ok} means its numbers are missing or not to be
 * trusted; figures mark it instead of dropping it.
 */
public record SeriesOutcome(SeriesName key, String status, String detail) {
    public static final String OK = Outcome.OK.label();
    /** The statuses the benchmarks write. */
    public static final List<String> STATUSES = Arrays.stream(Outcome.values()).map(Outcome::label).toList();
    private static final Pattern LEADING_COUNT = Pattern.compile("^\\s*(\\d+)");

    public boolean ok() {
        return OK.equals(status);
    }

    /**
     * Whether the configuration's trial stopped early (it timed out or failed): a result JMH
     * reports for it anyway (a benchmark that returns at once after a hung wait) is no measurement.
     */
    public boolean stoppedTrial() {
        return Outcome.TIMED_OUT.label().equals(status) || Outcome.FAILED.label().equals(status);
    }

    /** Whether {@code outcomes} say the trial of {@code key} stopped early: figures draw no value for it. */
    public static boolean stoppedTrial(List<SeriesOutcome> outcomes, SeriesName key) {
        return outcomes.stream().anyMatch(o -> o.stoppedTrial() && o.key().equals(key));
    }

    /** The short mark a figure shows: "timed out", "3 corrupt", "unsupported", ... */
    public String mark() {
        if (Outcome.CORRUPT.label().equals(status)) {
            Matcher m = LEADING_COUNT.matcher(detail);
            return m.find() ? m.group(1) + " corrupt" : "corrupt";
        }
        return status.toLowerCase(Locale.ROOT);
    }
}
