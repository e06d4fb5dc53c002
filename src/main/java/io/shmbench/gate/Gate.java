package io.shmbench.gate;

import io.shmbench.report.BadInputException;
import io.shmbench.report.Cells;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a run with a baseline, metric by metric (README.md, "Gating a run against a baseline").
 * A gated metric regresses only when it changed for the worse by more than the tolerance AND the
 * two runs' intervals do not overlap: the tolerance says what change matters, the intervals whether
 * the runs could tell it from noise. Same-pair ratios are gated by default; absolute metrics only
 * when asked and only between runs with the same {@link Fingerprint}.
 */
public final class Gate {
    /** env.json keys that say how a run measured; runs that differ in them get a note. */
    private static final List<String> SETTINGS = List.of("profile", "only", "jmh.warmupIterations", "jmh.warmupTime",
            "jmh.measurementIterations", "jmh.measurementTime", "jmh.forks", "jmh.userArgs");

    private Gate() {
    }

    /** Nothing in common or nothing to gate is a {@link BadInputException}: a gate must not pass on nothing. */
    public static GateResult compare(TidyRun baseline, TidyRun current, GateOptions options) throws BadInputException {
        RunMetrics base = RunMetrics.of(baseline);
        RunMetrics cur = RunMetrics.of(current);
        List<String> differences = Fingerprint.of(baseline.environment()).differences(Fingerprint.of(current.environment()));
        List<GateRow> rows = new ArrayList<>();
        for (MetricPair p : pairs(base, cur)) {
            rows.add(verdict(p, options, differences));
        }
        if (rows.stream().noneMatch(r -> r.pair().baseline().isPresent() && r.pair().current().isPresent())) {
            throw new BadInputException(current.dir(), "has no metric in common with the baseline " + baseline.dir()
                    + " (different benchmarks or parameters?)");
        }
        if (rows.stream().noneMatch(r -> r.gated() && r.verdict() != Verdict.MISSING)) {
            throw new BadInputException(current.dir(), "no metric it shares with the baseline " + baseline.dir()
                    + " can be gated with these options: " + whyNothingGated(rows));
        }
        List<String> notes = notes(baseline, current, differences, options);
        long unpaired = rows.stream().filter(r -> r.pair().held()
                .filter(h -> h.contains("no blocks in this host state") || h.contains("different host states")).isPresent()).count();
        if (unpaired > 0) {
            notes.add(unpaired + " same-pair multiples met no multiple of the same host state in the other run (in "
                    + GateFiles.MARKDOWN + "): a change that shows only in those states is not gated; on this VM a"
                    + " slower ring showed in the fast state's multiples and hardly in the slow state's");
        }
        return new GateResult(baseline, current, options, rows, differences, notes);
    }

    /** Every metric of either run, paired, a series' metrics together in the order the runs list them. */
    static List<MetricPair> pairs(RunMetrics base, RunMetrics cur) {
        Set<String> series = new LinkedHashSet<>();
        for (RunMetrics m : List.of(base, cur)) {
            series.addAll(m.p50States().keySet());
            m.metrics().values().forEach(x -> series.add(x.series()));
        }
        Map<String, List<MetricPair>> bySeries = new LinkedHashMap<>();
        series.forEach(s -> bySeries.put(s, new ArrayList<>()));
        for (String s : series) {
            if (base.p50States().containsKey(s) || cur.p50States().containsKey(s)) {
                bySeries.get(s).addAll(StatePairing.pair(s, base.p50States().getOrDefault(s, List.of()),
                        cur.p50States().getOrDefault(s, List.of())));
            }
        }
        Set<String> ids = new LinkedHashSet<>(base.metrics().keySet());
        ids.addAll(cur.metrics().keySet());
        for (String id : ids) {
            MetricPair p = MetricPair.of(base.metrics().get(id), cur.metrics().get(id));
            bySeries.get(p.series()).add(p);
        }
        return bySeries.values().stream().flatMap(List::stream).toList();
    }

    static GateRow verdict(MetricPair p, GateOptions options, List<String> fingerprintDifferences) {
        Optional<String> notGated = notGated(p, options, fingerprintDifferences);
        if (p.held().isPresent()) {
            double change = p.baseline().isPresent() && p.current().isPresent()
                    ? p.baseline().get().changeTo(p.current().get()) : Double.NaN;
            return new GateRow(p, change, Verdict.NOT_GATED, p.held().get());
        }
        if (p.baseline().isEmpty()) {
            return new GateRow(p, Double.NaN, Verdict.NEW, notGated.map(w -> "not gated: " + w).orElse("only in the current run"));
        }
        if (p.current().isEmpty()) {
            return notGated.map(w -> new GateRow(p, Double.NaN, Verdict.NOT_GATED, w + "; missing in the current run"))
                    .orElseGet(() -> new GateRow(p, Double.NaN, Verdict.MISSING,
                            "missing in the current run" + (options.strict() ? " (--strict: a failure)" : "")));
        }
        Estimate b = p.baseline().get();
        Estimate c = p.current().get();
        double change = b.changeTo(c);
        if (notGated.isPresent()) {
            return new GateRow(p, change, Verdict.NOT_GATED, notGated.get());
        }
        boolean beyond = Math.abs(change) > options.tolerance();
        boolean apart = !b.overlaps(c);
        String tolerance = percent(options.tolerance());
        if (beyond && apart) {
            boolean worse = p.direction().worse(change);
            return new GateRow(p, change, worse ? Verdict.REGRESSED : Verdict.IMPROVED,
                    (worse ? "worse" : "better") + " by more than " + tolerance + " and the intervals do not overlap");
        }
        return new GateRow(p, change, Verdict.PASS, !beyond ? "within " + tolerance
                : "beyond " + tolerance + " but the intervals overlap");
    }

    private static Optional<String> notGated(MetricPair p, GateOptions options, List<String> fingerprintDifferences) {
        if (p.direction() == Direction.NONE) {
            return Optional.of("no direction (a count)");
        }
        if (p.absolute() && !options.absolute()) {
            return Optional.of("absolute (gated only with --absolute)");
        }
        if (p.absolute() && !fingerprintDifferences.isEmpty()) {
            return Optional.of("absolute, and the machines differ");
        }
        if (options.metrics().isPresent() && !options.metrics().get().matcher(p.id()).find()) {
            return Optional.of("not selected by --metrics");
        }
        return Optional.empty();
    }

    private static String whyNothingGated(List<GateRow> rows) {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        rows.stream().filter(r -> r.verdict() == Verdict.NOT_GATED && r.pair().baseline().isPresent()
                        && r.pair().current().isPresent())
                .forEach(r -> reasons.merge(r.why(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        reasons.forEach((why, n) -> parts.add(n + " " + why));
        return parts.isEmpty() ? "none has a value in both runs" : String.join("; ", parts);
    }

    private static List<String> notes(TidyRun baseline, TidyRun current, List<String> differences, GateOptions options) {
        List<String> notes = new ArrayList<>();
        if (!differences.isEmpty()) {
            notes.add("the machines differ (" + String.join("; ", differences) + "): absolute metrics are not gated"
                    + (options.absolute() ? ", --absolute notwithstanding" : ""));
        }
        List<String> settings = new ArrayList<>();
        for (String key : SETTINGS) {
            String a = baseline.environment().getOrDefault(key, "");
            String b = current.environment().getOrDefault(key, "");
            if (!Objects.equals(a, b)) {
                settings.add(key + " '" + a + "' / '" + b + "'");
            }
        }
        if (!settings.isEmpty()) {
            notes.add("the runs were measured with different settings (" + String.join("; ", settings)
                    + "): a metric may differ for that reason alone");
        }
        for (TidyRun run : List.of(baseline, current)) {
            if ("false".equals(run.environment().get("complete"))) {
                notes.add(run.dir() + " is incomplete (env.json complete=false): what it lacks is listed as missing");
            }
            if (run.remade()) {
                notes.add(run.dir() + " had no tidy CSV files; they were made from its raw files");
            }
        }
        return notes;
    }

    static String percent(double fraction) {
        return Cells.number(100 * fraction) + "%";
    }
}
