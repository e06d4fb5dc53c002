package io.shmbench.run;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;

import java.time.Duration;
import java.util.List;

import static io.shmbench.run.Declarations.FOR_BUDGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the dry run says about a budget, on the fabricated plans of {@link BudgetPlannerTest}. */
class BudgetedPlanTest {
    private static final Options NO_OPTIONS = JmhOptions.parseUserArgs(List.of());

    /** Quick leaves Q1's pipe out, as Q1Plan leaves wait strategies out: a rule of the profile, not a sweep. */
    private static final PlanRules QUICK_SKIPS_PIPE = (benchmark, params, profile) ->
            profile == Profile.QUICK && "pipe".equals(params.get("transport")) ? Verdict.skip("transport", "quick skips pipe") : Verdict.RUN;

    private static BudgetedPlan fit(String budget, PlanRules rules) {
        return BudgetPlanner.fit(Budget.parse(budget), Profile.FULL, NO_OPTIONS, 1,
                sweeps -> BenchmarkPlan.build(FOR_BUDGETS, Selection.ALL, sweeps, NO_OPTIONS, HostParameters.NONE, rules));
    }

    @Test
    void aPlanThatFitsSaysSo() {
        assertEquals(List.of("budget 2:00:00: fits as planned"), fit("2h", PlanRules.NONE).describe());
    }

    @Test
    void eachReductionOnItsLineAndWhatTheSweepsDrop() {
        // full: 27 runs x 3 forks x (1.5 s + 5 x 1 s + 10 x 1 s) = 22:16.5; quick's sweeps with the rule: 17 runs x 5 s
        BudgetedPlan plan = fit("90s", QUICK_SKIPS_PIPE);

        assertEquals(List.of(
                "budget 1:30: as planned, 27 runs would take about 22:17 (nominal); to fit:",
                "  forks 3 -> 1",
                "  measurement 10 x 1 s -> 5 x 0.3 s",
                "  warm-up 5 x 1 s -> 2 x 1 s",
                "  sweeps: the quick profile's (27 -> 17 runs), dropped:",
                "    Q1Transports.roundTrip [avgt]: 15 -> 8 runs (messageBytes 5 -> 4 values; 3 left out by the quick profile's plan rules)",
                "    Q5PayloadLayout.readSnapshot [avgt]: 9 -> 6 runs (servers 3 -> 2 values)"), plan.describe());
        assertEquals(Duration.ofSeconds(85), plan.nominal());
    }

    @Test
    void fewerRoundsAreCountedInThePlanAsGiven() {
        BudgetedPlan plan = BudgetPlanner.fit(Budget.parse("1m"), Profile.SMOKE, NO_OPTIONS, 8,
                sweeps -> BenchmarkPlan.build(FOR_BUDGETS, Selection.ALL, sweeps, NO_OPTIONS, HostParameters.NONE));

        // 7 runs x 1.7 s = 11.9 s a round
        assertEquals(List.of("budget 1:00: as planned, 56 runs would take about 1:35 (nominal); to fit:", "  rounds 8 -> 5"),
                plan.describe());
    }
}
