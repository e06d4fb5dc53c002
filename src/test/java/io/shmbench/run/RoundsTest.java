package io.shmbench.run;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order of a run's rounds: every planned run once per round, each round shuffled, reproducible from the shuffle seed. */
class RoundsTest {
    private static final List<PlannedRun> PLAN = plan(12);

    private static List<PlannedRun> plan(int runs) {
        BenchmarkDeclaration b = Declarations.Q1_ROUND_TRIP;
        List<PlannedRun> out = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            out.add(new PlannedRun(b, new TreeMap<>(Map.of("messageBytes", Integer.toString(i)))));
        }
        return out;
    }

    private static List<PlannedRun> round(List<Rounds.Execution> order, int round) {
        return order.stream().filter(e -> e.round() == round).map(Rounds.Execution::run).toList();
    }

    @Test
    void oneRoundKeepsThePlansOrder() {
        List<Rounds.Execution> order = Rounds.ONE.order(PLAN);
        assertEquals(PLAN, order.stream().map(Rounds.Execution::run).toList());
        for (int i = 0; i < order.size(); i++) {
            assertEquals(1, order.get(i).round());
            assertEquals(i + 1, order.get(i).position());
        }
    }

    @Test
    void everyRoundRunsEveryPlannedRunOnceInItsOwnOrder() {
        List<Rounds.Execution> order = new Rounds(5, 42).order(PLAN);
        assertEquals(5 * PLAN.size(), order.size());
        List<List<PlannedRun>> rounds = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            List<PlannedRun> runs = round(order, r);
            assertEquals(PLAN.size(), runs.size());
            assertEquals(new java.util.HashSet<>(PLAN), new java.util.HashSet<>(runs), "round " + r + " runs every planned run once");
            rounds.add(runs);
        }
        assertTrue(rounds.stream().distinct().count() > 1, "rounds are shuffled, not repeated");
        assertNotEquals(PLAN, rounds.getFirst(), "even the first round is shuffled");
        List<Integer> positions = order.stream().filter(e -> e.round() == 3).map(Rounds.Execution::position).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, PLAN.size()).boxed().toList(), positions);
        List<Integer> roundsInOrder = order.stream().map(Rounds.Execution::round).toList();
        assertEquals(roundsInOrder.stream().sorted().toList(), roundsInOrder, "a round ends before the next begins");
    }

    @Test
    void theSameSeedGivesTheSameOrder() {
        assertEquals(new Rounds(3, 7).order(PLAN), new Rounds(3, 7).order(PLAN));
        assertNotEquals(new Rounds(3, 7).order(PLAN), new Rounds(3, 8).order(PLAN));
    }

    @Test
    void aCountOutOfRangeOrNotANumberIsRefusedWithTheRange() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Rounds(0, 1)).getMessage().contains("between 1 and 1000"));
        assertThrows(IllegalArgumentException.class, () -> new Rounds(1001, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Rounds.parseCount("ten")).getMessage().contains("'ten'"));
        assertEquals(10, Rounds.parseCount("10"));
    }
}
