package io.shmbench.report.figure;

import java.util.Locale;
import java.util.Map;

/**
 * What a reader calls a benchmark method ({@code roundTrip}, {@code readerAggregate}, ...): the one
 * place figures turn method names into words, for titles and axis labels.
 *
 * @param name         the method in words: "round trip", "fixed rate", "throughput"
 * @param latency      what its latency histogram holds, for a title: "round-trip latency"
 * @param latencyAxis  the same for a value axis, saying what is measured from where to where
 */
record MethodWords(String name, String latency, String latencyAxis) {
    private static final String THROUGHPUT = "throughput";
    private static final Map<String, MethodWords> KNOWN = Map.of(
            "roundTrip", new MethodWords("round trip", "round-trip latency", "round-trip latency"),
            "fixedRate", new MethodWords("fixed rate", "fixed-rate latency", "one-way latency from intended send"),
            "writerFill", same("snapshot write", "time to write a snapshot"),
            "readerAggregate", same("feature sum", "time to sum one feature"),
            "readerReadAll", same("snapshot read", "time to read a snapshot"));

    private static MethodWords same(String name, String latency) {
        return new MethodWords(name, latency, latency);
    }

    /** The words for {@code method}; an unknown method's name split at its capitals ("writerKill": "writer kill"). */
    static MethodWords of(String method) {
        MethodWords known = KNOWN.get(method);
        if (known != null) {
            return known;
        }
        String name = method.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return same(name, name + " latency");
    }

    /** The subject of a throughput figure: "throughput" for a method of that name, "stream throughput" for "stream". */
    String throughput() {
        return name.equals(THROUGHPUT) ? THROUGHPUT : name + " " + THROUGHPUT;
    }
}
