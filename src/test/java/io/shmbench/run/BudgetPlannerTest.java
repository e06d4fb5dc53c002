package io.shmbench.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.shmbench.run.Declarations.FOR_BUDGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The budget's ladder on fabricated plans ({@link Declarations#FOR_BUDGETS}): 27 runs with every
 * declared value (full), 21 with the quick profile's sweeps (Q1's sizes 5 -> 4, Q5's servers 3 -> 2). Budgets are set to exactly the
 * nominal time of the shape expected, so each case fits at its rung and at no rung before it.
 */
class BudgetPlannerTest {
    private static final int FULL_RUNS = 27;
    private static final int QUICK_RUNS = 21;

    private static Options jmh(String... args) {
        return JmhOptions.parseUserArgs(List.of(args));
    }

    private static Function<Profile, BenchmarkPlan> plans(Options user) {
        return sweeps -> BenchmarkPlan.build(FOR_BUDGETS, Selection.ALL, sweeps, user, HostParameters.NONE);
    }

    private static BudgetedPlan fit(Duration budget, Profile profile, Options user, int rounds) {
        return BudgetPlanner.fit(new Budget(budget), profile, user, rounds, plans(user));
    }

    /** Warm-up, then measurement (ms), then forks. */
    private static IterationSettings settings(int wi, long wMs, int i, long rMs, int forks) {
        return new IterationSettings(wi, time(wMs), i, time(rMs), forks);
    }

    /** In whole seconds where it can be, as the profiles and JMH's parser give them (TimeValue's equals minds the unit). */
    private static TimeValue time(long ms) {
        return ms % 1000 == 0 ? TimeValue.seconds(ms / 1000) : TimeValue.milliseconds(ms);
    }

    private static Duration nominal(IterationSettings settings, int runs, int rounds) {
        return settings.nominalPerRun().multipliedBy((long) runs * rounds);
    }

    private static List<String> texts(BudgetedPlan plan) {
        return plan.reductions().stream().map(BudgetedPlan.Reduction::text).toList();
    }

    @Test
    void aPlanThatFitsIsUntouched() {
        IterationSettings full = IterationSettings.of(Profile.FULL, jmh());
        BudgetedPlan plan = fit(nominal(full, FULL_RUNS, 2), Profile.FULL, jmh(), 2);

        assertEquals(List.of(), plan.reductions());
        assertEquals(plan.asPlanned(), plan.chosen());
        assertEquals(FULL_RUNS, plan.plan().runs().size());
        assertEquals(2, plan.rounds());
        assertEquals(full, IterationSettings.of(Profile.FULL, plan.options()), "the options run the profile's settings");
    }

    static Stream<Arguments> rungs() {
        return Stream.of(
                arguments(settings(5, 1000, 10, 1000, 1), FULL_RUNS, List.of("forks 3 -> 1")),
                arguments(settings(5, 1000, 5, 1000, 1), FULL_RUNS, List.of("forks 3 -> 1", "measurement 10 x 1 s -> 5 x 1 s")),
                arguments(settings(2, 1000, 5, 1000, 1), FULL_RUNS, List.of("forks 3 -> 1", "measurement 10 x 1 s -> 5 x 1 s",
                        "warm-up 5 x 1 s -> 2 x 1 s")),
                arguments(settings(2, 1000, 5, 500, 1), FULL_RUNS, List.of("forks 3 -> 1", "measurement 10 x 1 s -> 5 x 0.5 s",
                        "warm-up 5 x 1 s -> 2 x 1 s")),
                arguments(settings(2, 1000, 5, 300, 1), FULL_RUNS, List.of("forks 3 -> 1", "measurement 10 x 1 s -> 5 x 0.3 s",
                        "warm-up 5 x 1 s -> 2 x 1 s")),
                arguments(settings(2, 1000, 5, 300, 1), QUICK_RUNS, List.of("forks 3 -> 1", "measurement 10 x 1 s -> 5 x 0.3 s",
                        "warm-up 5 x 1 s -> 2 x 1 s", "sweeps: the quick profile's (27 -> 21 runs)")));
    }

    @ParameterizedTest
    @MethodSource("rungs")
    void eachRungIsTakenInOrderAndTheFirstThatFitsIsKept(IterationSettings expected, int runs, List<String> reductions) {
        BudgetedPlan plan = fit(nominal(expected, runs, 1), Profile.FULL, jmh(), 1);

        assertEquals(expected, plan.chosen().settings());
        assertEquals(expected, IterationSettings.of(Profile.FULL, plan.options()), "the options say what the budget chose");
        assertEquals(runs, plan.plan().runs().size());
        assertEquals(reductions, texts(plan));
        assertEquals(nominal(expected, runs, 1), plan.nominal());
    }

    @Test
    void fewerRoundsComeLastAndAsManyAsFit() {
        IterationSettings smallest = settings(2, 1000, 5, 300, 1);
        BudgetedPlan plan = fit(nominal(smallest, QUICK_RUNS, 3).plusSeconds(1), Profile.FULL, jmh(), 5);

        assertEquals(3, plan.rounds());
        assertEquals(List.of("forks 3 -> 1", "measurement 10 x 1 s -> 5 x 0.3 s", "warm-up 5 x 1 s -> 2 x 1 s",
                "sweeps: the quick profile's (27 -> 21 runs a round)", "rounds 5 -> 3"), texts(plan));
    }

    @Test
    void aBudgetNoPlanMeetsNamesTheSmallestPlansNominalTime() {
        // 21 runs x 1 round at 1.5 s + 2 x 1 s + 5 x 0.3 s = 5 s: 1:45
        BudgetPlanner.BudgetUnmetException e = assertThrows(BudgetPlanner.BudgetUnmetException.class,
                () -> fit(Duration.ofSeconds(104), Profile.FULL, jmh(), 4));

        assertTrue(e.getMessage().contains("--budget 1:44 cannot be met"), e.getMessage());
        assertTrue(e.getMessage().contains("21 runs x 1 round, 1 fork, warm-up 2 x 1 s, measurement 5 x 0.3 s, the quick profile's sweeps,"
                + " takes about 1:45 (nominal)"), e.getMessage());
    }

    @Test
    void settingsTheUserGaveAreNeverChanged() {
        Options user = jmh("-f", "3", "-i", "10", "-w", "3s");
        IterationSettings expected = settings(2, 3000, 10, 300, 3);
        BudgetedPlan plan = fit(nominal(expected, QUICK_RUNS, 1), Profile.FULL, user, 1);

        assertEquals(expected, plan.chosen().settings());
        assertEquals(expected, IterationSettings.of(Profile.FULL, plan.options()));
        assertEquals(List.of("measurement 10 x 1 s -> 10 x 0.3 s", "warm-up 5 x 3 s -> 2 x 3 s",
                "sweeps: the quick profile's (27 -> 21 runs)"), texts(plan));
    }

    @Test
    void aBudgetMetOnlyByChangingTheUsersSettingsSaysSo() {
        BudgetPlanner.BudgetUnmetException e = assertThrows(BudgetPlanner.BudgetUnmetException.class,
                () -> fit(Duration.ofSeconds(120), Profile.FULL, jmh("-f", "3", "-r", "1s"), 1));

        assertTrue(e.getMessage().contains("it keeps -f 3, -r 1 s as given after '--', and would fit without them (about 1:45)"),
                e.getMessage());
    }

    @Test
    void theSweepsKeepAParameterTheUserSet() {
        Options user = jmh("-p", "messageBytes=2048");
        // full: 1 + 1 + 3 + 9 = 14 runs; quick: 1 + 1 + 3 + 6 = 11
        BudgetedPlan plan = fit(nominal(settings(2, 1000, 5, 300, 1), 11, 1), Profile.FULL, user, 1);

        assertEquals(11, plan.plan().runs().size());
        assertTrue(plan.plan().runs().stream().allMatch(r -> r.params().getOrDefault("messageBytes", "2048").equals("2048")),
                plan.plan().runs().toString());
    }

    @Test
    void aRungNeverRaisesASettingNorWidensTheSweeps() {
        // smoke: 7 runs of 1.5 s + 0.1 s + 0.1 s; its sweeps are narrower than quick's, its iterations fewer
        IterationSettings smoke = IterationSettings.of(Profile.SMOKE, jmh());
        BudgetedPlan plan = fit(nominal(smoke, 7, 2), Profile.SMOKE, jmh(), 10);

        assertEquals(smoke, plan.chosen().settings());
        assertEquals(Profile.SMOKE, plan.chosen().sweeps());
        assertEquals(List.of("rounds 10 -> 2"), texts(plan));
    }
}
