package io.shmbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
        assertFalse(Files.exists(results.resolve("latest")), "nothing ran");
    }

    @Test
    void anExistingRunIsNeverOverwritten() throws Exception {
        Files.createDirectories(results.resolve("taken"));

        assertUsageError(run("--run-id", "taken", "--only", "Q0RecordingCost.timestampsOnly"), "already exists");
    }

    private static void assertUsageError(CommandRun result, String mentioned) {
        assertEquals(2, result.exit(), result.out() + result.err());
        assertTrue(result.err().contains(mentioned), "error should mention '" + mentioned + "': " + result.err());
    }
}
