package io.shmbench.report;

import io.shmbench.report.chart.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A missing, empty or corrupt input gives an error that names the file and what is wrong, the
 * report exits non-zero, and every figure that does not need that input is still made.
 */
class ReportBadInputTest {
    @TempDir
    Path dir;

    private static Set<String> figureIds(ReportFixture r) {
        return r.result.figures().figures().stream().map(Figure::id).collect(Collectors.toSet());
    }

    private static void assertError(ReportFixture r, String... fragments) {
        assertEquals(1, r.result.exitCode(), "exit code");
        List<String> errors = r.result.problems().errors();
        assertTrue(errors.stream().anyMatch(e -> List.of(fragments).stream().allMatch(e::contains)),
                "expected an error containing " + List.of(fragments) + ", got " + errors);
        assertTrue(r.err.contains("error: "), r.err);
    }

    /** Every figure file of the report exists (what could be made was written). */
    private static void assertFiguresWritten(FixtureRun f, ReportFixture r) {
        for (Figure fig : r.result.figures().figures()) {
            for (String ext : List.of(".png", ".svg", ".pdf")) {
                assertTrue(Files.isRegularFile(f.plotsDir.resolve(fig.id() + ext)), fig.id() + ext);
            }
        }
        assertTrue(Files.isRegularFile(f.plotsDir.resolve("index.html")));
    }

    @Test
    void aRunOfThroughputBenchmarksOnlyHasNoLatencyLogsAndThatIsFine() throws Exception {
        FixtureRun f = new FixtureRun(dir);
        f.env("shmbench-env/1");
        f.throughput("Q3Slots.throughput", java.util.Map.of("slots", "4", "messageBytes", "64"), 8e6, "ops/s", 1e6);
        f.jmhFile();
        ReportFixture r = ReportFixture.report(f);

        assertEquals(0, r.result.exitCode(), r.result.problems().errors().toString());
        assertTrue(r.result.problems().notes().stream().anyMatch(n -> n.contains("no .hlog")), r.result.problems().notes().toString());
        assertTrue(figureIds(r).contains("q3_throughput_throughput_vs_slots"), figureIds(r).toString());
    }

    @Test
    void missingJmhJsonKeepsTheLatencyFigures() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        Files.delete(f.raw("jmh.json"));
        ReportFixture r = ReportFixture.report(f);
        assertError(r, "jmh.json", "missing");
        Set<String> ids = figureIds(r);
        assertTrue(ids.containsAll(Set.of("q1_roundTrip_percentiles_64B", "q2_roundTrip_latency_64B_shm-ring",
                "q3_loss_fraction_vs_slots", "q6_core_matrix_p50", "q7_detection_time")), ids.toString());
        assertFalse(ids.contains("q1_stream_throughput_msgs"));
        assertFiguresWritten(f, r);
        assertTrue(Files.readString(f.plotsDir.resolve("index.html")).contains("jmh.json: missing"));
        assertEquals(ReportCsvTest.HEAD.indexOf("benchmark"), ReportFixture.header(f.csvOut("throughput.csv")).indexOf("benchmark"),
                "header still written");
    }

    @Test
    void emptyJmhJson() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        Files.writeString(f.raw("jmh.json"), "");
        ReportFixture r = ReportFixture.report(f);
        assertError(r, "raw/jmh.json", "empty");
        assertTrue(figureIds(r).contains("q1_roundTrip_percentiles_64B"));
        assertFiguresWritten(f, r);
    }

    @Test
    void truncatedJmhJsonNamesTheLine() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        String json = Files.readString(f.raw("jmh.json"));
        Files.writeString(f.raw("jmh.json"), json.substring(0, json.length() / 2));
        ReportFixture r = ReportFixture.report(f);
        assertError(r, "raw/jmh.json", "not valid JSON at line");
        assertTrue(figureIds(r).contains("q3_roundTrip_latency_vs_slots"));
    }

    @Test
    void jmhJsonOfTheWrongShape() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        Files.writeString(f.raw("jmh.json"), "{\"benchmark\": \"x\"}");
        assertError(ReportFixture.report(f), "raw/jmh.json", "expected a JSON array of JMH results");
    }

    @Test
    void oneBadJmhEntryIsSkippedTheOthersKept() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        String json = Files.readString(f.raw("jmh.json"));
        Files.writeString(f.raw("jmh.json"), json.replaceFirst("\"primaryMetric\"", "\"primaryMetricX\""));
        ReportFixture r = ReportFixture.report(f);
        assertError(r, "raw/jmh.json", "result #1 skipped", "primaryMetric missing");
        assertEquals(f.jmh.size() - 1, ReportFixture.csv(f.csvOut("throughput.csv")).size());
    }

    @Test
    void corruptHlogLineIsReportedNotSilentlyCut() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        String name = f.expected.keySet().iterator().next();
        List<String> lines = Files.readAllLines(f.raw(name));
        int last = lines.size() - 1;
        lines.set(last - 1, "garbage that is not an interval");
        Files.write(f.raw(name), lines);
        ReportFixture r = ReportFixture.report(f);
        assertError(r, name, "corrupt", "interval");
        assertEquals(f.expected.size() - 1, ReportFixture.csv(f.csvOut("latency_summary.csv")).size(),
                "the corrupt series is left out, the others are reported");
        assertFiguresWritten(f, r);
        assertTrue(figureIds(r).contains("q1_stream_throughput_msgs"));
    }

    @Test
    void truncatedHlogPayload() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        String name = f.expected.keySet().stream().filter(n -> n.startsWith("Q3")).findFirst().orElseThrow();
        String text = Files.readString(f.raw(name));
        Files.writeString(f.raw(name), text.substring(0, text.length() - 40));
        assertError(ReportFixture.report(f), name, "corrupt");
    }

    @Test
    void emptyHlogAndBadHlogName() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        Files.writeString(f.raw("Q1Transports.roundTrip@messageBytes=8,transport=pipe.hlog"), "");
        Files.writeString(f.raw("not-a-benchmark.hlog"), "#nothing\n");
        ReportFixture r = ReportFixture.report(f);
        assertError(r, "Q1Transports.roundTrip@messageBytes=8,transport=pipe.hlog", "empty");
        assertError(r, "not-a-benchmark.hlog", "file name does not follow");
        assertEquals(f.expected.size(), ReportFixture.csv(f.csvOut("latency_summary.csv")).size());
    }

    @Test
    void hlogWithOnlyWarmupIsANoteNotAnError() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        f.hlog("Q1Transports.roundTrip", java.util.Map.of("transport", "fifo", "messageBytes", "64"), 500, 0, 2);
        ReportFixture r = ReportFixture.report(f);
        assertEquals(0, r.result.exitCode(), r.err);
        assertTrue(r.result.problems().notes().stream().anyMatch(n -> n.contains("transport=fifo") && n.contains("only warm-up")));
    }

    @Test
    void unknownEnvSchemaIsAnErrorButEverythingIsMade() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        f.env("shmbench-env/99");
        ReportFixture r = ReportFixture.report(f);
        assertError(r, "env.json", "unknown schema 'shmbench-env/99'", "shmbench-env/1");
        assertEquals(ReportFiguresTest.EXPECTED, figureIds(r));
        assertFiguresWritten(f, r);
    }

    @Test
    void missingAndCorruptEnvJson() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        Files.delete(f.runDir.resolve("env.json"));
        assertError(ReportFixture.report(f), "env.json", "missing");
        Files.writeString(f.runDir.resolve("env.json"), "{\"schema\": ");
        ReportFixture r = ReportFixture.report(f);
        assertError(r, "env.json", "not valid JSON");
        assertTrue(Files.readString(f.plotsDir.resolve("index.html")).contains("env.json could not be read"));
    }

    @Test
    void corruptQuestionCsvNamesLineAndColumn() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        String csv = Files.readString(f.raw("q3_overwrite_loss.csv"));
        Files.writeString(f.raw("q3_overwrite_loss.csv"), csv.replaceFirst("\n1,1,100000", "\nx,1,100000"));
        ReportFixture r = ReportFixture.report(f);
        assertError(r, "q3_overwrite_loss.csv", "line 2, column slots", "'x' is not an integer");
        assertFalse(figureIds(r).contains("q3_loss_fraction_vs_slots"));
        assertTrue(r.result.figures().skipped().get("Q3").stream().anyMatch(s -> s.contains("loss")));
        assertTrue(figureIds(r).contains("q3_roundTrip_latency_vs_slots"));
    }

    @Test
    void questionCsvMissingAColumnAndUnknownStatus() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        f.csv("q7_faults.csv", List.of("scenario", "trial", "value"), List.of(List.of("a", "1", "2")));
        f.csv("outcomes.csv", List.of("benchmark", "params", "status", "detail"),
                List.of(List.of("Q2MemoryOrders.roundTrip", "memoryOrder=PLAIN", "exploded", "")));
        ReportFixture r = ReportFixture.report(f);
        assertError(r, "q7_faults.csv", "header lacks column(s) [metric]");
        assertError(r, "outcomes.csv", "line 2", "unknown status 'exploded'");
        assertTrue(r.result.figures().skipped().containsKey("Q7"));
    }

    @Test
    void questionWithoutDataIsSkippedWithANote() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        Files.delete(f.raw("q7_faults.csv"));
        try (var logs = Files.list(f.runDir.resolve("raw"))) {
            for (Path p : logs.filter(p -> p.getFileName().toString().startsWith("Q5")).toList()) {
                Files.delete(p);
            }
        }
        ReportFixture r = ReportFixture.report(f);
        assertEquals(0, r.result.exitCode(), r.err);
        assertFalse(r.result.figures().skipped().containsKey("Q5"), "raw/jmh.json still holds Q5's in-process average time");
        assertTrue(r.ids().stream().anyMatch(id -> id.startsWith("q5_write_time")), r.ids().toString());
        assertTrue(r.result.figures().skipped().get("Q7").getFirst().contains("q7_faults.csv"));
        String html = Files.readString(f.plotsDir.resolve("index.html"));
        assertTrue(html.contains("Not shown: no raw/q7_faults.csv in this run"));
    }

    private static final String SAME_PAIR = "Q3Slots.roundTrip";
    private static final java.util.Map<String, String> SAME_PAIR_PARAMS = java.util.Map.of("slots", "32", "transport", "shm-ring");
    private static final String BLOCKS = "blocks/" + SamePairFixture.stem(SAME_PAIR, SAME_PAIR_PARAMS) + ".csv";

    /** The standard fixture plus one round-trip series with its same-pair floor, blocks and raw/rounds.csv. */
    private FixtureRun withSamePair() throws Exception {
        FixtureRun f = FixtureRun.standard(dir);
        SamePairFixture s = new SamePairFixture(f);
        double[] floors = SamePairFixture.hostFloors(200, 0.3, 5);
        s.roundTrip(1, SAME_PAIR, SAME_PAIR_PARAMS, 77, SamePairCsvTest.repeat(300, 100), SamePairCsvTest.repeat(120, 100),
                floors, SamePairFixture.ratios(floors, 2, 3, 6));
        s.write();
        return f;
    }

    /** Replaces line {@code line} (1 = header) of a raw file. */
    private static void setLine(FixtureRun f, String file, int line, java.util.function.UnaryOperator<String> edit) throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f.raw(file)));
        lines.set(line - 1, edit.apply(lines.get(line - 1)));
        Files.write(f.raw(file), lines);
    }

    /** The rest of the run is reported: every latency series, the other figures, the index page. */
    private static void assertRestMade(FixtureRun f, ReportFixture r) throws Exception {
        assertEquals(f.expected.size() + 1, ReportFixture.csv(f.csvOut("latency_summary.csv")).size());
        assertTrue(figureIds(r).containsAll(Set.of("q1_roundTrip_percentiles_64B", "q3_roundTrip_latency_vs_slots")));
        assertFiguresWritten(f, r);
    }

    @Test
    void aSamePairRunWithGoodFilesReportsCleanly() throws Exception {
        ReportFixture r = ReportFixture.report(withSamePair());
        assertEquals(0, r.result.exitCode(), r.err);
    }

    @Test
    void aBlockWithAFloorOfZeroNamesFileLineAndColumn() throws Exception {
        FixtureRun f = withSamePair();
        setLine(f, BLOCKS, 3, l -> l.substring(0, l.lastIndexOf(',')) + ",0");
        ReportFixture r = ReportFixture.report(f);
        assertError(r, BLOCKS, "line 3, column floor_p50_ns", "not a positive number");
        assertRestMade(f, r);
        List<org.apache.commons.csv.CSVRecord> rows = ReportFixture.csv(f.csvOut("floor_multiples.csv")).stream()
                .filter(x -> x.get("slots").equals("32")).toList();
        assertEquals(1, rows.size(), "the series keeps a row for its floor .hlog");
        assertEquals("", rows.getFirst().get("p50_x_floor"), "but no p50 multiple from the corrupt blocks");
    }

    @Test
    void aBlockCountBelowOneOrNotANumber() throws Exception {
        FixtureRun f = withSamePair();
        setLine(f, BLOCKS, 4, l -> l.replaceFirst("^(([^,]*,){4})100,", "$1-3,"));
        assertError(ReportFixture.report(f), BLOCKS, "line 4, column series_round_trips", "-3 is not positive");
        setLine(f, BLOCKS, 4, l -> l.replaceFirst("^(([^,]*,){4})-3,", "$1abc,"));
        assertError(ReportFixture.report(f), BLOCKS, "line 4, column series_round_trips", "'abc' is not an integer");
    }

    @Test
    void aBlocksFileWithAWrongHeader() throws Exception {
        FixtureRun f = withSamePair();
        setLine(f, BLOCKS, 1, l -> l.replace("floor_p50_ns", "floor_median"));
        ReportFixture r = ReportFixture.report(f);
        assertError(r, BLOCKS, "header lacks column(s) [floor_p50_ns]");
        assertRestMade(f, r);
    }

    @Test
    void aBlockOfARoundThatRoundsCsvDoesNotKnow() throws Exception {
        FixtureRun f = withSamePair();
        setLine(f, BLOCKS, 2, l -> "5" + l.substring(l.indexOf(',')));
        assertError(ReportFixture.report(f), BLOCKS, "line 2", "round 5 is not a round of raw/rounds.csv");
    }

    @Test
    void aCorruptRoundsCsvIsReportedAndTheRunReportedWithoutRounds() throws Exception {
        FixtureRun f = withSamePair();
        setLine(f, "rounds.csv", 2, l -> "0" + l.substring(l.indexOf(',')));
        ReportFixture r = ReportFixture.report(f);
        assertError(r, "rounds.csv", "line 2, column round", "0 is not positive");
        assertRestMade(f, r);
        assertTrue(ReportFixture.csv(f.csvOut("round_values.csv")).isEmpty());
        assertTrue(ReportFixture.csv(f.csvOut("floor_multiples.csv")).stream()
                .anyMatch(x -> x.get("slots").equals("32") && !x.get("p50_x_floor").isEmpty()), "blocks still used");

        setLine(f, "rounds.csv", 2, l -> "1" + l.substring(l.indexOf(',')).replaceFirst(",ok,", ",fine,"));
        assertError(ReportFixture.report(f), "rounds.csv", "line 2", "unknown status 'fine'");
        setLine(f, "rounds.csv", 2, l -> l.replaceFirst(",fine,", ",ok,").replaceFirst(",(\\d+),ok,", ",1,ok,"));
        assertError(ReportFixture.report(f), "rounds.csv", "line 2", "ended_ms 1 is before started_ms");
    }

    @Test
    void aResultIndexBeyondJmhJson() throws Exception {
        FixtureRun f = withSamePair();
        setLine(f, "rounds.csv", 2, l -> l + "999");
        assertError(ReportFixture.report(f), "rounds.csv", "line 2", "result_index 999 is beyond raw/jmh.json");
    }

    @Test
    void blocksWithoutTheirFloorLogAreAnError() throws Exception {
        FixtureRun f = withSamePair();
        Files.delete(f.raw("floor").resolve(SamePairFixture.stem(SAME_PAIR, SAME_PAIR_PARAMS) + ".hlog"));
        ReportFixture r = ReportFixture.report(f);
        assertError(r, "raw/floor/" + SamePairFixture.stem(SAME_PAIR, SAME_PAIR_PARAMS) + ".hlog", "missing");
        assertRestMade(f, r);
    }
}
