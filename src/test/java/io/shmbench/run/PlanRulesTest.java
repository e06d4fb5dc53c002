package io.shmbench.run;

import io.shmbench.measure.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.shmbench.run.Declarations.Q1_ROUND_TRIP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlanRulesTest {
    /** pipe cannot carry 65536 B here; uds is measured only at 64 B unless the user asks for more. */
    private static final PlanRules RULES = (benchmark, params, profile) -> {
        if (params.get("transport").equals("pipe") && params.get("messageBytes").equals("65536")) {
            return Verdict.unsupported("pipe: at most 4096 B");
        }
        if (params.get("transport").equals("uds") && !params.get("messageBytes").equals("64")) {
            return Verdict.skip("messageBytes", "uds at 64 B only");
        }
        return Verdict.RUN;
    };

    private static BenchmarkPlan plan(String... jmhArgs) {
        return BenchmarkPlan.build(List.of(Q1_ROUND_TRIP), Selection.ALL, Profile.FULL, JmhOptions.parseUserArgs(List.of(jmhArgs)),
                HostParameters.NONE, RULES);
    }

    private static List<String> params(List<PlannedRun> runs) {
        return runs.stream().map(r -> r.params().get("transport") + "@" + r.params().get("messageBytes")).toList();
    }

    @Test
    void leavesOutWhatTheRulesSayAndKeepsWhy() {
        BenchmarkPlan plan = plan();

        assertEquals(List.of("shm-ring@64", "uds@64", "pipe@64", "shm-ring@2048", "pipe@2048", "shm-ring@65536"),
                params(plan.runs()));
        assertEquals(List.of("uds@2048", "uds@65536", "pipe@65536"), params(plan.notRun().stream().map(BenchmarkPlan.NotRun::run).toList()));
        BenchmarkPlan.NotRun unsupported = plan.notRun().get(2);
        assertEquals(Optional.of(Outcome.UNSUPPORTED), unsupported.verdict().recordedAs());
        assertEquals("pipe: at most 4096 B", unsupported.verdict().reason());
        assertEquals(Optional.empty(), plan.notRun().get(0).verdict().recordedAs(), "a skip is not an outcome");
    }

    @Test
    void aParameterTheUserSetOverridesASkipButNotAnUnsupportedCase() {
        BenchmarkPlan plan = plan("-p", "messageBytes=2048,65536");

        assertEquals(List.of("shm-ring@2048", "uds@2048", "pipe@2048", "shm-ring@65536", "uds@65536"), params(plan.runs()));
        assertEquals(List.of("pipe@65536"), params(plan.notRun().stream().map(BenchmarkPlan.NotRun::run).toList()));
    }

    @Test
    void theFirstRuleThatDoesNotRunDecides() {
        PlanRules noPipe = (b, p, profile) -> p.get("transport").equals("pipe") ? Verdict.unavailable("no pipes here") : Verdict.RUN;
        PlanRules both = PlanRules.all(List.of(noPipe, RULES));
        var params = new java.util.TreeMap<>(java.util.Map.of("transport", "pipe", "messageBytes", "65536"));

        assertEquals(Verdict.unavailable("no pipes here"), both.verdict(Q1_ROUND_TRIP, params, Profile.FULL));
        assertEquals(Verdict.RUN, PlanRules.all(List.of()).verdict(Q1_ROUND_TRIP, params, Profile.FULL));
        assertEquals(Verdict.RUN, PlanRules.NONE.verdict(Q1_ROUND_TRIP, params, Profile.FULL));
    }

    @Test
    void aVerdictThatDoesNotRunSaysWhy() {
        assertThrows(IllegalArgumentException.class, () -> Verdict.unsupported(" "));
        assertThrows(IllegalArgumentException.class, () -> Verdict.skip("", "why"));
        assertEquals(Optional.of(Outcome.UNAVAILABLE), Verdict.unavailable("one NUMA node").recordedAs());
    }
}
