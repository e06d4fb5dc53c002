package io.shmbench.measure;

/** How one benchmark run ended, as the {@code status} column of {@code raw/outcomes.csv}. */
public enum Outcome {
    OK("ok"),
    /** A wait ran into its deadline (e.g. a PLAIN memory order whose load was hoisted out of the loop). */
    TIMED_OUT("timed out"),
    /** Messages arrived wrong; the detail says how many. */
    CORRUPT("corrupt"),
    /** The transport cannot carry this case (e.g. a message size beyond its limit). */
    UNSUPPORTED("unsupported"),
    /** This host cannot offer it (e.g. a placement across NUMA nodes on a one-node machine). */
    UNAVAILABLE("unavailable"),
    /** It threw or its fork died; JMH has no result for it. */
    FAILED("failed");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
