package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The few numbers printed at the end of a report: per transport, the p50 and p99 round trip at
 * 64 B and both as multiples of the floor. A run with the same-pair floor shows those multiples with
 * their intervals, the host states its blocks fell into, and the older cross-fork multiple beside
 * them; an older run shows its cross-fork multiples, labelled as such. Lines fit in 100 columns.
 */
public final class ConsoleSummary {
    private static final String NONE = "-";

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
            out.add("No Q1 round-trip series at " + FloorMultiple.SUMMARY_BYTES + " B in this run: no table of multiples.");
            return out;
        }
        Map<SeriesName, FloorMultiple> multiples = t.floorMultiples().stream()
                .collect(Collectors.toMap(FloorMultiple::key, Function.identity()));
        List<Optional<FloorMultiple>> m = rows.stream().map(s -> Optional.ofNullable(multiples.get(s.key()))).toList();
        boolean samePair = m.stream().anyMatch(x -> x.flatMap(FloorMultiple::samePairP50).isPresent());
        List<String> varying = varyingNames(rows);
        int width = Math.max(9, rows.stream().mapToInt(s -> name(s.key(), varying).length()).max().orElse(9));
        String benchmark = rows.getFirst().key().benchmark();
        if (samePair) {
            out.add(String.format(Locale.ROOT, "Round trip at %s B (%s), as multiples of the same-pair floor:",
                    FloorMultiple.SUMMARY_BYTES, benchmark));
            String row = "  %-" + width + "s %9s %9s  %-20s %-18s %s";
            out.add(String.format(Locale.ROOT, row, "transport", "p50", "p99", "p50/floor [95%]", "p99/floor", "cross-fork"));
            for (int i = 0; i < rows.size(); i++) {
                LatencySeries s = rows.get(i);
                Optional<FloorMultiple> f = m.get(i);
                Optional<SamePairMultiple> same = f.flatMap(FloorMultiple::samePair);
                out.add(String.format(Locale.ROOT, row, name(s.key(), varying), nanos(s.at(50)), nanos(s.at(99)),
                        f.flatMap(FloorMultiple::samePairP50).map(b -> Multiples.withInterval(b.multiple(), b.interval())).orElse(NONE),
                        same.filter(x -> !Double.isNaN(x.p99Multiple()))
                                .map(x -> Multiples.withInterval(x.p99Multiple(), x.p99Interval())).orElse(NONE),
                        f.flatMap(FloorMultiple::crossFork).map(c -> Multiples.format(c.p50Multiple())).orElse(NONE)));
                same.filter(x -> !x.byState().isEmpty()).ifPresent(x -> out.add(" ".repeat(width + 4) + "host states: "
                        + x.byState().stream().map(ConsoleSummary::state).collect(Collectors.joining(", "))));
            }
            out.add("  p50/floor: median of the blocks' ratios, series block p50 / floor block p50 measured by the same");
            out.add("  two processes within a millisecond, with a 95% moving-block bootstrap interval.");
            out.add("  p99/floor: series p99 / same-pair floor p99" + (t.rounds() >= 2 ? " [min-max over the " + t.rounds()
                    + " rounds]" : "") + ".");
            out.add("  cross-fork: p50 over the floor series run in other forks, the older method.");
        } else {
            out.add(String.format(Locale.ROOT, "Round trip at %s B (%s), as multiples of the floor series run in other forks:",
                    FloorMultiple.SUMMARY_BYTES, benchmark));
            String row = "  %-" + width + "s %12s %12s %21s %21s";
            out.add(String.format(Locale.ROOT, row, "transport", "p50", "p99", "cross-fork p50/floor", "cross-fork p99/floor"));
            for (int i = 0; i < rows.size(); i++) {
                LatencySeries s = rows.get(i);
                Optional<CrossForkMultiple> c = m.get(i).flatMap(FloorMultiple::crossFork);
                out.add(String.format(Locale.ROOT, row, name(s.key(), varying), nanos(s.at(50)), nanos(s.at(99)),
                        c.map(x -> Multiples.format(x.p50Multiple())).orElse(NONE),
                        c.map(x -> Multiples.format(x.p99Multiple())).orElse(NONE)));
            }
            if (m.stream().noneMatch(x -> x.flatMap(FloorMultiple::crossFork).isPresent())) {
                out.add("  (no floor series in this run: multiples not available)");
            }
        }
        return out;
    }

    /** "fast 71% 1.60x". */
    private static String state(BlockMultiple b) {
        return String.format(Locale.ROOT, "%s %.0f%% %s", b.hostState(), 100 * b.blockShare(), Multiples.format(b.multiple()));
    }

    private static List<String> varyingNames(List<LatencySeries> rows) {
        return rows.getFirst().key().params().keySet().stream()
                .filter(n -> !n.equals(FloorMultiple.MESSAGE_BYTES))
                .filter(n -> rows.stream().map(s -> s.key().params().getOrDefault(n, "")).distinct().count() > 1
                        || n.equals(FloorMultiple.TRANSPORT))
                .toList();
    }

    private static String name(SeriesName k, List<String> names) {
        return names.stream().map(n -> k.params().getOrDefault(n, "")).collect(Collectors.joining(" "));
    }

    private static String nanos(long ns) {
        return ns >= 10_000 ? String.format(Locale.ROOT, "%.1f us", ns / 1000.0) : ns + " ns";
    }
}
