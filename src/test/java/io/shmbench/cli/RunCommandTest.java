package io.shmbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.shmbench.env.EnvironmentProbe;
import io.shmbench.env.Json;
import io.shmbench.measure.RunDirectory;
import io.shmbench.run.BenchmarkPlan;
import io.shmbench.run.HostParameters;
import io.shmbench.run.JmhLock;
import io.shmbench.run.JmhOptions;
import io.shmbench.run.Profile;
import io.shmbench.run.ResultsRoot;
import io.shmbench.run.Rounds;
import io.shmbench.run.RunRecord;
import io.shmbench.run.Selection;
import io.shmbench.run.SuiteRun;
import io.shmbench.testutil.HeldJmhLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run command's planning and its usage errors, in this JVM; runs that measure are in {@code SuiteRunIT}-style process tests. */
class RunCommandTest {
    @TempDir
    Path results;

    private CommandRun run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "run";
        all[1] = "--results-dir";
        all[2] = results.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CommandRun.main(all);
    }

    @Test
    void dryRunPrintsThePlanOfTheCompiledBenchmarks() {
        CommandRun plan = run("--profile", "smoke", "--only", "Q5", "--dry-run");

        assertEquals(0, plan.exit(), plan.err());
        assertTrue(plan.out().contains("[1/6] Q5PayloadLayout.aggregateFeature [avgt] features=16, payloadLayout=AOS, servers=16"),
                plan.out());
        assertTrue(plan.out().contains("[6/6] Q5PayloadLayoutCrossProcess.writerFill [avgt] payloadLayout=AOS, servers=16"),
                plan.out());
        assertTrue(plan.out().contains("profile smoke: 6 runs"), plan.out());
        assertFalse(Files.exists(results.resolve("latest")), "a dry run writes nothing");
    }

    @Test
    void dryRunWithRoundsCountsEveryRoundAndListsTheFirst() {
        CommandRun plan = run("--profile", "smoke", "--only", "Q5PayloadLayout\\.", "--rounds", "4", "--dry-run");

        assertEquals(0, plan.exit(), plan.err());
        assertEquals(3, plan.out().lines().filter(l -> l.matches("\\[\\d/3] .*")).count(), plan.out());
        assertTrue(plan.out().contains("rounds 2-4: the same 3 runs, each round in its own shuffled order"), plan.out());
        assertTrue(plan.out().contains("profile smoke: 12 runs (3 x 4 rounds)"), plan.out());
    }

    @Test
    void dryRunWithTwoRoundsNamesTheSecond() {
        CommandRun plan = run("--profile", "smoke", "--only", "Q5PayloadLayout\\.", "--rounds", "2", "--dry-run");

        assertTrue(plan.out().contains("\nround 2: the same 3 runs, each round in its own shuffled order"), plan.out());
    }

    @Test
    void jmhParamsAfterTheSeparatorChangeThePlan() {
        CommandRun plan = run("--only", "Q5PayloadLayout.readSnapshot", "--dry-run", "--", "-p", "servers=64",
                "-p", "payloadLayout=SOA,HYBRID");

        assertEquals(0, plan.exit(), plan.err());
        assertTrue(plan.out().contains("quick: 2 runs"), plan.out());
        assertTrue(plan.out().contains("payloadLayout=HYBRID, servers=64"), plan.out());
    }

    @Test
    void usageErrorsExitTwoAndSayWhatIsWrong() {
        assertUsageError(run("--profile", "fast"), "fast");
        assertUsageError(run("--only", "Q99"), "Q99");
        assertUsageError(run("--only", "Q1(["), "Q1([");
        assertUsageError(run("--run-id", "../escape"), "../escape");
        assertUsageError(run("--", "-rf", "csv"), "-rf");
        assertUsageError(run("--", "-i", "many"), "many");
        assertUsageError(run("--rounds", "0"), "between 1 and 1000");
        assertUsageError(run("--rounds", "ten"), "ten");
        assertFalse(Files.exists(results.resolve("latest")), "nothing ran");
    }

    @Test
    void aBadBudgetIsAUsageErrorSayingWhatWouldDo() {
        assertUsageError(run("--budget", "2x", "--dry-run"), "'2x' is not a duration; give hours, minutes and/or seconds, e.g. 2h, 90m, 45s or 1h30m");
        assertUsageError(run("--budget", "90", "--dry-run"), "'90' is not a duration");
        assertUsageError(run("--budget", "-5m", "--dry-run"), "'-5m' is not a duration");
        assertUsageError(run("--budget", "0m", "--dry-run"), "a budget must be positive");
    }

    @Test
    void dryRunWithABudgetThatFitsSaysSo() {
        CommandRun plan = run("--profile", "smoke", "--only", "Q5", "--budget", "1h", "--dry-run");

        assertEquals(0, plan.exit(), plan.err());
        assertTrue(plan.out().contains("\nbudget 1:00:00: fits as planned\n"), plan.out());
        assertTrue(plan.out().contains("profile smoke: 6 runs, about 0:10 (nominal), within the budget 1:00:00"), plan.out());
    }

    @Test
    void dryRunWithABudgetListsTheReducedPlanAndEachReduction() {
        CommandRun plan = run("--profile", "full", "--only", "Q5PayloadLayout\\.", "--budget", "2m", "--dry-run");

        assertEquals(0, plan.exit(), plan.err());
        assertEquals(18, plan.out().lines().filter(l -> l.matches("\\[\\d+/18] .*")).count(), "the plan the budget keeps: " + plan.out());
        assertTrue(plan.out().contains(String.join("\n",
                "budget 2:00: as planned, 27 runs would take about 22:17 (nominal); to fit:",
                "  forks 3 -> 1",
                "  measurement 10 x 1 s -> 5 x 0.3 s",
                "  warm-up 5 x 1 s -> 2 x 1 s",
                "  sweeps: the quick profile's (27 -> 18 runs), dropped:",
                "    Q5PayloadLayout.aggregateFeature [avgt]: 9 -> 6 runs (servers 3 -> 2 values)",
                "    Q5PayloadLayout.readSnapshot [avgt]: 9 -> 6 runs (servers 3 -> 2 values)",
                "    Q5PayloadLayout.writeSnapshot [avgt]: 9 -> 6 runs (servers 3 -> 2 values)",
                "profile full: 18 runs, about 1:30 (nominal), within the budget 2:00")), plan.out());
    }

    @Test
    void aBudgetNoPlanMeetsExitsTwoNamingTheSmallestPlansTime() {
        CommandRun tooSmall = run("--profile", "quick", "--only", "Q5PayloadLayout\\.", "--budget", "30s", "--dry-run");

        assertUsageError(tooSmall, "--budget 0:30 cannot be met");
        assertTrue(tooSmall.err().contains("takes about 1:30 (nominal)"), tooSmall.err());
        assertFalse(tooSmall.err().contains("Usage:"), "the message, not buried under the usage: " + tooSmall.err());
    }

    @Test
    void aBudgetMetOnlyByChangingTheUsersJmhOptionsSaysSo() {
        CommandRun kept = run("--profile", "full", "--only", "Q5PayloadLayout\\.", "--budget", "2m", "--dry-run", "--", "-f", "2");

        assertUsageError(kept, "it keeps -f 2 as given after '--', and would fit without them (about 1:30)");
    }

    @Test
    void anExistingRunIsNeverOverwritten() throws Exception {
        Files.createDirectories(results.resolve("taken"));

        assertUsageError(run("--run-id", "taken", "--only", "Q0RecordingCost.timestampsOnly"), "already exists");
        try (HeldJmhLock held = HeldJmhLock.take()) {
            // A usage error is one whatever else is going on: it does not wait for, or report, the JMH lock.
            assertUsageError(run("--run-id", "taken", "--only", "Q0RecordingCost.timestampsOnly"), "already exists");
        }
    }

    @Test
    void aResultsDirThatCannotBeMadeIsAUsageErrorWhileAnotherJmhHoldsTheLock() throws Exception {
        Path file = Files.writeString(results.resolve("a-file"), "");
        Path underAFile = file.resolve("results");
        CommandRun refused;
        try (HeldJmhLock held = HeldJmhLock.take()) {
            // Checked before the lock: another helper's benchmark must not turn a usage error into "cannot start".
            refused = CommandRun.main("run", "--results-dir", underAFile.toString(), "--only", "Q0RecordingCost.timestampsOnly");
        }
        assertUsageError(refused, "--results-dir " + underAFile);
        assertTrue(refused.err().contains(file + " is not a directory"), refused.err());
    }

    @Test
    void aRunDoesNotStartWhileAnotherJmhHoldsTheLock() throws Exception {
        CommandRun refused;
        try (HeldJmhLock held = HeldJmhLock.take()) {
            refused = run("--run-id", "locked", "--only", "Q0RecordingCost.timestampsOnly");
        }

        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("cannot start") && refused.err().contains(JmhLock.FILE.toString()), refused.err());
        assertFalse(Files.exists(results.resolve("locked")), "no run directory for a run that never started");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q0RecordingCost", "Q0RecordingCost.timestampsOnly"}) // several runs; the only run
    void aSuiteThatMeetsABusyLockStopsInsteadOfFailingEveryRun(String selection) throws Exception {
        Selection only = Selection.parse(selection);
        CommandLineOptions user = JmhOptions.parseUserArgs(List.of());
        BenchmarkPlan plan = BenchmarkPlan.build(RunCommand.compiledBenchmarks(), only, Profile.SMOKE, user,
                HostParameters.NONE, RunCommand.planRules());
        RunDirectory dir = new ResultsRoot(results).create("stopped");
        RunRecord record = new RunRecord(dir, EnvironmentProbe.ofThisHost().fingerprint(), "stopped", Profile.SMOKE, only,
                plan, Rounds.ONE, user, List.of(), List.of(), Clock.systemUTC());

        SuiteRun.Result result;
        try (HeldJmhLock held = HeldJmhLock.take()) {
            result = new SuiteRun(dir, Profile.SMOKE, plan, Rounds.ONE, user, List.of(), record).execute();
        }

        assertEquals(1, result.failures().size(), "only the run JMH refused: " + result.failures());
        assertEquals(plan.runs().size(), result.notStarted(), "none started, the refused one included");
        JsonNode env = Json.MAPPER.readTree(dir.envFile().toFile());
        assertEquals("stopped", env.get("status").asText(), "even when the refused run was the last one");
        assertFalse(env.get("complete").asBoolean());
        assertTrue(Files.readString(dir.outcomes()).contains("JMH lock"), "the refusal is recorded with its reason");
    }

    private static void assertUsageError(CommandRun result, String mentioned) {
        assertEquals(2, result.exit(), result.out() + result.err());
        assertTrue(result.err().contains(mentioned), "error should mention '" + mentioned + "': " + result.err());
    }
}
