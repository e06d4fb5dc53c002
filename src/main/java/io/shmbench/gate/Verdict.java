package io.shmbench.gate;

/** What the gate concluded about one metric. */
public enum Verdict {
    /** Gated, and not worse beyond the tolerance with intervals apart. */
    PASS("pass"),
    /** Gated, worse by more than the tolerance, and the two intervals do not overlap. */
    REGRESSED("REGRESSED"),
    /** Gated, better by more than the tolerance, intervals apart: passes, worth a look. */
    IMPROVED("improved"),
    /** Would be gated but the current run lacks it; fails with {@code --strict}. */
    MISSING("missing in current"),
    /** In the current run only. */
    NEW("new in current"),
    /** Shown for comparison only; the row says why. */
    NOT_GATED("not gated");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
