package io.shmbench.report;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The rounds of a run ({@code raw/rounds.csv}): which round a latency interval belongs to (the run
 * whose window holds its start) and which round a raw/jmh.json result came from. A run made before
 * rounds existed has no such file: {@link #NONE}, and every table is made as it was then.
 */
public final class RoundRuns {
    public static final RoundRuns NONE = new RoundRuns(List.of(), false);

    private final List<RoundRun> runs;
    private final boolean present;

    private RoundRuns(List<RoundRun> runs, boolean present) {
        this.runs = runs.stream().sorted(Comparator.comparingLong(RoundRun::startedMs)).toList();
        this.present = present;
    }

    public static RoundRuns of(List<RoundRun> runs) {
        return new RoundRuns(runs, true);
    }

    /** Whether the run has a raw/rounds.csv (every run since rounds exist writes one). */
    public boolean present() {
        return present;
    }

    public List<RoundRun> runs() {
        return runs;
    }

    /** The rounds that have at least one run. */
    public SortedSet<Integer> numbers() {
        SortedSet<Integer> n = new TreeSet<>();
        runs.forEach(r -> n.add(r.round()));
        return n;
    }

    /** The round of the run whose window holds {@code epochMs}: the latest started, should windows overlap. */
    public OptionalInt roundAt(long epochMs) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).holds(epochMs)) {
                return OptionalInt.of(runs.get(i).round());
            }
        }
        return OptionalInt.empty();
    }

    /** The round of the run that produced result {@code index} of raw/jmh.json. */
    public OptionalInt roundOfResult(int index) {
        return runs.stream().filter(r -> r.resultIndex() == index).mapToInt(RoundRun::round).findFirst();
    }
}
