package io.shmbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.shmbench.env.Json;
import io.shmbench.measure.IntervalLog;
import io.shmbench.shm.SuiteName;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run command end to end, in a real child JVM that forks real JMH JVMs: a smoke run of the
 * in-process benchmarks, warm-up/measurement tagging across forks, and SIGTERM in the middle of a run.
 * Iterations are cut to tens of milliseconds; nothing here asserts a timing.
 */
class SuiteRunProcessTest {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path work;

    private Path results() {
        return work.resolve("results");
    }

    private static List<Histogram> intervals(Path hlog) throws IOException {
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        List<Histogram> intervals = new ArrayList<>();
        for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
            intervals.add((Histogram) h);
        }
        reader.close();
        return intervals;
    }

    private static List<String> tags(List<Histogram> intervals) {
        return intervals.stream().map(Histogram::getTag).toList();
    }

    /** The benchmark and parameters of each result in jmh.json, e.g. {@code Q5PayloadLayout.readSnapshot features=16,...}. */
    private static Set<String> resultNames(Path jmhJson) throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode result : Json.MAPPER.readTree(jmhJson.toFile())) {
            StringBuilder name = new StringBuilder(result.get("benchmark").asText().replace("io.shmbench.bench.", ""));
            result.path("params").properties().forEach(p -> name.append(' ').append(p.getKey()).append('=').append(p.getValue().asText()));
            names.add(name.toString());
            assertTrue(result.at("/primaryMetric/score").asDouble() > 0, result.toString());
        }
        return names;
    }

    private static void assertNoSegmentsOf(Set<Long> pids) throws IOException {
        Path shm = Path.of("/dev/shm");
        if (!Files.isDirectory(shm)) {
            return;
        }
        try (Stream<Path> files = Files.list(shm)) {
            List<String> leftovers = files.map(p -> p.getFileName().toString())
                    .filter(n -> SuiteName.parse(n).map(s -> pids.contains(s.creatorPid())).orElse(false)).toList();
            assertEquals(List.of(), leftovers, "segments left in /dev/shm by the run's processes");
        }
    }

    @Test
    void smokeRunOfTheInProcessBenchmarksWritesEveryPartOfTheRunDirectory() throws Exception {
        try (SuiteProcess suite = SuiteProcess.start(work, "run", "--profile", "smoke", "--only", "\\.(Q0RecordingCost|Q1RingSideAlone|Q5PayloadLayout)\\.",
                "--run-id", "smoke", "--results-dir", results().toString())) {
            assertEquals(0, suite.waitFor(RUN_TIMEOUT), suite.output());
            assertNoSegmentsOf(suite.pidsSeen());
        }
        Path run = results().resolve("smoke");

        JsonNode env = Json.MAPPER.readTree(run.resolve("env.json").toFile());
        assertEquals("shmbench-env/1", env.get("schema").asText());
        assertTrue(env.get("complete").asBoolean());
        assertEquals("complete", env.get("status").asText());
        assertEquals("smoke", env.get("profile").asText());
        assertEquals(8, env.get("runsPlanned").asInt());
        assertEquals(8, env.get("runsCompleted").asInt());
        assertEquals(0, env.get("failedRuns").size());
        assertTrue(env.at("/jvm/forkArgsAppended").toString().contains("-Dshmbench.run.dir="), env.toString());
        assertFalse(env.get("gitCommit").asText().isEmpty());

        assertEquals(new TreeSet<>(List.of(
                "Q0RecordingCost.recordOnly",
                "Q0RecordingCost.timestampsAndRecord",
                "Q0RecordingCost.timestampsOnly",
                "Q1RingSideAlone.read messageBytes=2048 mode=OVERWRITE",
                "Q1RingSideAlone.write messageBytes=2048",
                "Q5PayloadLayout.aggregateFeature features=16 payloadLayout=AOS servers=16",
                "Q5PayloadLayout.readSnapshot features=16 payloadLayout=AOS servers=16",
                "Q5PayloadLayout.writeSnapshot features=16 payloadLayout=AOS servers=16")), resultNames(run.resolve("raw/jmh.json")));

        for (String series : List.of("Q0RecordingCost.recordOnly@.hlog", "Q0RecordingCost.timestampsAndRecord@.hlog")) {
            List<Histogram> intervals = intervals(run.resolve("raw").resolve(series));
            assertEquals(List.of(IntervalLog.WARMUP, IntervalLog.MEASUREMENT), tags(intervals), series);
            assertTrue(intervals.stream().allMatch(h -> h.getTotalCount() > 0), series);
        }
        String log = Files.readString(run.resolve("run.log"));
        assertTrue(log.contains("[8/8] Q5PayloadLayout.writeSnapshot"), log);
        assertTrue(log.contains("Iteration   1:"), "JMH's own output (relayed from the forks) is in run.log");
        assertEquals(Path.of("smoke"), Files.readSymbolicLink(results().resolve("latest")));
    }

    /**
     * {@code --rounds}: the plan runs once per round, each fork knows its round, and
     * {@code raw/rounds.csv} says which round each run was and which jmh.json entry it made. A
     * paired round trip's blocks carry their round.
     */
    @Test
    void roundsRunThePlanOncePerRoundAndRecordWhichRoundEachRunWas() throws Exception {
        try (SuiteProcess suite = SuiteProcess.start(work, "run", "--profile", "smoke", "--rounds", "2",
                "--only", "(Q0RecordingCost\\.timestampsOnly|Q2MemoryOrders\\.roundTrip)$", "--run-id", "rounds",
                "--results-dir", results().toString())) {
            assertEquals(0, suite.waitFor(RUN_TIMEOUT), suite.output());
            assertNoSegmentsOf(suite.pidsSeen());
        }
        Path run = results().resolve("rounds");
        JsonNode env = Json.MAPPER.readTree(run.resolve("env.json").toFile());
        assertEquals(2, env.get("rounds").asInt());
        assertEquals(4, env.get("runsPlanned").asInt());
        assertEquals(4, env.get("runsCompleted").asInt());

        List<CSVRecord> rows = roundsRows(run);
        assertEquals(4, rows.size());
        JsonNode jmh = Json.MAPPER.readTree(run.resolve("raw/jmh.json").toFile());
        assertEquals(4, jmh.size());
        Set<String> seen = new TreeSet<>();
        for (CSVRecord row : rows) {
            assertEquals("ok", row.get("status"));
            JsonNode result = jmh.get(Integer.parseInt(row.get("result_index")));
            assertTrue(result.get("benchmark").asText().endsWith(row.get("benchmark")), row + " -> " + result.get("benchmark"));
            assertTrue(Long.parseLong(row.get("ended_ms")) >= Long.parseLong(row.get("started_ms")));
            seen.add(row.get("round") + " " + row.get("benchmark"));
        }
        assertEquals(Set.of("1 Q0RecordingCost.timestampsOnly", "1 Q2MemoryOrders.roundTrip", "2 Q0RecordingCost.timestampsOnly",
                "2 Q2MemoryOrders.roundTrip"), seen);

        Path blocks;
        try (Stream<Path> files = Files.list(run.resolve("raw/blocks"))) {
            blocks = files.filter(p -> p.getFileName().toString().startsWith("Q2MemoryOrders.roundTrip@")).findFirst().orElseThrow();
        }
        Set<String> blockRounds = new TreeSet<>();
        try (var in = Files.newBufferedReader(blocks)) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
                    .forEach(r -> blockRounds.add(r.get("round")));
        }
        assertEquals(Set.of("1", "2"), blockRounds, "each fork writes its own round into the blocks");
    }

    private static List<CSVRecord> roundsRows(Path run) throws IOException {
        try (var in = Files.newBufferedReader(run.resolve("raw/rounds.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /**
     * {@code --budget} with rounds to spare: the plan fits as given, and a series whose first five
     * round scores lie within 5% of their median is not run in round 6. Whether this host's noise
     * lets it converge is not the test's business: it checks that the run did what the scores in
     * raw/jmh.json say it should have, either way.
     */
    @Test
    void aBudgetedRunLeavesAConvergedSeriesOutOfLaterRoundsAndSaysSo() throws Exception {
        try (SuiteProcess suite = SuiteProcess.start(work, "run", "--profile", "smoke", "--rounds", "6", "--budget", "10m",
                "--only", "Q0RecordingCost\\.timestampsOnly$", "--run-id", "converging", "--results-dir", results().toString(),
                "--", "-wi", "3", "-w", "200ms", "-i", "5", "-r", "200ms")) {
            assertEquals(0, suite.waitFor(RUN_TIMEOUT), suite.output());
        }
        Path run = results().resolve("converging");
        JsonNode env = Json.MAPPER.readTree(run.resolve("env.json").toFile());
        assertEquals("complete", env.get("status").asText());
        JsonNode budget = env.get("budget");
        assertEquals("10:00", budget.get("limit").asText());
        assertEquals(0, budget.get("reductions").size(), "fits as planned");
        assertEquals(6, budget.get("roundsPlanned").asInt());
        assertEquals(6, budget.get("roundsCompleted").asInt());
        assertFalse(budget.get("stoppedForBudget").asBoolean());

        JsonNode jmh = Json.MAPPER.readTree(run.resolve("raw/jmh.json").toFile());
        List<Double> firstFive = new ArrayList<>();
        List<CSVRecord> rows = roundsRows(run);
        for (CSVRecord row : rows) {
            if (Integer.parseInt(row.get("round")) <= 5) {
                firstFive.add(jmh.get(Integer.parseInt(row.get("result_index"))).at("/primaryMetric/score").asDouble());
            }
        }
        assertEquals(5, firstFive.size(), rows.toString());
        double spread = (firstFive.stream().mapToDouble(d -> d).max().orElseThrow() - firstFive.stream().mapToDouble(d -> d).min().orElseThrow())
                / firstFive.stream().sorted().toList().get(2);
        String log = Files.readString(run.resolve("run.log"));
        if (spread <= 0.05) {
            assertEquals(5, rows.size(), "converged after round 5: no round 6");
            assertEquals(1, budget.get("converged").size(), budget.toString());
            JsonNode converged = budget.get("converged").get(0);
            assertEquals("io.shmbench.bench.Q0RecordingCost.timestampsOnly", converged.get("benchmark").asText());
            assertEquals(5, converged.get("afterRound").asInt());
            assertEquals(spread, converged.get("relativeSpread").asDouble(), 1e-9);
            assertTrue(log.contains("after round 5, 1 series converged"), log);
        } else {
            assertEquals(6, rows.size(), "spread " + spread + " over 5 rounds: still running in round 6");
            assertEquals(0, budget.get("converged").size(), budget.toString());
        }
        assertTrue(log.contains("budget 10:00: fits as planned"), log);
        assertTrue(log.contains("budget 10:00: 6 of 6 rounds; "), log);
    }

    /**
     * A budget that fits two rounds nominally, where round 1 takes longer than its nominal time:
     * JMH's warm-up forks ({@code -wf 9}) are not in the nominal time, and their 10 forks of 0.2 s
     * iterations take more than 2 s on any machine, so the run's estimate after round 1 (its own
     * time again) passes the 4 s budget and it stops there, complete.
     */
    @Test
    void aRoundThatWouldPassTheBudgetIsNotStartedAndTheRunIsStillComplete() throws Exception {
        try (SuiteProcess suite = SuiteProcess.start(work, "run", "--profile", "smoke", "--rounds", "3", "--budget", "4s",
                "--only", "Q0RecordingCost\\.timestampsOnly$", "--run-id", "stopped", "--results-dir", results().toString(),
                "--", "-wf", "9")) {
            assertEquals(0, suite.waitFor(RUN_TIMEOUT), suite.output());
        }
        Path run = results().resolve("stopped");
        JsonNode env = Json.MAPPER.readTree(run.resolve("env.json").toFile());
        assertEquals("complete", env.get("status").asText());
        assertTrue(env.get("complete").asBoolean());
        assertEquals(2, env.get("rounds").asInt(), "the plan kept 2 of the 3 rounds asked for");
        assertEquals(1, env.get("runsCompleted").asInt());
        JsonNode budget = env.get("budget");
        assertEquals("rounds 3 -> 2", budget.get("reductions").get(0).asText());
        assertEquals(1, budget.get("roundsCompleted").asInt());
        assertTrue(budget.get("stoppedForBudget").asBoolean());
        assertEquals(List.of("1"), roundsRows(run).stream().map(r -> r.get("round")).toList(), "no row for the round not started");
        String log = Files.readString(run.resolve("run.log"));
        assertTrue(log.contains("stopping before round 2 of 2 for the budget 0:04"), log);
        assertTrue(log.contains("budget 0:04: 1 of 2 rounds, stopped there for the budget"), log);
    }

    /**
     * The whole suite under the smoke profile, as CI's gate on the benchmark matrix and the reporter:
     * every question produces results, latency series and its question CSV; the reporter turns them
     * into every tidy CSV and every figure in PNG, SVG and PDF; no peer process or segment is left.
     */
    @Test
    void smokeRunOfTheWholeSuiteCoversEveryQuestionAndIsReported() throws Exception {
        Set<Long> pids;
        try (SuiteProcess suite = SuiteProcess.start(work, "run", "--profile", "smoke", "--run-id", "all",
                "--results-dir", results().toString())) {
            assertEquals(0, suite.waitFor(Duration.ofMinutes(15)), suite.output());
            pids = suite.pidsSeen();
            assertNoSegmentsOf(pids);
        }
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> assertFalse(p.isAlive(), "process " + pid + " outlived the run"));
        }
        Path run = results().resolve("all");
        JsonNode env = Json.MAPPER.readTree(run.resolve("env.json").toFile());
        assertTrue(env.get("complete").asBoolean(), env.toString());
        assertEquals(env.get("runsPlanned").asInt(), env.get("runsCompleted").asInt());

        Set<String> results = resultNames(run.resolve("raw/jmh.json"));
        List<String> hlogs;
        try (Stream<Path> raw = Files.list(run.resolve("raw"))) {
            hlogs = raw.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hlog")).toList();
        }
        for (String question : List.of("Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7")) {
            assertTrue(results.stream().anyMatch(r -> r.startsWith(question)), question + " has JMH results: " + results);
            assertTrue(hlogs.stream().anyMatch(h -> h.startsWith(question)), question + " has latency series: " + hlogs);
        }
        for (String raw : List.of("q3_overwrite_loss.csv", "q6_placements.csv", "q6_core_matrix.csv", "q7_faults.csv")) {
            assertTrue(Files.size(run.resolve("raw").resolve(raw)) > 0, raw);
        }
        for (String csv : List.of("latency_summary.csv", "latency_percentiles.csv", "throughput.csv", "floor_multiples.csv",
                "q3_loss.csv", "q6_placements.csv", "q6_core_matrix.csv", "q7_faults.csv")) {
            assertTrue(Files.readAllLines(run.resolve("csv").resolve(csv)).size() > 1, csv + " has a header and rows");
        }
        Path plots = work.resolve("plots/all");
        assertTrue(Files.exists(plots.resolve("index.html")), "index page");
        List<String> figures;
        try (Stream<Path> files = Files.list(plots)) {
            figures = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .map(n -> n.substring(0, n.length() - 4)).toList();
        }
        for (String question : List.of("q1", "q2", "q3", "q4", "q5", "q6", "q7")) {
            assertTrue(figures.stream().anyMatch(f -> f.startsWith(question + "_")), question + " has figures: " + figures);
        }
        for (String figure : figures) {
            for (String kind : List.of(".svg", ".pdf")) {
                assertTrue(Files.size(plots.resolve(figure + kind)) > 0, figure + kind);
            }
        }
    }

    @Test
    void everyForkAppendsItsWarmupAndMeasurementIntervalsInOrder() throws Exception {
        try (SuiteProcess suite = SuiteProcess.start(work, "run", "--only", "Q0RecordingCost.timestampsAndRecord",
                "--run-id", "tagged", "--results-dir", results().toString(),
                "--", "-wi", "2", "-w", "50ms", "-i", "3", "-r", "50ms", "-f", "2")) {
            assertEquals(0, suite.waitFor(RUN_TIMEOUT), suite.output());
        }
        Path hlog = results().resolve("tagged/raw/Q0RecordingCost.timestampsAndRecord@.hlog");

        List<Histogram> intervals = intervals(hlog);

        String w = IntervalLog.WARMUP;
        String m = IntervalLog.MEASUREMENT;
        assertEquals(List.of(w, w, m, m, m, w, w, m, m, m), tags(intervals));
        for (int i = 0; i < intervals.size(); i++) {
            assertTrue(intervals.get(i).getTotalCount() > 0, "interval " + i + " recorded operations");
            if (i > 0) {
                assertTrue(intervals.get(i).getStartTimeStamp() >= intervals.get(i - 1).getStartTimeStamp(),
                        "interval " + i + " starts after the one before it");
            }
        }
        List<String> forkComments = Files.readAllLines(hlog).stream().filter(l -> l.startsWith("#fork pid")).toList();
        assertEquals(2, forkComments.size(), forkComments.toString());
        assertFalse(forkComments.get(0).equals(forkComments.get(1)), "two different forks wrote: " + forkComments);
    }

    @Test
    void sigtermStopsTheForksKeepsWhatWasMeasuredAndMarksTheRunIncomplete() throws Exception {
        Path run = results().resolve("cut");
        Path jmhJson = run.resolve("raw/jmh.json");
        Path secondSeries = run.resolve("raw/Q0RecordingCost.timestampsAndRecord@.hlog");
        List<ProcessHandle> forks;
        try (SuiteProcess suite = SuiteProcess.start(work, "run", "--only", "Q0RecordingCost", "--run-id", "cut",
                "--results-dir", results().toString(), "--", "-wi", "1", "-w", "50ms", "-i", "200", "-r", "50ms", "-f", "1")) {
            // The first of three runs (recordOnly) finishes; the second has measured a little when the signal comes.
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            while (!(Files.exists(jmhJson) && Files.exists(secondSeries) && measuredIntervals(secondSeries) >= 2)) {
                assertTrue(suite.process().isAlive(), "the run ended before it could be interrupted\n" + suite.output());
                assertTrue(System.nanoTime() < deadline, "the second run never started measuring\n" + suite.output());
                Thread.sleep(50);
            }
            forks = suite.process().descendants().toList();
            assertFalse(forks.isEmpty(), "a JMH fork should be running");

            suite.process().destroy(); // SIGTERM

            int exit = suite.waitFor(Duration.ofSeconds(60));
            assertEquals(143, exit, "128 + SIGTERM, as README says: an interrupted run does not report success");
            for (ProcessHandle fork : forks) {
                fork.onExit().completeOnTimeout(fork, 30, java.util.concurrent.TimeUnit.SECONDS).join();
                assertFalse(fork.isAlive(), "fork " + fork.pid() + " outlived the interrupted run");
            }
        }

        JsonNode env = Json.MAPPER.readTree(run.resolve("env.json").toFile());
        assertFalse(env.get("complete").asBoolean(), env.toString());
        assertEquals("interrupted", env.get("status").asText());
        assertEquals(3, env.get("runsPlanned").asInt());
        assertEquals(1, env.get("runsCompleted").asInt());
        assertFalse(env.get("finished").isNull());
        assertEquals(Set.of("Q0RecordingCost.recordOnly"), resultNames(jmhJson), "the finished run is kept");
        assertTrue(measuredIntervals(secondSeries) >= 2, "the interrupted run's intervals are kept");
        assertTrue(Files.readString(run.resolve("run.log")).contains("interrupted"));
        assertFalse(Files.readString(run.resolve("run.log")).contains("[3/3]"), "no run started after the signal");
    }

    /**
     * SIGTERM in the middle of a cross-process benchmark: the JMH fork and the peer JVM it started
     * are stopped, the ring segments they shared are removed, and the run is marked incomplete.
     */
    @Test
    void sigtermDuringACrossProcessBenchmarkLeavesNoPeerAndNoSegment() throws Exception {
        Path run = results().resolve("cut-peer");
        Path series = run.resolve("raw/Q2MemoryOrders.roundTrip@memoryOrder=RELEASE_ACQUIRE,messageBytes=64.hlog");
        Set<Long> pids = new TreeSet<>();
        List<ProcessHandle> children;
        try (SuiteProcess suite = SuiteProcess.start(work, "run", "--only", "Q2MemoryOrders.roundTrip", "--run-id", "cut-peer",
                "--results-dir", results().toString(), "--", "-p", "memoryOrder=RELEASE_ACQUIRE", "-p", "messageBytes=64",
                "-wi", "1", "-w", "50ms", "-i", "400", "-r", "50ms", "-f", "1")) {
            long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
            while (!(Files.exists(series) && measuredIntervals(series) >= 2)) {
                assertTrue(suite.process().isAlive(), "the run ended before it could be interrupted\n" + suite.output());
                assertTrue(System.nanoTime() < deadline, "the benchmark never started measuring\n" + suite.output());
                Thread.sleep(50);
            }
            children = suite.process().descendants().toList();
            assertTrue(children.size() >= 2, "a JMH fork and its peer JVM should be running: " + children);
            pids.add(suite.process().pid());
            children.forEach(c -> pids.add(c.pid()));

            suite.process().destroy(); // SIGTERM

            assertTrue(suite.waitFor(Duration.ofSeconds(60)) != 0, "an interrupted run does not report success");
        }
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 30, java.util.concurrent.TimeUnit.SECONDS).join();
            assertFalse(child.isAlive(), "process " + child.pid() + " outlived the interrupted run");
        }
        assertNoSegmentsOf(pids);
        JsonNode env = Json.MAPPER.readTree(run.resolve("env.json").toFile());
        assertFalse(env.get("complete").asBoolean(), env.toString());
    }

    private static long measuredIntervals(Path hlog) {
        try {
            return intervals(hlog).stream().filter(h -> IntervalLog.MEASUREMENT.equals(h.getTag())).count();
        } catch (IOException | RuntimeException e) {
            return 0; // being written
        }
    }
}
