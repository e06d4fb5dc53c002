package io.shmbench.ring;

/**
 * How many slots an OVERWRITE ring needs so that a reader waking at rate R and taking everything new
 * loses nothing to a writer at rate W: between two wake-ups the writer publishes W/R messages and a
 * ring of S slots keeps the last S of them, so S = ceil(W/R) loses nothing and fewer slots lose the
 * fraction max(0, 1 - S R / W). That is with perfectly regular timing; a reader woken late finds
 * more than W/R messages, so real rings need a margin above ceil(W/R) (Q3 measures how much).
 * Example: telemetry written at 5 Hz, read at 4 Hz: W/R = 1.25, 2 slots suffice, 1 slot loses 20%.
 */
public final class SizingRule {
    private SizingRule() {
    }

    /** ceil(W/R): the fewest slots that lose nothing with regular timing. */
    public static int slotsFor(double rateRatio) {
        return (int) Math.ceil(rateRatio - 1e-9);
    }

    /** The fraction of messages a ring of {@code slots} loses at writer/reader rate ratio W/R. */
    public static double predictedLossFraction(int slots, double rateRatio) {
        return Math.max(0, 1 - slots / rateRatio);
    }
}
