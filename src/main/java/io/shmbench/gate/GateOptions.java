package io.shmbench.gate;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How strictly to gate.
 *
 * @param tolerance a regression must change a metric for the worse by more than this fraction
 *                  (0.10: 10%) and its interval must not overlap the baseline's
 * @param metrics   only metrics whose {@link Metric#id()} this finds are gated; empty: all that may be
 * @param strict    a gated metric missing from the current run fails the gate
 * @param absolute  absolute metrics are gated too, when the two runs' fingerprints match
 */
public record GateOptions(double tolerance, Optional<Pattern> metrics, boolean strict, boolean absolute) {
    /** The default tolerance, in percent, chosen from ten gated runs on identical code (README.md, "Gating"). */
    public static final double DEFAULT_TOLERANCE_PERCENT = 10;
    /** A metric ten times worse is a regression whatever else is wrong; a larger tolerance is a typo. */
    public static final double MAX_TOLERANCE_PERCENT = 1000;

    public GateOptions {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a positive number of percent, got " + 100 * tolerance);
        }
    }

    public static GateOptions defaults() {
        return new GateOptions(DEFAULT_TOLERANCE_PERCENT / 100, Optional.empty(), false, false);
    }
}
