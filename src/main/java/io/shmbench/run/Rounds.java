package io.shmbench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order in which a suite run makes its JMH runs: the plan once per round, each round in its own
 * shuffled order, so that a slow spell of the host (the vCPUs in their slow state, another tenant
 * busy) falls on one round of every series instead of on every round of one series, and shows up
 * as spread between rounds rather than as a difference between series (Kalibera and Jones:
 * randomise and repeat at the level where the variance lives). One round keeps the plan's order.
 *
 * @param count how many times the plan runs (at least 1)
 * @param seed  the shuffles' seed, recorded in env.json so an order can be made again
 */
public record Rounds(int count, long seed) {
    /** More rounds than this is surely a typo: even the smoke plan would run for hours. */
    public static final int MAX = 1000;

    /** One JMH run of a round: the round (from 1), its place in the round (from 1) and the planned run. */
    public record Execution(int round, int position, PlannedRun run) {
    }

    public Rounds {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("--rounds must be between 1 and " + MAX + ", not " + count);
        }
    }

    /** A single round in the plan's order. */
    public static final Rounds ONE = new Rounds(1, 0);

    /** Every run of every round, in the order they are made. */
    public List<Execution> order(List<PlannedRun> runs) {
        List<Execution> order = new ArrayList<>(count * runs.size());
        for (int round = 1; round <= count; round++) {
            List<PlannedRun> shuffled = new ArrayList<>(runs);
            if (count > 1) {
                Collections.shuffle(shuffled, new Random(seed * 1_000_003L + round));
            }
            for (int i = 0; i < shuffled.size(); i++) {
                order.add(new Execution(round, i + 1, shuffled.get(i)));
            }
        }
        return order;
    }

    /** Parses {@code --rounds}: a whole number from 1 to {@value #MAX}. */
    public static int parseCount(String text) {
        try {
            int count = Integer.parseInt(text.trim());
            new Rounds(count, 0);
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rounds must be a whole number between 1 and " + MAX + ", not '" + text + "'", e);
        }
    }
}
