package io.shmbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The few numbers printed at the end of a report: per transport, the p50 and p99 round trip at
 * 64 B and both as multiples of the floor measured in the same run.
 */
public final class ConsoleSummary {

    private ConsoleSummary() {
    }

    public static List<String> lines(ReportTables t) {
        List<LatencySeries> rows = t.latency().stream()
                .filter(s -> FloorMultiple.isRoundTrip(s.key()))
                .filter(s -> s.key().param(FloorMultiple.TRANSPORT).isPresent())
                .filter(s -> s.key().param(FloorMultiple.MESSAGE_BYTES).map(FloorMultiple.SUMMARY_BYTES::equals).orElse(true))
                .toList();
        List<String> out = new ArrayList<>();
        if (rows.isEmpty()) {
            out.add("No Q1 round-trip series at " + FloorMultiple.SUMMARY_BYTES + " B in this run: no summary.");
            return out;
        }
        Map<SeriesKey, FloorMultiple> multiples = t.floorMultiples().stream()
                .collect(Collectors.toMap(FloorMultiple::key, Function.identity()));
        List<String> varying = varyingNames(rows);
        int width = Math.max(9, rows.stream().mapToInt(s -> name(s.key(), varying).length()).max().orElse(9));
        out.add(String.format(Locale.ROOT, "Round trip at %s B (%s):", FloorMultiple.SUMMARY_BYTES, rows.getFirst().key().benchmark()));
        out.add(String.format(Locale.ROOT, "  %-" + width + "s %12s %12s %10s %10s", "transport", "p50", "p99",
                "p50/floor", "p99/floor"));
        for (LatencySeries s : rows) {
            Optional<FloorMultiple> m = Optional.ofNullable(multiples.get(s.key()));
            out.add(String.format(Locale.ROOT, "  %-" + width + "s %12s %12s %10s %10s", name(s.key(), varying),
                    nanos(s.at(50)), nanos(s.at(99)),
                    m.flatMap(FloorMultiple::crossFork).map(x -> String.format(Locale.ROOT, "%.1fx", x.p50Multiple())).orElse("-"),
                    m.flatMap(FloorMultiple::crossFork).map(x -> String.format(Locale.ROOT, "%.1fx", x.p99Multiple())).orElse("-")));
        }
        if (multiples.isEmpty()) {
            out.add("  (no floor series in this run: multiples not available)");
        }
        return out;
    }

    private static List<String> varyingNames(List<LatencySeries> rows) {
        return rows.getFirst().key().params().keySet().stream()
                .filter(n -> !n.equals(FloorMultiple.MESSAGE_BYTES))
                .filter(n -> rows.stream().map(s -> s.key().params().getOrDefault(n, "")).distinct().count() > 1
                        || n.equals(FloorMultiple.TRANSPORT))
                .toList();
    }

    private static String name(SeriesKey k, List<String> names) {
        return names.stream().map(n -> k.params().getOrDefault(n, "")).collect(Collectors.joining(" "));
    }

    private static String nanos(long ns) {
        return ns >= 10_000 ? String.format(Locale.ROOT, "%.1f us", ns / 1000.0) : ns + " ns";
    }
}
