package io.shmbench.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shmbench.env.EnvironmentFingerprint;
import io.shmbench.env.Json;
import io.shmbench.measure.RunDirectory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.util.Version;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A run's {@code env.json}: the environment fingerprint plus what the run did (profile, selection,
 * parameters, JMH and JVM options) and how it ended. Written when the run starts with
 * {@code "complete": false} and rewritten when it ends, so a run that dies without a chance to say
 * so (kill -9, power loss) still reads as incomplete.
 */
public final class RunRecord {
    /** {@code status} values. */
    public enum Status {
        RUNNING, COMPLETE, INTERRUPTED,
        /** Ended early by itself: JMH refused to start a run (another instance held its lock). */
        STOPPED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A run that produced no result, in which round, and why. */
    public record FailedRun(PlannedRun run, int round, String detail) {
    }

    private final RunDirectory dir;
    private final Clock clock;
    private final ObjectNode json;

    public RunRecord(RunDirectory dir, EnvironmentFingerprint fingerprint, String runId, Profile profile, Selection selection,
                     BenchmarkPlan plan, Rounds rounds, Options user, List<String> userJmhArgs, List<String> forkJvmArgs,
                     Clock clock) {
        this.dir = dir;
        this.clock = clock;
        this.json = Json.MAPPER.valueToTree(fingerprint);
        json.put("runId", runId);
        json.put("profile", profile.label());
        json.put("only", selection.spec());
        json.put("status", Status.RUNNING.label());
        json.put("complete", false);
        json.put("started", now());
        json.putNull("finished");
        json.put("rounds", rounds.count());
        json.put("roundSeed", rounds.seed());
        json.put("runsPlanned", plan.runs().size() * rounds.count());
        json.put("runsCompleted", 0);
        json.putArray("failedRuns");

        ObjectNode jmh = json.putObject("jmh");
        jmh.put("version", Version.getPlainVersion());
        IterationSettings settings = IterationSettings.of(profile, user);
        jmh.put("warmupIterations", settings.warmupIterations());
        jmh.put("warmupTime", settings.warmupTime().toString());
        jmh.put("measurementIterations", settings.measurementIterations());
        jmh.put("measurementTime", settings.measurementTime().toString());
        jmh.put("forks", settings.forks());
        jmh.set("userArgs", Json.MAPPER.valueToTree(userJmhArgs));
        jmh.put("resultFile", RunDirectory.RAW + "/" + RunDirectory.JMH_RESULTS);

        ObjectNode jvm = json.putObject("jvm");
        jvm.set("hostArgs", Json.MAPPER.valueToTree(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        jvm.set("forkArgsAppended", Json.MAPPER.valueToTree(forkJvmArgs));

        json.set("profileOverrides", Json.MAPPER.valueToTree(profile.overrides().asMap()));
        ArrayNode benchmarks = json.putArray("benchmarks");
        for (Map.Entry<BenchmarkDeclaration, SortedMap<String, List<String>>> e : plan.parameters().entrySet()) {
            ObjectNode b = benchmarks.addObject();
            b.put("benchmark", e.getKey().name());
            b.put("mode", e.getKey().mode().shortLabel());
            b.set("params", Json.MAPPER.valueToTree(e.getValue()));
            b.put("runs", BenchmarkPlan.combinations(e.getValue()).size());
        }
    }

    /**
     * Adds env.json's {@code budget}: the limit, the plan's nominal time as given and as fitted, the
     * reductions taken and the convergence rule; the rounds it ran come with {@link #roundsRan}.
     * Call before {@link #started()}.
     */
    public synchronized void budgeted(BudgetedPlan budgeted) {
        ObjectNode budget = json.putObject("budget");
        budget.put("limit", budgeted.budget().label());
        budget.put("limitSeconds", budgeted.budget().limit().toSeconds());
        budget.put("nominalAsPlannedSeconds", seconds(budgeted.asPlanned().nominal()));
        budget.put("nominalSeconds", seconds(budgeted.nominal()));
        budget.put("forkOverheadSeconds", seconds(IterationSettings.FORK_OVERHEAD));
        ArrayNode reductions = budget.putArray("reductions");
        ArrayNode dropped = budget.putArray("sweepsDropped");
        for (BudgetedPlan.Reduction reduction : budgeted.reductions()) {
            reductions.add(reduction.text());
            reduction.dropped().forEach(dropped::add);
        }
        ObjectNode convergence = budget.putObject("convergence");
        convergence.put("minRounds", Convergence.MIN_ROUNDS);
        convergence.put("maxRelativeSpread", Convergence.MAX_RELATIVE_SPREAD);
        budget.put("roundsPlanned", budgeted.rounds());
        roundsRan(new AdaptiveRounds.Outcome(0, false, List.of()));
    }

    /** Records in env.json's {@code budget} the rounds run, whether the budget stopped the run, and the converged series. */
    synchronized void roundsRan(AdaptiveRounds.Outcome outcome) {
        if (!(json.get("budget") instanceof ObjectNode budget)) {
            return;
        }
        budget.put("roundsCompleted", outcome.roundsCompleted());
        budget.put("stoppedForBudget", outcome.stoppedForBudget());
        ArrayNode converged = budget.putArray("converged");
        for (AdaptiveRounds.Converged c : outcome.converged()) {
            ObjectNode node = converged.addObject();
            putRun(node, c.run());
            node.put("afterRound", c.afterRound());
            node.put("relativeSpread", c.relativeSpread());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    public synchronized void started() {
        write();
    }

    /** Records the end of the run (complete only for {@link Status#COMPLETE}). */
    public synchronized void finished(Status status, int runsCompleted, List<FailedRun> failures) {
        json.put("status", status.label());
        json.put("complete", status == Status.COMPLETE);
        json.put("finished", now());
        json.put("runsCompleted", runsCompleted);
        ArrayNode failed = json.putArray("failedRuns");
        for (FailedRun f : failures) {
            ObjectNode node = failed.addObject();
            putRun(node, f.run());
            node.put("round", f.round());
            node.put("detail", f.detail());
        }
        write();
    }

    /** A planned run as env.json names it: {@code benchmark}, {@code mode}, {@code params}. */
    private static void putRun(ObjectNode node, PlannedRun run) {
        node.put("benchmark", run.benchmark().name());
        node.put("mode", run.benchmark().mode().shortLabel());
        node.set("params", Json.MAPPER.valueToTree(run.params()));
    }

    private void write() {
        Json.writeAtomically(dir.envFile(), json);
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
