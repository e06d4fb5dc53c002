package io.shmbench.run;

import java.time.Duration;

/**
 * What a suite run will do, as far as its duration goes: the runs of its plan, the iterations and
 * forks of each, and how many rounds repeat the plan.
 *
 * @param sweeps the profile whose parameter values (and profile-specific plan rules) made {@code plan}
 */
public record PlanShape(IterationSettings settings, Profile sweeps, BenchmarkPlan plan, int rounds) {

    /** Every run of every round at its nominal time ({@link IterationSettings#nominalPerRun()}). */
    public Duration nominal() {
        return settings.nominalPerRun().multipliedBy((long) runsPerRound() * rounds);
    }

    public int runsPerRound() {
        return plan.runs().size();
    }

    PlanShape with(IterationSettings other) {
        return new PlanShape(other, sweeps, plan, rounds);
    }

    PlanShape withSweeps(Profile otherSweeps, BenchmarkPlan otherPlan) {
        return new PlanShape(settings, otherSweeps, otherPlan, rounds);
    }

    PlanShape withRounds(int otherRounds) {
        return new PlanShape(settings, sweeps, plan, otherRounds);
    }
}
