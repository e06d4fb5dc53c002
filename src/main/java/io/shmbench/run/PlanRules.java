package io.shmbench.run;

import java.util.List;
import java.util.SortedMap;

/**
 * Which parameter combinations of a benchmark the plan runs, beyond the cartesian product of its
 * {@code @Param} values. A benchmark whose parameters do not all combine (a message size beyond a
 * transport's limit, a wait strategy that one kind of transport is measured with only in the full
 * profile) says so here; the plan leaves those combinations out before any fork starts, so they
 * cost nothing and never produce a number, and the unsupported or unavailable ones are recorded
 * in {@code raw/outcomes.csv} so that figures mark them.
 */
@FunctionalInterface
public interface PlanRules {
    /** Every combination runs. */
    PlanRules NONE = (benchmark, params, profile) -> Verdict.RUN;

    /**
     * @param params one value per parameter, as the run would pass them to JMH
     */
    Verdict verdict(BenchmarkDeclaration benchmark, SortedMap<String, String> params, Profile profile);

    /** The first verdict other than {@link Verdict#RUN} of {@code rules}, in order. */
    static PlanRules all(List<PlanRules> rules) {
        List<PlanRules> copy = List.copyOf(rules);
        return (benchmark, params, profile) -> {
            for (PlanRules rule : copy) {
                Verdict verdict = rule.verdict(benchmark, params, profile);
                if (!verdict.runs()) {
                    return verdict;
                }
            }
            return Verdict.RUN;
        };
    }
}
