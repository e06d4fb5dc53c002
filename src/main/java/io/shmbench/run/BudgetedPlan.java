package io.shmbench.run;

import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * A plan fitted into a budget ({@link BudgetPlanner}): the plan as the profile and options gave it,
 * the one that will run, and the JMH options that run it.
 *
 * @param options the user's JMH options with the chosen iteration settings set over them, so that
 *                everything downstream ({@link IterationSettings#of}, {@link JmhOptions#forRun},
 *                env.json) reads the budget's settings as if the user had given them
 */
public record BudgetedPlan(Budget budget, PlanShape asPlanned, PlanShape chosen, Options options) {

    static BudgetedPlan of(Budget budget, PlanShape asPlanned, PlanShape chosen, Options user) {
        IterationSettings s = chosen.settings();
        Options options = new OptionsBuilder().parent(user)
                .forks(s.forks())
                .warmupIterations(s.warmupIterations())
                .warmupTime(s.warmupTime())
                .measurementIterations(s.measurementIterations())
                .measurementTime(s.measurementTime())
                .build();
        return new BudgetedPlan(budget, asPlanned, chosen, options);
    }

    public BenchmarkPlan plan() {
        return chosen.plan();
    }

    public int rounds() {
        return chosen.rounds();
    }

    public Duration nominal() {
        return chosen.nominal();
    }

    /**
     * One reduction the budget took.
     *
     * @param text    {@code forks 3 -> 1}
     * @param dropped for narrower sweeps, what they leave out ({@link #sweepsDropped()}); else empty
     */
    public record Reduction(String text, List<String> dropped) {
    }

    /** Each reduction taken, in the ladder's order; empty when the plan fits as planned. */
    public List<Reduction> reductions() {
        IterationSettings before = asPlanned.settings();
        IterationSettings after = chosen.settings();
        List<Reduction> reductions = new ArrayList<>();
        if (before.forks() != after.forks()) {
            reductions.add(new Reduction("forks " + before.forks() + " -> " + after.forks(), List.of()));
        }
        if (!before.measurement().equals(after.measurement())) {
            reductions.add(new Reduction("measurement " + before.measurement() + " -> " + after.measurement(), List.of()));
        }
        if (!before.warmup().equals(after.warmup())) {
            reductions.add(new Reduction("warm-up " + before.warmup() + " -> " + after.warmup(), List.of()));
        }
        if (asPlanned.sweeps() != chosen.sweeps()) {
            reductions.add(new Reduction("sweeps: the " + chosen.sweeps().label() + " profile's (" + asPlanned.runsPerRound()
                    + " -> " + chosen.runsPerRound() + " runs" + (chosen.rounds() > 1 ? " a round" : "") + ")", sweepsDropped()));
        }
        if (asPlanned.rounds() != chosen.rounds()) {
            reductions.add(new Reduction("rounds " + asPlanned.rounds() + " -> " + chosen.rounds(), List.of()));
        }
        return reductions;
    }

    /**
     * What the narrower sweeps leave out, one line per benchmark that loses runs:
     * {@code Q3Slots.roundTrip [avgt]: 12 -> 5 runs (slots 12 -> 5 values)}; the plan rules of the
     * narrower profile (Q1's quick wait strategies) count separately.
     */
    List<String> sweepsDropped() {
        if (asPlanned.sweeps() == chosen.sweeps()) {
            return List.of();
        }
        List<String> dropped = new ArrayList<>();
        for (var entry : asPlanned.plan().parameters().entrySet()) {
            BenchmarkDeclaration benchmark = entry.getKey();
            SortedMap<String, List<String>> narrowed = chosen.plan().parameters().getOrDefault(benchmark, entry.getValue());
            List<PlannedRun> before = runsOf(asPlanned.plan(), benchmark);
            Set<PlannedRun> after = new HashSet<>(runsOf(chosen.plan(), benchmark));
            if (after.size() >= before.size()) {
                continue;
            }
            List<String> why = new ArrayList<>();
            entry.getValue().forEach((param, values) -> {
                int left = narrowed.getOrDefault(param, values).size();
                if (left < values.size()) {
                    why.add(param + " " + values.size() + " -> " + left + (left == 1 ? " value" : " values"));
                }
            });
            long byRules = before.stream().filter(r -> within(r.params(), narrowed) && !after.contains(r)).count();
            if (byRules > 0) {
                why.add(byRules + " left out by the " + chosen.sweeps().label() + " profile's plan rules");
            }
            dropped.add(benchmark.shortName() + " [" + benchmark.mode().shortLabel() + "]: " + before.size() + " -> "
                    + after.size() + (after.size() == 1 ? " run" : " runs") + " (" + String.join("; ", why) + ")");
        }
        return dropped;
    }

    private static List<PlannedRun> runsOf(BenchmarkPlan plan, BenchmarkDeclaration benchmark) {
        return plan.runs().stream().filter(r -> r.benchmark().equals(benchmark)).toList();
    }

    private static boolean within(Map<String, String> params, SortedMap<String, List<String>> values) {
        return params.entrySet().stream().allMatch(p -> values.getOrDefault(p.getKey(), List.of(p.getValue())).contains(p.getValue()));
    }

    /**
     * The dry run's account of the budget: {@code budget 2:00:00: fits as planned}, or the plan as
     * given, each reduction, and for narrower sweeps what they leave out.
     */
    public List<String> describe() {
        List<Reduction> reductions = reductions();
        if (reductions.isEmpty()) {
            return List.of("budget " + budget.label() + ": fits as planned");
        }
        List<String> lines = new ArrayList<>();
        lines.add("budget " + budget.label() + ": as planned, " + asPlanned.runsPerRound() * asPlanned.rounds() + " runs would take about "
                + Progress.format(asPlanned.nominal()) + " (nominal); to fit:");
        for (Reduction reduction : reductions) {
            lines.add("  " + reduction.text() + (reduction.dropped().isEmpty() ? "" : ", dropped:"));
            reduction.dropped().forEach(d -> lines.add("    " + d));
        }
        return lines;
    }
}
