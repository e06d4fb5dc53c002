package io.shmbench.report.figure;

import io.shmbench.report.BlockMultiple;
import io.shmbench.report.FloorMultiple;
import io.shmbench.report.Interval;
import io.shmbench.report.Multiples;
import io.shmbench.report.SamePairMultiple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a figure of same-pair multiples shows, in words for its caption: which bars this run cannot
 * tell apart (their 95% intervals overlap) and which multiples depend on the host state (the fast
 * and slow states' intervals do not overlap, so the median over all blocks is a mix of two values).
 * An error bar that swallows a difference is a result, and the caption says so.
 */
final class MultipleFindings {
    /** The value axis of same-pair multiples whose legend says which percentile each bar is. */
    static final String AXIS = "\u00d7 same-pair floor round trip";
    /** The value axis of p50 multiples alone (no legend). */
    static final String P50_AXIS = "p50 round trip \u00f7 same-pair floor";
    /** What the bars of a same-pair figure are, for the start of its caption. */
    static final String WHAT = "p50 round trip \u00f7 same-pair floor";
    /** What that means, one sentence. */
    static final String HOW = "The same-pair floor is one cache line bounced between the same two processes in between the "
            + "series' blocks of round trips; a bar is the median of the blocks' ratios, its error bar the 95% moving-block "
            + "bootstrap interval of that median.";
    /** More series than this whose multiple depends on the host state are counted, not listed. */
    private static final int LIST_UP_TO = 3;

    private MultipleFindings() {
    }

    /** The sentences for {@code rows} (those without a same-pair p50 are left out), each named by {@code label}. */
    static String of(List<FloorMultiple> rows, Function<FloorMultiple, String> label) {
        List<FloorMultiple> measured = rows.stream().filter(m -> m.samePairP50().isPresent())
                .sorted(Comparator.comparingDouble(m -> m.samePairP50().orElseThrow().multiple())).toList();
        List<String> text = new ArrayList<>();
        List<String> groups = overlapping(measured).stream()
                .map(g -> and(g.stream().map(label).toList())).toList();
        if (!groups.isEmpty()) {
            text.add("The intervals overlap for " + String.join("; for ", groups) + ": this run does not tell those apart.");
        } else if (measured.size() > 1) {
            text.add("No two intervals overlap.");
        }
        List<String> stateBound = measured.stream().filter(MultipleFindings::dependsOnHostState)
                .map(m -> label.apply(m) + " (" + m.samePair().orElseThrow().byState().stream()
                        .map(b -> b.hostState() + " " + Multiples.format(b.multiple())).collect(Collectors.joining(", ")) + ")")
                .toList();
        if (stateBound.size() == measured.size() && stateBound.size() > LIST_UP_TO) {
            text.add("The multiple of every series depends on the host state: the median over all blocks mixes the two "
                    + "states' multiples (each state's in the table of multiples; the blocks figure shows them).");
        } else if (!stateBound.isEmpty()) {
            text.add("The multiple depends on the host state for " + and(stateBound)
                    + ": the median over all blocks mixes the two, see the blocks figure.");
        }
        return String.join(" ", text);
    }

    /** Runs of neighbours (in order of multiple) whose intervals overlap, each of two or more. */
    static List<List<FloorMultiple>> overlapping(List<FloorMultiple> sorted) {
        List<List<FloorMultiple>> groups = new ArrayList<>();
        List<FloorMultiple> current = new ArrayList<>();
        for (FloorMultiple m : sorted) {
            if (!current.isEmpty() && !interval(current.getLast()).overlaps(interval(m))) {
                if (current.size() > 1) {
                    groups.add(current);
                }
                current = new ArrayList<>();
            }
            current.add(m);
        }
        if (current.size() > 1) {
            groups.add(current);
        }
        return groups;
    }

    /** Two host states whose multiples' intervals do not overlap. */
    static boolean dependsOnHostState(FloorMultiple m) {
        List<BlockMultiple> states = m.samePair().map(SamePairMultiple::byState).orElse(List.of());
        return states.size() == 2 && !states.get(0).interval().overlaps(states.get(1).interval());
    }

    private static Interval interval(FloorMultiple m) {
        return m.samePairP50().orElseThrow().interval();
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
