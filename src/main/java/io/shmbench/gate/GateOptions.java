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
    /**
     * The default tolerance, in percent, chosen from CI's gated run made 10 times on identical code
     * and 10 times with the ring 25% slower, on this 2-vCPU VM under a load of 5 to 14 (README.md,
     * "Gating a run against a baseline"): identical runs changed a gated multiple by up to 32%, so
     * at 35% all 10 passed, and 6 of the 10 slowed runs were caught (at 25%: 9 passed, 7 caught).
     */
    public static final double DEFAULT_TOLERANCE_PERCENT = 35;
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
