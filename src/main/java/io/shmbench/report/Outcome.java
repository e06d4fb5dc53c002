package io.shmbench.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What became of one benchmark configuration (raw/outcomes.csv). A status other than {@code ok}
 * means its numbers are missing or not to be trusted; figures mark it instead of dropping it.
 */
public record Outcome(SeriesKey key, String status, String detail) {
    public static final String OK = "ok";
    public static final java.util.List<String> STATUSES =
            java.util.List.of(OK, "timed out", "corrupt", "unsupported", "unavailable", "failed");
    private static final Pattern LEADING_COUNT = Pattern.compile("^\\s*(\\d+)");

    public boolean ok() {
        return OK.equals(status);
    }

    /**
     * Whether the configuration's trial stopped early (it timed out or failed): a result JMH
     * reports for it anyway (a benchmark that returns at once after a hung wait) is no measurement.
     */
    public boolean stoppedTrial() {
        return "timed out".equals(status) || "failed".equals(status);
    }

    /** The short mark a figure shows: "timed out", "3 corrupt", "unsupported", ... */
    public String mark() {
        if ("corrupt".equals(status)) {
            Matcher m = LEADING_COUNT.matcher(detail);
            return m.find() ? m.group(1) + " corrupt" : "corrupt";
        }
        return status.toLowerCase(Locale.ROOT);
    }
}
