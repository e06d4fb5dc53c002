package io.shmbench.measure;

import org.openjdk.jmh.infra.BenchmarkParams;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measured series: benchmark class, method and parameter values. The benchmarks name their raw
 * files after it ({@code raw/<Class>.<method>@<param>=<value>,<param>=<value>.hlog},
 * docs/RESULTS-FORMAT.md) and write it into the {@code benchmark, params} columns of raw CSV files;
 * the reporter parses it back from both and matches them with raw/jmh.json by it.
 *
 * <p>Parameters are sorted by name. In a file name the characters {@code % / , =} inside a value or
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
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern QUESTION = Pattern.compile("^(Q\\d+)");

    public SeriesName {
        if (!IDENTIFIER.matcher(benchmarkClass).matches() || !IDENTIFIER.matcher(method).matches()) {
            throw new IllegalArgumentException("benchmark name '" + benchmarkClass + "." + method + "' is not <Class>.<method>");
        }
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** From a JMH benchmark name, fully qualified ({@code package.Class.method}) or not ({@code Class.method}). */
    public static SeriesName of(String benchmark, Map<String, String> params) {
        int lastDot = benchmark.lastIndexOf('.');
        if (lastDot <= 0 || lastDot == benchmark.length() - 1) {
            throw new IllegalArgumentException("benchmark name '" + benchmark + "' is not [package.]<Class>.<method>");
        }
        String className = benchmark.substring(0, lastDot);
        return new SeriesName(className.substring(className.lastIndexOf('.') + 1), benchmark.substring(lastDot + 1), new TreeMap<>(params));
    }

    /** The series a running JMH benchmark writes. */
    public static SeriesName of(BenchmarkParams benchmark) {
        SortedMap<String, String> params = new TreeMap<>();
        for (String key : benchmark.getParamsKeys()) {
            params.put(key, benchmark.getParam(key));
        }
        return of(benchmark.getBenchmark(), params);
    }

    /** From the {@code benchmark} and {@code params} columns of a raw CSV file. */
    public static SeriesName of(String benchmark, String paramsText) {
        return of(benchmark, parseParams(paramsText, UnaryOperator.identity()));
    }

    /**
     * Parses a name made by {@link #hlogFileName()} or {@link #csvFileName()} ({@code suffix} is
     * {@value #HLOG_SUFFIX} or {@value #CSV_SUFFIX}); a name without {@code @} has no parameters.
     */
    public static SeriesName parseFileName(String fileName, String suffix) {
        if (!fileName.endsWith(suffix)) {
            throw new IllegalArgumentException("'" + fileName + "' is not a " + suffix + " file");
        }
        String stem = fileName.substring(0, fileName.length() - suffix.length());
        int at = stem.indexOf('@');
        try {
            return of(at < 0 ? stem : stem.substring(0, at),
                    parseParams(at < 0 ? "" : stem.substring(at + 1), SeriesName::decode));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("file name does not follow <Class>.<method>@<param>=<value>,..." + suffix
                    + ": " + e.getMessage(), e);
        }
    }

    /** {@code <Class>.<method>}, as in the {@code benchmark} column of raw CSV files. */
    public String benchmark() {
        return benchmarkClass + "." + method;
    }

    /** The question this series answers, e.g. {@code Q1}, or empty when the class name does not start with one. */
    public String question() {
        Matcher m = QUESTION.matcher(benchmarkClass);
        return m.find() ? m.group(1) : "";
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** Whether this is a series of {@code benchmark} ({@code <Class>.<method>}) with every parameter of {@code subset}. */
    public boolean matches(String benchmark, Map<String, String> subset) {
        return benchmark().equals(benchmark)
                && subset.entrySet().stream().allMatch(e -> e.getValue().equals(params.get(e.getKey())));
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
        String fileName = benchmark() + "@" + joined + suffix;
        if (fileName.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_NAME_BYTES) {
            throw new IllegalArgumentException("the series name " + fileName + " is longer than " + MAX_FILE_NAME_BYTES
                    + " bytes, the longest file name Linux allows; use shorter parameter values");
        }
        return fileName;
    }

    /** Parameters as {@code name=value,name=value} (unencoded), for CSV columns and console lines. */
    public String paramsText() {
        return paramsText(params);
    }

    /** {@code params} as {@code name=value,name=value}, in the map's order. */
    public static String paramsText(Map<String, String> params) {
        StringJoiner joined = new StringJoiner(",");
        params.forEach((name, value) -> joined.add(name + "=" + value));
        return joined.toString();
    }

    /** {@code <Class>.<method>@<param>=<value>,...}, or {@code <Class>.<method>} without parameters. */
    @Override
    public String toString() {
        return params.isEmpty() ? benchmark() : benchmark() + "@" + paramsText();
    }

    /** {@code name=value,name=value}, each name and value passed through {@code decode}; blank means none. */
    private static SortedMap<String, String> parseParams(String text, UnaryOperator<String> decode) {
        SortedMap<String, String> params = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return params;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter '" + pair + "' is not name=value");
            }
            String name = decode.apply(pair.substring(0, eq).trim());
            if (params.put(name, decode.apply(pair.substring(eq + 1).trim())) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' given twice");
            }
        }
        return params;
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
