package io.shmbench.report;

import java.util.Map;
import java.util.Optional;

/** One entry of JMH's JSON result file (-rf json). */
public record JmhResult(SeriesKey key, String mode, JmhMetric primary, Map<String, JmhMetric> secondary) {

    public static final String THROUGHPUT_MODE = "thrpt";

    public JmhResult {
        secondary = Map.copyOf(secondary);
    }

    public Optional<JmhMetric> secondary(String name) {
        return Optional.ofNullable(secondary.get(name));
    }
}
