package io.shmbench.report;

import io.shmbench.measure.SeriesName;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tidy CSV of a fixture run hold exactly what HdrHistogram and JMH report, in the documented columns. */
class ReportCsvTest {
    static final List<String> KEYS = List.of("question", "benchmark", "transport", "message_bytes", "slots",
            "memory_order", "padding", "payload_layout", "placement", "wait_strategy", "servers", "other_params");
    /** The columns every tidy CSV starts with: where the row came from. */
    static final List<String> RUN = List.of("run_id", "host");
    /** The run columns, then the key columns: how every table about a benchmark starts. */
    static final List<String> HEAD;

    static {
        List<String> head = new ArrayList<>(RUN);
        head.addAll(KEYS);
        HEAD = List.copyOf(head);
    }

    @TempDir
    static Path dir;
    static FixtureRun fixture;
    static ReportFixture report;

    @BeforeAll
    static void run() throws Exception {
        fixture = FixtureRun.standard(dir);
        report = ReportFixture.report(fixture);
    }

    private static List<String> cols(String... more) {
        List<String> c = new ArrayList<>(HEAD);
        c.addAll(List.of(more));
        return c;
    }

    private static List<String> run(String... more) {
        List<String> c = new ArrayList<>(RUN);
        c.addAll(List.of(more));
        return c;
    }

    @Test
    void everyFileSaysWhichRunAndHostItsRowsCameFrom() throws Exception {
        for (java.nio.file.Path file : report.result.csvFiles()) {
            assertEquals(RUN, ReportFixture.header(file).subList(0, 2), file.toString());
            for (CSVRecord r : ReportFixture.csv(file)) {
                assertEquals(FixtureRun.RUN_ID, r.get("run_id"), file + " " + r);
                assertEquals(FixtureRun.HOST, r.get("host"), file + " " + r);
            }
        }
    }

    private static Map<List<String>, Histogram> expectedByKey() throws Exception {
        Map<List<String>, Histogram> byKey = new HashMap<>();
        for (var e : fixture.expected.entrySet()) {
            byKey.put(KeyColumns.values(LatencyLogReader.keyOf(Path.of(e.getKey()))), e.getValue());
        }
        return byKey;
    }

    private static List<String> key(CSVRecord r) {
        return KEYS.stream().map(r::get).toList();
    }

    @Test
    void reportsWithoutErrors() {
        assertEquals(0, report.result.exitCode(), report.err);
        assertTrue(report.result.problems().errors().isEmpty(), report.result.problems().errors().toString());
    }

    @Test
    void latencySummaryEqualsHdrHistogramOfMeasurementIntervals() throws Exception {
        Path file = fixture.csvOut("latency_summary.csv");
        assertEquals(cols("samples", "min_ns", "p50_ns", "p90_ns", "p99_ns", "p99_9_ns", "p99_99_ns", "max_ns", "mean_ns"),
                ReportFixture.header(file));
        List<CSVRecord> rows = ReportFixture.csv(file);
        Map<List<String>, Histogram> expected = expectedByKey();
        assertEquals(expected.size(), rows.size(), "one row per .hlog");
        for (CSVRecord r : rows) {
            Histogram h = expected.get(key(r));
            assertTrue(h != null, "unexpected row " + r);
            assertEquals(h.getTotalCount(), Long.parseLong(r.get("samples")));
            assertEquals(h.getMinValue(), Long.parseLong(r.get("min_ns")));
            assertEquals(h.getValueAtPercentile(50), Long.parseLong(r.get("p50_ns")));
            assertEquals(h.getValueAtPercentile(90), Long.parseLong(r.get("p90_ns")));
            assertEquals(h.getValueAtPercentile(99), Long.parseLong(r.get("p99_ns")));
            assertEquals(h.getValueAtPercentile(99.9), Long.parseLong(r.get("p99_9_ns")));
            assertEquals(h.getValueAtPercentile(99.99), Long.parseLong(r.get("p99_99_ns")));
            assertEquals(h.getMaxValue(), Long.parseLong(r.get("max_ns")));
            assertEquals(h.getMean(), Double.parseDouble(r.get("mean_ns")));
            // Warm-up intervals (values near 0.9 s) are not in the series.
            assertTrue(Long.parseLong(r.get("max_ns")) < FixtureRun.WARMUP_VALUE_NS / 2, r.toString());
        }
    }

    @Test
    void keyColumnsSplitTheParameters() throws Exception {
        List<CSVRecord> rows = ReportFixture.csv(fixture.csvOut("latency_summary.csv"));
        CSVRecord q4 = rows.stream().filter(r -> r.get("question").equals("Q4")).findFirst().orElseThrow();
        assertEquals("Q4Padding.roundTrip", q4.get("benchmark"));
        assertEquals("shm-ring", q4.get("transport"));
        assertEquals("", q4.get("message_bytes"), "a parameter that does not apply is empty");
        assertTrue(q4.get("other_params").startsWith("cacheRemoteIndex="), q4.get("other_params"));
        CSVRecord q5 = rows.stream().filter(r -> r.get("question").equals("Q5")).findFirst().orElseThrow();
        assertTrue(List.of("AoS", "SoA", "hybrid").contains(q5.get("payload_layout")));
        assertTrue(List.of("16", "64", "256").contains(q5.get("servers")));
    }

    @Test
    void percentileDistributionIsHdrHistogramsOwn() throws Exception {
        Path file = fixture.csvOut("latency_percentiles.csv");
        assertEquals(cols("percentile", "latency_ns"), ReportFixture.header(file));
        Map<List<String>, List<CSVRecord>> bySeries = new HashMap<>();
        for (CSVRecord r : ReportFixture.csv(file)) {
            bySeries.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
        }
        Map<List<String>, Histogram> expected = expectedByKey();
        assertEquals(expected.keySet(), bySeries.keySet());
        for (var e : expected.entrySet()) {
            List<CSVRecord> rows = bySeries.get(e.getKey());
            List<HistogramIterationValue> values = new ArrayList<>();
            for (HistogramIterationValue v : e.getValue().percentiles(5)) {
                values.add(v);
                CSVRecord r = rows.get(values.size() - 1);
                assertEquals(v.getPercentileLevelIteratedTo(), Double.parseDouble(r.get("percentile")));
                assertEquals(v.getValueIteratedTo(), Long.parseLong(r.get("latency_ns")));
            }
            assertEquals(values.size(), rows.size());
        }
    }

    @Test
    void averageTimeResultsReachTheirOwnTableInNanoseconds() throws Exception {
        Path file = fixture.csvOut("operation_times.csv");
        assertEquals(cols("mode", "ns_per_op", "ns_per_op_error", "rounds"), ReportFixture.header(file));
        Map<String, CSVRecord> byBenchmark = new HashMap<>();
        ReportFixture.csv(file).forEach(r -> byBenchmark.put(r.get("benchmark"), r));
        assertEquals(java.util.Set.of("Q5PayloadLayout.write", "Q1RingSideAlone.write", "Q0RecordingCost.recordOnly"),
                byBenchmark.keySet(), "every avgt result, and no thrpt one");
        CSVRecord side = byBenchmark.get("Q1RingSideAlone.write");
        assertEquals("avgt", side.get("mode"));
        assertEquals(150, Double.parseDouble(side.get("ns_per_op")), 1e-9, "0.15 us/op is 150 ns");
        assertEquals(1000, Double.parseDouble(side.get("ns_per_op_error")), 1e-9, "the error converts with the score");
        assertEquals("2048", side.get("message_bytes"));
        assertEquals("Q1", side.get("question"));
        assertEquals(640, Double.parseDouble(byBenchmark.get("Q5PayloadLayout.write").get("ns_per_op")), 1e-9);
        assertEquals("1", byBenchmark.get("Q0RecordingCost.recordOnly").get("rounds"));
    }

    @Test
    void throughputEqualsJmhScores() throws Exception {
        Path file = fixture.csvOut("throughput.csv");
        assertEquals(cols("msgs_per_s", "msgs_per_s_error", "bytes_per_s", "cpu_ns_per_msg"), ReportFixture.header(file));
        List<CSVRecord> rows = ReportFixture.csv(file);
        assertEquals(fixture.jmh.size(), rows.size(), "one row per thrpt result; the avgt result is not throughput");
        for (Map<String, Object> j : fixture.jmh) {
            @SuppressWarnings("unchecked")
            Map<String, String> params = (Map<String, String>) j.get("params");
            List<String> key = KeyColumns.values(SeriesName.of((String) j.get("benchmark"), params));
            CSVRecord r = rows.stream().filter(x -> key(x).equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
            double factor = j.get("unit").equals("ops/us") ? 1e6 : 1;
            double score = (double) j.get("score") * factor;
            assertEquals(score, Double.parseDouble(r.get("msgs_per_s")));
            double error = (double) j.get("error");
            if (Double.isNaN(error)) {
                assertEquals("", r.get("msgs_per_s_error"), "JMH's NaN error stays empty");
            } else {
                assertEquals(error * factor, Double.parseDouble(r.get("msgs_per_s_error")));
            }
            if (params.containsKey("messageBytes")) {
                assertEquals(score * Long.parseLong(params.get("messageBytes")), Double.parseDouble(r.get("bytes_per_s")));
            } else {
                assertEquals("", r.get("bytes_per_s"));
            }
            assertEquals((double) j.get("cpu"), Double.parseDouble(r.get("cpu_ns_per_msg")), 1e-9);
        }
    }

    /**
     * A run made before the same-pair floor (no raw/floor/, raw/blocks/ or raw/rounds.csv) still gets
     * its multiples as before: each Q1 round trip over the floor of the same size measured in other
     * forks, now in the cross-fork columns, the same-pair ones empty.
     */
    @Test
    void anOldRunGetsCrossForkMultiplesOnly() throws Exception {
        List<CSVRecord> rows = ReportFixture.csv(fixture.csvOut("floor_multiples.csv"));
        assertEquals(FixtureRun.Q1_TRANSPORTS.size() * FixtureRun.Q1_SIZES.size(), rows.size());
        Map<List<String>, Histogram> expected = expectedByKey();
        for (CSVRecord r : rows) {
            assertEquals("all", r.get("host_state"));
            Histogram series = expected.get(key(r));
            Histogram floor = expected.get(KeyColumns.values(SeriesName.of("Q1Transports.roundTrip",
                    Map.of("transport", "floor", "messageBytes", r.get("message_bytes")))));
            assertEquals(series.getValueAtPercentile(50), Long.parseLong(r.get("p50_ns")));
            assertEquals(series.getValueAtPercentile(99), Long.parseLong(r.get("p99_ns")));
            assertEquals(floor.getValueAtPercentile(50), Long.parseLong(r.get("cross_fork_floor_p50_ns")));
            assertEquals(floor.getValueAtPercentile(99), Long.parseLong(r.get("cross_fork_floor_p99_ns")));
            assertEquals((double) series.getValueAtPercentile(50) / floor.getValueAtPercentile(50),
                    Double.parseDouble(r.get("cross_fork_p50_x_floor")), 1e-12);
            assertEquals((double) series.getValueAtPercentile(99) / floor.getValueAtPercentile(99),
                    Double.parseDouble(r.get("cross_fork_p99_x_floor")), 1e-12);
            for (String samePair : List.of("blocks", "block_share", "floor_p50_ns", "p50_x_floor", "p50_x_floor_low",
                    "p50_x_floor_high", "floor_p99_ns", "p99_x_floor", "p99_x_floor_low", "p99_x_floor_high", "rounds")) {
                assertEquals("", r.get(samePair), samePair + " without the same-pair floor");
            }
        }
        assertTrue(ReportFixture.csv(fixture.csvOut("round_values.csv")).isEmpty(), "no rounds: header only");
        assertTrue(ReportFixture.csv(fixture.csvOut("round_summary.csv")).isEmpty(), "no rounds: header only");
        assertTrue(report.out.contains("Round trip at 64 B"), report.out);
        assertTrue(report.out.contains("cross-fork p50/floor") && !report.out.contains("same-pair"), report.out);
        for (String t : FixtureRun.Q1_TRANSPORTS) {
            assertTrue(report.out.lines().anyMatch(l -> l.trim().startsWith(t + " ")), "summary line for " + t);
        }
    }

    @Test
    void questionCsvFilesHaveTheirDocumentedShape() throws Exception {
        List<CSVRecord> outcomes = ReportFixture.csv(fixture.csvOut("outcomes.csv"));
        assertEquals(cols("status", "detail"), ReportFixture.header(fixture.csvOut("outcomes.csv")));
        assertEquals(5, outcomes.size());
        assertTrue(outcomes.stream().anyMatch(r -> r.get("memory_order").equals("PLAIN") && r.get("status").equals("timed out")));

        assertEquals(run("rate_ratio", "slots", "trials", "written", "delivered", "missed", "loss_fraction",
                "staleness_p50_ns", "staleness_p99_ns", "lap_policy"), ReportFixture.header(fixture.csvOut("q3_loss.csv")));
        List<CSVRecord> loss = ReportFixture.csv(fixture.csvOut("q3_loss.csv"));
        assertEquals(20, loss.size());
        CSVRecord one = loss.stream().filter(r -> r.get("rate_ratio").equals("4") && r.get("slots").equals("1")).findFirst().orElseThrow();
        assertEquals(0.375, Double.parseDouble(one.get("loss_fraction")));
        assertEquals("oldest", one.get("lap_policy"), "a raw file without the column is from before there was a choice");

        assertEquals(3, ReportFixture.csv(fixture.csvOut("q6_placements.csv")).size());
        List<CSVRecord> matrix = ReportFixture.csv(fixture.csvOut("q6_core_matrix.csv"));
        assertEquals(16, matrix.size());
        assertEquals("", matrix.getFirst().get("p50_ns"), "an unmeasured cell stays empty");

        List<CSVRecord> faults = ReportFixture.csv(fixture.csvOut("q7_faults.csv"));
        assertEquals(run("scenario", "metric", "trials", "min", "median", "max", "mean", "total"),
                ReportFixture.header(fixture.csvOut("q7_faults.csv")));
        assertEquals(5, faults.size());
        CSVRecord kill = faults.stream().filter(r -> r.get("scenario").equals("writer-kill")).findFirst().orElseThrow();
        assertEquals("5", kill.get("trials"));
        assertEquals(49_000_000, Double.parseDouble(kill.get("median")));
        assertEquals(43_000_000, Double.parseDouble(kill.get("min")));
    }
}
