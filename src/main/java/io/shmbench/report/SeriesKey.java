package io.shmbench.report;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Identifies one measured series: the benchmark ({@code <Class>.<method>}, the class's simple name
 * starting with its question, e.g. {@code Q1Transports.roundTrip}) and its JMH parameters. The same
 * key is found in .hlog file names, jmh.json and raw/outcomes.csv, which is how they are matched.
 */
public record SeriesKey(String benchmark, SortedMap<String, String> params) {
    private static final Pattern BENCHMARK = Pattern.compile("[A-Za-z_$][\\w$]*\\.[A-Za-z_$][\\w$]*");
    private static final Pattern QUESTION = Pattern.compile("^(Q\\d+)");

    public SeriesKey {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /**
     * Builds a key from a benchmark name that may be fully qualified (JMH's
     * {@code io.shmbench.bench.Q1Transports.roundTrip}); only the last two segments are kept.
     */
    public static SeriesKey of(String benchmark, Map<String, String> params) {
        String[] parts = benchmark.split("\\.");
        String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
        if (!BENCHMARK.matcher(shortName).matches()) {
            throw new IllegalArgumentException("benchmark name '" + benchmark + "' is not <Class>.<method>");
        }
        return new SeriesKey(shortName, new TreeMap<>(params));
    }

    /** Parses {@code name=value,name=value} (the form used in .hlog names and outcomes.csv). */
    public static SortedMap<String, String> parseParams(String text) {
        SortedMap<String, String> params = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return params;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter '" + pair + "' is not name=value");
            }
            String name = pair.substring(0, eq).trim();
            if (params.put(name, pair.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' given twice");
            }
        }
        return params;
    }

    /** {@code name=value,name=value}, sorted by name. */
    public String paramsText() {
        return formatParams(params);
    }

    public static String formatParams(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** The question this series answers, e.g. {@code Q1}, or empty when the class name does not start with one. */
    public String question() {
        Matcher m = QUESTION.matcher(benchmark);
        return m.find() ? m.group(1) : "";
    }

    public String className() {
        return benchmark.substring(0, benchmark.indexOf('.'));
    }

    public String method() {
        return benchmark.substring(benchmark.indexOf('.') + 1);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** True when this key has every parameter of {@code subset} with the same value. */
    public boolean matches(String benchmarkName, Map<String, String> subset) {
        if (!benchmark.equals(benchmarkName)) {
            return false;
        }
        return subset.entrySet().stream().allMatch(e -> e.getValue().equals(params.get(e.getKey())));
    }

    @Override
    public String toString() {
        return params.isEmpty() ? benchmark : benchmark + "@" + paramsText();
    }
}
