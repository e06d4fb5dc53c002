package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of JMH's JSON result file (-rf json).
 *
 * @param index its 0-based place in the file's array, by which raw/rounds.csv names it
 */
public record JmhResult(SeriesName key, String mode, JmhMetric primary, Map<String, JmhMetric> secondary, int index) {

    public static final String THROUGHPUT_MODE = "thrpt";

    public JmhResult {
        secondary = Map.copyOf(secondary);
    }

    public Optional<JmhMetric> secondary(String name) {
        return Optional.ofNullable(secondary.get(name));
    }
}
