package io.shmbench.gate;

import java.util.Locale;

/**
 * One line of the gate's table: a metric of both runs, its relative change and the verdict.
 *
 * @param change (current - baseline) / baseline; NaN when a side is missing
 * @param why    the reason for the verdict, in words ("not gated: absolute", "+27% beyond 10%, intervals apart")
 */
public record GateRow(MetricPair pair, double change, Verdict verdict, String why) {
    public boolean gated() {
        return verdict == Verdict.PASS || verdict == Verdict.REGRESSED || verdict == Verdict.IMPROVED
                || verdict == Verdict.MISSING;
    }

    public String changeText() {
        if (Double.isNaN(change)) {
            return "";
        }
        if (Double.isInfinite(change)) {
            return change > 0 ? "+inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%+.1f%%", 100 * change);
    }
}
