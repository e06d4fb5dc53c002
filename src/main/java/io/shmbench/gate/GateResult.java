package io.shmbench.gate;

import java.util.List;

/**
 * What the gate found: every metric of both runs with its verdict, and the notes that go with them
 * (fingerprints that differ, runs measured with different settings).
 */
public record GateResult(TidyRun baseline, TidyRun current, GateOptions options, List<GateRow> rows,
                         List<String> fingerprintDifferences, List<String> notes) {
    public GateResult {
        rows = List.copyOf(rows);
        fingerprintDifferences = List.copyOf(fingerprintDifferences);
        notes = List.copyOf(notes);
    }

    public List<GateRow> gated() {
        return rows.stream().filter(GateRow::gated).toList();
    }

    public List<GateRow> regressions() {
        return with(Verdict.REGRESSED);
    }

    public List<GateRow> missing() {
        return with(Verdict.MISSING);
    }

    public List<GateRow> with(Verdict v) {
        return rows.stream().filter(r -> r.verdict() == v).toList();
    }

    /** 1 when a gated metric regressed, or with {@code --strict} is missing from the current run; else 0. */
    public int exitCode() {
        return !regressions().isEmpty() || (options.strict() && !missing().isEmpty()) ? 1 : 0;
    }
}
