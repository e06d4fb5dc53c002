package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much one metric of one series moved across the rounds of a run: the median, smallest and
 * largest of its round values. {@code max / min} near 1 says the rounds agree.
 */
public record RoundSummary(SeriesName key, String metric, int rounds, double median, double min, double max) {

    public double maxOverMin() {
        return max / min;
    }

    /** One summary per (series, metric), in the order of {@code values}. */
    public static List<RoundSummary> of(List<RoundValue> values) {
        Map<List<Object>, List<RoundValue>> groups = new LinkedHashMap<>();
        values.forEach(v -> groups.computeIfAbsent(List.of(v.key(), v.metric()), k -> new ArrayList<>()).add(v));
        List<RoundSummary> out = new ArrayList<>();
        groups.forEach((k, group) -> {
            double[] v = group.stream().mapToDouble(RoundValue::value).toArray();
            out.add(new RoundSummary(group.getFirst().key(), group.getFirst().metric(), v.length, Median.of(v),
                    java.util.Arrays.stream(v).min().orElseThrow(), java.util.Arrays.stream(v).max().orElseThrow()));
        });
        return out;
    }
}
