package io.shmbench.report.summary;

import io.shmbench.report.BlockMultiple;
import io.shmbench.report.FloorMultiple;
import io.shmbench.report.HostStates;
import io.shmbench.report.LatencySeries;
import io.shmbench.report.ReportTables;
import io.shmbench.report.SamePairMultiple;
import io.shmbench.measure.SeriesName;
import io.shmbench.report.TidyCsvWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Round trips compared by their p50 as a multiple of the same-pair floor, or by absolute p50 when a
 * series has no same-pair floor (a run made before it). On a host whose blocks fell into a fast and
 * a slow state the multiples are compared within each state that every series spent at least
 * {@link HostStates#MIN_SHARE} of its blocks in: the median over all blocks mixes the two states'
 * values in whatever shares a series happened to get, so two series can differ in it only because
 * one spent more time in the slow state.
 *
 * @param comparisons one per group and host state compared
 * @param notes       what the reader must know to read them (the host states)
 * @param source      the tidy CSV file the numbers are in
 */
record RoundTripComparisons(List<Comparison> comparisons, List<String> notes, String source) {

    /** One way of reading the series' multiples: over all blocks, or within one host state. */
    private record View(String suffix, Function<SeriesName, Optional<BlockMultiple>> multiple) {
    }

    /**
     * @param subject the subject of a group's comparison from its description (see {@link VariantComparisons})
     * @param focus   a contender every answer names wherever it ranks; empty for none
     */
    static RoundTripComparisons of(ReportTables t, List<LatencySeries> series, List<String> compared,
                                   Function<String, String> subject, String focus) {
        List<String> notes = new ArrayList<>();
        if (series.isEmpty()) {
            return new RoundTripComparisons(List.of(), notes, TidyCsvWriter.FLOOR_MULTIPLES);
        }
        boolean samePair = series.stream().allMatch(s -> Contenders.samePair(t, s.key()).isPresent());
        if (!samePair) {
            List<Comparison> absolute = new VariantComparisons(compared, d -> subject.apply(d) + " (p50)",
                    Ranking.Better.LOWER, Ranking.Words.FASTEST, focus)
                    .of(series, LatencySeries::key, (label, s) -> Contenders.p50(label, s, t));
            return new RoundTripComparisons(absolute, notes, TidyCsvWriter.LATENCY_SUMMARY);
        }
        List<View> views = views(t, series.stream().map(LatencySeries::key).toList(), notes);
        List<Comparison> out = new ArrayList<>();
        for (View v : views) {
            out.addAll(new VariantComparisons(compared, d -> subject.apply(d) + v.suffix(), Ranking.Better.LOWER,
                    Ranking.Words.FASTEST, focus)
                    .of(series, LatencySeries::key, (label, s) -> Contenders.multiple(label, v.multiple().apply(s.key()).orElseThrow())));
        }
        return new RoundTripComparisons(out, notes, TidyCsvWriter.FLOOR_MULTIPLES);
    }

    /** All blocks, unless the blocks fell into two host states: then each state every series has enough blocks in. */
    private static List<View> views(ReportTables t, List<SeriesName> keys, List<String> notes) {
        if (keys.stream().allMatch(k -> states(t, k).isEmpty())) {
            return List.of(new View("", k -> Contenders.samePair(t, k)));
        }
        List<View> views = new ArrayList<>();
        for (String state : List.of(HostStates.FAST, HostStates.SLOW)) {
            if (keys.stream().allMatch(k -> inState(t, k, state).isPresent())) {
                views.add(new View(", " + state + " host state", k -> inState(t, k, state)));
            }
        }
        if (!views.isEmpty()) {
            notes.add("The blocks fell into a fast and a slow host state (the CPUs' speed changed under the run; the page "
                    + "gives each state's floor): the multiples are compared within " + (views.size() == 2 ? "each state"
                    : "the " + views.getFirst().suffix().substring(2) + ", the only one every series spent at least "
                    + Quantities.share(HostStates.MIN_SHARE) + " of its blocks in") + ", since the median over all blocks "
                    + "mixes the two states' values in whatever shares a series happened to get");
            return views;
        }
        notes.add("The series' blocks fell into different host states and no state holds enough of every series' blocks: the "
                + "multiples over all blocks are compared, but they mix the two states' values (floor_multiples.csv has each state's)");
        return List.of(new View("", k -> Contenders.samePair(t, k)));
    }

    static List<BlockMultiple> states(ReportTables t, SeriesName key) {
        return t.floorMultiples().stream().filter(m -> m.key().equals(key)).findFirst()
                .flatMap(FloorMultiple::samePair).map(SamePairMultiple::byState).orElse(List.of());
    }

    /** The series' multiple within {@code state}, when at least {@link HostStates#MIN_SHARE} of its blocks fell into it. */
    static Optional<BlockMultiple> inState(ReportTables t, SeriesName key, String state) {
        return states(t, key).stream().filter(b -> b.hostState().equals(state) && b.blockShare() >= HostStates.MIN_SHARE).findFirst();
    }
}
