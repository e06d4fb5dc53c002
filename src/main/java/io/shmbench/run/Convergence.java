package io.shmbench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * When a series has been measured in enough rounds that more would not change what it says: from
 * {@value #MIN_ROUNDS} round scores on, when their range is within {@value #MAX_RELATIVE_SPREAD} of
 * their median.
 *
 * <p>Why those numbers. Round scores of one series are independent draws (each round in its own
 * order, a fresh fork each time), so each falls below the series' true median with probability
 * 1/2, and the median lies outside [min, max] of n of them only when all n fall on one side:
 * probability 2 x 2^-n. For n = {@value #MIN_ROUNDS} that is 1/16, so [min, max] is a 93.75%
 * distribution-free interval for the median; with 4 rounds only 87.5%, which is why no series
 * stops earlier. When that interval is within 5% of the median, more rounds can only narrow a bound
 * that is already well inside the 15-30% by which absolute times move between runs on a shared VM
 * (README), so their time is better spent on the series that still move. One outlying round
 * widens the range past 5% and keeps the series running, as it should.
 */
public final class Convergence {
    /** Rounds a series runs before it may stop: [min, max] of 5 is a 93.75% interval for the median. */
    public static final int MIN_ROUNDS = 5;
    /** The largest (max - min) / median of the round scores that counts as converged. */
    public static final double MAX_RELATIVE_SPREAD = 0.05;

    private Convergence() {
    }

    /** Whether a series with these round scores (one per round, JMH's primary score) has converged. */
    public static boolean converged(List<Double> roundScores) {
        return roundScores.size() >= MIN_ROUNDS && relativeSpread(roundScores) <= MAX_RELATIVE_SPREAD;
    }

    /**
     * (max - min) / median; infinite for no scores or a median that is not positive (a score of 0
     * or less says nothing about relative spread, so it never counts as converged).
     */
    public static double relativeSpread(List<Double> scores) {
        if (scores.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        List<Double> sorted = new ArrayList<>(scores);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        if (!(median > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return (sorted.get(n - 1) - sorted.getFirst()) / median;
    }
}
