package io.shmbench.run;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite's loop over rounds with a fake clock and fake runs: each run takes 10 s of the clock;
 * series {@code steady} always scores 100, {@code jumpy} 80 and 120 in turn, {@code broken} fails.
 */
class RoundLoopTest {
    private static final Duration RUN_TIME = Duration.ofSeconds(10);
    private static final PlannedRun STEADY = run("AOS");
    private static final PlannedRun JUMPY = run("SOA");
    private static final PlannedRun BROKEN = run("HYBRID");
    private static final List<PlannedRun> PLAN = List.of(STEADY, JUMPY, BROKEN);

    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final List<Rounds.Execution> made = new ArrayList<>();

    private static PlannedRun run(String layout) {
        return new PlannedRun(Declarations.Q5_READ, new TreeMap<>(Map.of("payloadLayout", layout, "servers", "16", "features", "16")));
    }

    private RoundLoop.Made make(Rounds.Execution execution) {
        made.add(execution);
        clock.addAndGet(RUN_TIME.toNanos());
        PlannedRun run = execution.run();
        if (run.equals(BROKEN)) {
            return RoundLoop.Made.FAILED;
        }
        return RoundLoop.Made.scored(run.equals(STEADY) ? 100 : execution.round() % 2 == 0 ? 80 : 120);
    }

    private RoundLoop.Result loop(AdaptiveRounds adaptive, int rounds, Function<Rounds.Execution, RoundLoop.Made> maker) {
        Progress progress = new Progress(PLAN.size() * rounds, Duration.ofSeconds(5), clock::get);
        return new RoundLoop(PLAN, new Rounds(rounds, 7), adaptive, progress, new PrintStream(console, true, StandardCharsets.UTF_8))
                .run(maker::apply, () -> false);
    }

    private List<Integer> roundsOf(PlannedRun run) {
        return made.stream().filter(e -> e.run().equals(run)).map(Rounds.Execution::round).toList();
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aConvergedSeriesLeavesTheLaterRoundsAndTheOthersRunThemAll() {
        AdaptiveRounds adaptive = AdaptiveRounds.within(Budget.parse("1h"), 7);

        RoundLoop.Result result = loop(adaptive, 7, this::make);

        assertEquals(List.of(1, 2, 3, 4, 5), roundsOf(STEADY), "converged after round 5: not run in 6 and 7");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), roundsOf(JUMPY), "spread 40%: never converges");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), roundsOf(BROKEN), "no scores: never converges");
        assertEquals(new RoundLoop.Result(19, 0), result);
        AdaptiveRounds.Outcome outcome = adaptive.outcome();
        assertEquals(7, outcome.roundsCompleted());
        assertFalse(outcome.stoppedForBudget());
        assertEquals(List.of(new AdaptiveRounds.Converged(STEADY, 5, 0.0)), outcome.converged());
        assertTrue(console().contains("after round 5, 1 series converged ((max - min) / median of their round scores <= 5%)"
                + " and are not run in later rounds:"), console());
        assertTrue(console().contains("[19/19] "), "the progress count leaves out what converged: " + console());
    }

    @Test
    void withoutABudgetEverySeriesRunsEveryRound() {
        AdaptiveRounds adaptive = AdaptiveRounds.all(7);

        RoundLoop.Result result = loop(adaptive, 7, this::make);

        assertEquals(new RoundLoop.Result(21, 0), result);
        assertEquals(7, roundsOf(STEADY).size());
        assertEquals(List.of(), adaptive.outcome().converged());
    }

    @Test
    void aRoundThatWouldPassTheBudgetDoesNotStart() {
        // Rounds of 3 runs x 10 s: after round 2, 60 s so far + 30 s > 65 s.
        AdaptiveRounds adaptive = AdaptiveRounds.within(Budget.parse("65s"), 4);

        RoundLoop.Result result = loop(adaptive, 4, this::make);

        assertEquals(new RoundLoop.Result(6, 0), result);
        for (PlannedRun run : PLAN) {
            assertEquals(List.of(1, 2), roundsOf(run), "every series has the same rounds: " + run.label());
        }
        AdaptiveRounds.Outcome outcome = adaptive.outcome();
        assertEquals(2, outcome.roundsCompleted());
        assertTrue(outcome.stoppedForBudget());
        assertTrue(console().contains("stopping before round 3 of 4 for the budget 1:05: 1:00 so far, and its 3 runs would take about 0:30 more"),
                console());
    }

    @Test
    void theFirstRoundAlwaysRuns() {
        AdaptiveRounds adaptive = AdaptiveRounds.within(Budget.parse("1s"), 3);

        assertEquals(new RoundLoop.Result(3, 0), loop(adaptive, 3, this::make));
        assertEquals(1, adaptive.outcome().roundsCompleted());
        assertTrue(adaptive.outcome().stoppedForBudget());
    }

    @Test
    void aRefusedRunStopsTheLoopAndCountsWhatWasNotStarted() {
        RoundLoop.Result result = loop(AdaptiveRounds.all(2), 2, e -> made.size() == 2 ? RoundLoop.Made.REFUSED : make(e));

        assertEquals(new RoundLoop.Result(2, 4), result, "2 made; the refused one and the 3 after it not started");
        assertTrue(console().contains("4 of 6 runs were not started"), console());
    }

    @Test
    void anInterruptionStopsBeforeTheNextRun() {
        Progress progress = new Progress(PLAN.size(), Duration.ofSeconds(5), clock::get);
        RoundLoop.Result result = new RoundLoop(PLAN, Rounds.ONE, AdaptiveRounds.all(1), progress,
                new PrintStream(console, true, StandardCharsets.UTF_8)).run(this::make, () -> made.size() == 2);

        assertEquals(new RoundLoop.Result(2, 0), result);
        assertEquals(2, made.size());
    }
}
