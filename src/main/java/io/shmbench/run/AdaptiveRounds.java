package io.shmbench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rounds of a suite run as they go. With a budget, a series that has converged
 * ({@link Convergence}) is not run in later rounds, and a round starts only when it still fits the
 * budget ({@link Budget#nextRoundFits}), so the run stops at a round boundary. Without one, every
 * series runs in every round: a user who asked for N rounds without a budget gets N.
 */
final class AdaptiveRounds {
    /** A series that stopped early: after which round, and its scores' (max - min) / median then. */
    record Converged(PlannedRun run, int afterRound, double relativeSpread) {
    }

    /**
     * @param roundsCompleted  rounds whose every due run was started
     * @param stoppedForBudget the next round would have passed the budget, so it was not started
     */
    record Outcome(int roundsCompleted, boolean stoppedForBudget, List<Converged> converged) {
    }

    private final Budget budget;
    private final int rounds;
    private final Map<PlannedRun, List<Double>> scores = new HashMap<>();
    private final Map<PlannedRun, Converged> converged = new LinkedHashMap<>();
    private int roundsCompleted;
    private boolean stoppedForBudget;

    private AdaptiveRounds(Budget budget, int rounds) {
        this.budget = budget;
        this.rounds = rounds;
    }

    /** Every series in every round. */
    static AdaptiveRounds all(int rounds) {
        return new AdaptiveRounds(null, rounds);
    }

    static AdaptiveRounds within(Budget budget, int rounds) {
        return new AdaptiveRounds(budget, rounds);
    }

    /** The budget, or null without one. */
    Budget budget() {
        return budget;
    }

    /** The runs of a round that are still to be made: those whose series has not converged. */
    synchronized List<Rounds.Execution> due(List<Rounds.Execution> round) {
        return round.stream().filter(e -> !converged.containsKey(e.run())).toList();
    }

    /**
     * Whether round {@code round} starts: always the first; a later one only when it fits the budget.
     *
     * @param runsDone runs started so far
     * @param runsDue  the round's {@link #due} runs
     */
    synchronized boolean starts(int round, Duration elapsed, int runsDone, int runsDue) {
        if (round > 1 && budget != null && !budget.nextRoundFits(elapsed, runsDone, runsDue)) {
            stoppedForBudget = true;
        }
        return !stoppedForBudget;
    }

    /** A run of a series produced this primary score. */
    synchronized void scored(PlannedRun run, double score) {
        scores.computeIfAbsent(run, r -> new ArrayList<>()).add(score);
    }

    /**
     * Round {@code round} has run every due run; returns the series that converged with it and so
     * are left out of later rounds (none after the last round: there is nothing to leave out).
     */
    synchronized List<Converged> finished(int round) {
        roundsCompleted = round;
        List<Converged> now = new ArrayList<>();
        if (budget == null || round >= rounds) {
            return now;
        }
        scores.forEach((run, s) -> {
            if (!converged.containsKey(run) && Convergence.converged(s)) {
                now.add(new Converged(run, round, Convergence.relativeSpread(s)));
            }
        });
        now.sort((a, b) -> a.run().label().compareTo(b.run().label()));
        now.forEach(c -> converged.put(c.run(), c));
        return now;
    }

    synchronized Outcome outcome() {
        return new Outcome(roundsCompleted, stoppedForBudget, List.copyOf(converged.values()));
    }
}
