package io.shmbench.run;

import io.shmbench.measure.SeriesName;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One JMH run of the plan: a benchmark method in one mode with one value per parameter. JMH forks
 * a fresh JVM (or {@code forks} of them) for each.
 */
public record PlannedRun(BenchmarkDeclaration benchmark, SortedMap<String, String> params) {

    public PlannedRun {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** The latency series this run writes, if its benchmark records one. */
    public SeriesName series() {
        return SeriesName.of(benchmark.name(), params);
    }

    /** {@code Q5PayloadLayout.readSnapshot [avgt] payloadLayout=AOS, servers=16}. */
    public String label() {
        StringBuilder label = new StringBuilder(benchmark.shortName()).append(" [").append(benchmark.mode().shortLabel()).append(']');
        String separator = " ";
        for (var param : params.entrySet()) {
            label.append(separator).append(param.getKey()).append('=').append(param.getValue());
            separator = ", ";
        }
        return label.toString();
    }
}
