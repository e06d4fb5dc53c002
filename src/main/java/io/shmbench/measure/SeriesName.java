package io.shmbench.measure;

import org.openjdk.jmh.infra.BenchmarkParams;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The name of one latency series: benchmark class, method and parameter values, as in
 * {@code raw/<Class>.<method>@<param>=<value>,<param>=<value>.hlog} (docs/RESULTS-FORMAT.md).
 * Parameters are sorted by name. In a file name the characters {@code % / , =} inside a value or
 * name are percent-encoded, so the name parses back unambiguously; a benchmark without parameters
 * is {@code <Class>.<method>@.hlog}.
 *
 * @param benchmarkClass simple name of the benchmark class (it starts with its question, e.g. {@code Q1Transports})
 * @param method         the benchmark method (or {@code @Group} name)
 * @param params         JMH {@code @Param} values by name
 */
public record SeriesName(String benchmarkClass, String method, SortedMap<String, String> params) {
    public static final String HLOG_SUFFIX = ".hlog";
    public static final String CSV_SUFFIX = ".csv";
    private static final int MAX_FILE_NAME_BYTES = 255;

    public SeriesName {
        if (benchmarkClass.isEmpty() || benchmarkClass.contains(".") || benchmarkClass.contains("@")) {
            throw new IllegalArgumentException("benchmark class must be a simple name without '.' or '@': '" + benchmarkClass + "'");
        }
        if (method.isEmpty() || method.contains(".") || method.contains("@")) {
            throw new IllegalArgumentException("benchmark method must be a name without '.' or '@': '" + method + "'");
        }
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** From a JMH benchmark name ({@code package.Class.method}) and its parameters. */
    public static SeriesName of(String benchmark, Map<String, String> params) {
        int lastDot = benchmark.lastIndexOf('.');
        if (lastDot <= 0 || lastDot == benchmark.length() - 1) {
            throw new IllegalArgumentException("'" + benchmark + "' is not a benchmark name of the form package.Class.method");
        }
        String className = benchmark.substring(0, lastDot);
        return new SeriesName(className.substring(className.lastIndexOf('.') + 1), benchmark.substring(lastDot + 1),
                new TreeMap<>(params));
    }

    /** The series a running JMH benchmark writes. */
    public static SeriesName of(BenchmarkParams benchmark) {
        SortedMap<String, String> params = new TreeMap<>();
        for (String key : benchmark.getParamsKeys()) {
            params.put(key, benchmark.getParam(key));
        }
        return of(benchmark.getBenchmark(), params);
    }

    /** Parses a name made by {@link #hlogFileName()}. */
    public static SeriesName parseHlogFileName(String fileName) {
        if (!fileName.endsWith(HLOG_SUFFIX)) {
            throw new IllegalArgumentException("'" + fileName + "' does not end in " + HLOG_SUFFIX);
        }
        String stem = fileName.substring(0, fileName.length() - HLOG_SUFFIX.length());
        int at = stem.indexOf('@');
        int dot = stem.indexOf('.');
        if (at < 0 || dot < 0 || dot > at) {
            throw new IllegalArgumentException("'" + fileName + "' is not of the form <Class>.<method>@<params>.hlog");
        }
        SortedMap<String, String> params = new TreeMap<>();
        String paramText = stem.substring(at + 1);
        if (!paramText.isEmpty()) {
            for (String pair : paramText.split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("'" + pair + "' in '" + fileName + "' is not <param>=<value>");
                }
                params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return new SeriesName(stem.substring(0, dot), stem.substring(dot + 1, at), params);
    }

    /** {@code <Class>.<method>@<param>=<value>,...hlog}. */
    public String hlogFileName() {
        return fileName(HLOG_SUFFIX);
    }

    /** {@code <Class>.<method>@<param>=<value>,...csv}: the series' own raw table, e.g. its blocks. */
    public String csvFileName() {
        return fileName(CSV_SUFFIX);
    }

    private String fileName(String suffix) {
        StringJoiner joined = new StringJoiner(",");
        params.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
        String fileName = benchmarkClass + "." + method + "@" + joined + suffix;
        if (fileName.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_NAME_BYTES) {
            throw new IllegalArgumentException("the series name " + fileName + " is longer than " + MAX_FILE_NAME_BYTES
                    + " bytes, the longest file name Linux allows; use shorter parameter values");
        }
        return fileName;
    }

    /** Parameters as {@code name=value,name=value} (unencoded), for CSV columns and console lines. */
    public String paramsText() {
        StringJoiner joined = new StringJoiner(",");
        params.forEach((name, value) -> joined.add(name + "=" + value));
        return joined.toString();
    }

    @Override
    public String toString() {
        return benchmarkClass + "." + method + "@" + paramsText();
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '%' -> out.append("%25");
                case '/' -> out.append("%2F");
                case ',' -> out.append("%2C");
                case '=' -> out.append("%3D");
                case '\0' -> throw new IllegalArgumentException("a parameter may not contain NUL: '" + text + "'");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String decode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            String code = i + 3 <= text.length() ? text.substring(i, i + 3) : text.substring(i);
            out.append(switch (code) {
                case "%25" -> '%';
                case "%2F" -> '/';
                case "%2C" -> ',';
                case "%3D" -> '=';
                default -> throw new IllegalArgumentException("'" + code + "' in '" + text + "' is not an escape of a series name");
            });
            i += 2;
        }
        return out.toString();
    }
}
