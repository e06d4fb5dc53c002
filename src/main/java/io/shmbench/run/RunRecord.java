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
            node.put("benchmark", f.run().benchmark().name());
            node.put("mode", f.run().benchmark().mode().shortLabel());
            node.set("params", Json.MAPPER.valueToTree(f.run().params()));
            node.put("round", f.round());
            node.put("detail", f.detail());
        }
        write();
    }

    private void write() {
        Json.writeAtomically(dir.envFile(), json);
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
