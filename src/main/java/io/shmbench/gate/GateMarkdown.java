package io.shmbench.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The gate's report as Markdown: both runs, the rule, the notes, the table (metric, baseline,
 * current, change, interval, verdict) and, last, the verdict and each regression by name, so the
 * end of a CI log says what failed. gate.md gets every metric; the console only the gated ones
 * and how many more the file has.
 */
public final class GateMarkdown {
    private static final List<String> RUN_KEYS = List.of("hostname", "gitCommit", "profile", "only", "started");

    private GateMarkdown() {
    }

    /** The whole report, every metric in the table. */
    public static List<String> file(GateResult r) {
        return lines(r, row -> true, false);
    }

    /** The report with only the gated metrics (and those missing or new) in the table. */
    public static List<String> console(GateResult r) {
        return lines(r, row -> row.gated() || row.verdict() == Verdict.NEW, true);
    }

    private static List<String> lines(GateResult r, Predicate<GateRow> shown, boolean console) {
        List<String> out = new ArrayList<>();
        out.add("# shmbench gate: " + r.current().runId() + " against " + r.baseline().runId());
        out.add("");
        out.add("| | baseline | current |");
        out.add("|---|---|---|");
        out.add("| run | " + cell(r.baseline().dir().toString()) + " | " + cell(r.current().dir().toString()) + " |");
        for (String key : RUN_KEYS) {
            out.add("| " + key + " | " + cell(r.baseline().environment().getOrDefault(key, "")) + " | "
                    + cell(r.current().environment().getOrDefault(key, "")) + " |");
        }
        for (String key : Fingerprint.KEYS) {
            out.add("| " + key + " | " + cell(r.baseline().environment().getOrDefault(key, "")) + " | "
                    + cell(r.current().environment().getOrDefault(key, "")) + " |");
        }
        out.add("");
        out.add(rule(r.options()));
        for (String note : r.notes()) {
            out.add("");
            out.add("Note: " + note + ".");
        }
        out.add("");
        out.add("| metric | baseline | current | change | interval (baseline / current) | verdict |");
        out.add("|---|---:|---:|---:|---|---|");
        List<GateRow> rows = r.rows().stream().filter(shown).toList();
        for (GateRow row : rows) {
            MetricPair p = row.pair();
            out.add("| " + cell(p.id()) + " | " + p.baseline().map(e -> Estimate.format(e.value())).orElse("")
                    + " | " + p.current().map(e -> Estimate.format(e.value())).orElse("") + " | " + row.changeText()
                    + " | " + p.baseline().map(Estimate::intervalText).orElse("") + " / "
                    + p.current().map(Estimate::intervalText).orElse("") + " | " + cell(row.verdict().words()
                    + ": " + row.why()) + " |");
        }
        int hidden = r.rows().size() - rows.size();
        if (console && hidden > 0) {
            out.add("");
            out.add(hidden + " more metrics are shown in " + r.current().dir().resolve(GateFiles.MARKDOWN)
                    + " but not gated (absolute, mixed host states, counts).");
        }
        out.add("");
        out.add(summary(r));
        for (GateRow row : r.regressions()) {
            out.add("REGRESSED: " + row.pair().id() + ": " + Estimate.format(row.pair().baseline().orElseThrow().value())
                    + " -> " + Estimate.format(row.pair().current().orElseThrow().value()) + " (" + row.changeText() + ")");
        }
        if (r.options().strict()) {
            for (GateRow row : r.missing()) {
                out.add("MISSING: " + row.pair().id());
            }
        }
        return out;
    }

    /** One line with the counts and the result. */
    static String summary(GateResult r) {
        long notGated = r.rows().size() - r.gated().size() - r.with(Verdict.NEW).size();
        return "Gate " + (r.exitCode() == 0 ? "passed" : "FAILED") + ": " + r.gated().size() + " metrics gated ("
                + r.with(Verdict.PASS).size() + " pass, " + r.with(Verdict.IMPROVED).size() + " improved, "
                + r.regressions().size() + " regressed, " + r.missing().size() + " missing in current"
                + (r.options().strict() ? ", a failure with --strict" : "") + "); " + notGated + " shown but not gated; "
                + r.with(Verdict.NEW).size() + " only in the current run.";
    }

    static String rule(GateOptions o) {
        return "Gated: same-pair ratios" + (o.absolute() ? " and absolute metrics (--absolute; only on the same machine)" : "")
                + o.metrics().map(p -> ", whose name matches /" + p.pattern() + "/").orElse("") + ". A metric regresses when it is"
                + " worse by more than " + Gate.percent(o.tolerance()) + " and its interval does not overlap the baseline's"
                + (o.strict() ? "; a gated metric missing in the current run fails (--strict)" : "") + ".";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
