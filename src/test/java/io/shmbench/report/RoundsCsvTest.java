package io.shmbench.report;

import io.shmbench.measure.SeriesName;
import org.HdrHistogram.Histogram;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run of three rounds, each in its own order: every .hlog interval counts in the round whose run
 * window holds its start, every jmh.json result in the round rounds.csv gives it; round_values.csv
 * and round_summary.csv hold the per-round numbers, and the whole-run tables pool the rounds.
 */
class RoundsCsvTest {
    static final String RT = "Q3Slots.roundTrip";
    static final Map<String, String> RING = Map.of("slots", "4", "transport", "shm-ring");
    static final String TP = "Q3Slots.throughput";
    static final Map<String, String> FOUR = Map.of("slots", "4", "messageBytes", "64");
    static final Map<String, String> EIGHT = Map.of("slots", "8", "messageBytes", "64");
    static final double[] SCORES = {1e6, 4e6, 2e6};

    @TempDir
    static Path dir;
    static FixtureRun fixture;
    static ReportFixture report;
    /** The series' measurement values, all rounds and the stray interval: what its whole-run row must show. */
    static final Histogram wholeSeries = new Histogram(3);
    static final Histogram wholeFloor = new Histogram(3);
    static final List<Double> cpu = new ArrayList<>();

    @BeforeAll
    static void run() throws Exception {
        fixture = new FixtureRun(dir);
        fixture.env("shmbench-env/1");
        SamePairFixture f = new SamePairFixture(fixture);
        for (int round = 1; round <= 3; round++) {
            // Each round in its own order, as --rounds shuffles them.
            if (round == 2) {
                throughput(f, round);
            }
            long[] series = values(1000, 100L * round, 20, 500L * round);
            long[] floor = values(1000, 50, 20, 250);
            double[] floors = new double[10];
            double[] ratios = new double[10];
            Arrays.fill(floors, 100);
            Arrays.fill(ratios, round + 1);
            f.roundTrip(round, RT, RING, 5000 + round, series, floor, floors, ratios);
            Arrays.stream(series).forEach(wholeSeries::recordValue);
            Arrays.stream(floor).forEach(wholeFloor::recordValue);
            if (round != 2) {
                throughput(f, round);
            }
        }
        // An interval stamped outside every run: in the whole-run tables, in no round.
        f.interval(false, RT, RING, SamePairFixture.T0 - 60_000, "measurement", 100);
        wholeSeries.recordValue(100);
        f.write();
        fixture.jmhFile();
        report = ReportFixture.report(fixture);
    }

    private static void throughput(SamePairFixture f, int round) {
        f.throughputRun(round, TP, FOUR, SCORES[round - 1], 5e4);
        cpu.add((Double) fixture.jmh.getLast().get("cpu"));
        if (round == 2) {
            f.run(round, TP, EIGHT, "thrpt", "failed", -1); // no result this round
        } else {
            f.throughputRun(round, TP, EIGHT, 3e6 * round, 5e4);
        }
    }

    private static long[] values(int n, long value, int tail, long tailValue) {
        return LongStream.concat(LongStream.generate(() -> value).limit(n), LongStream.generate(() -> tailValue).limit(tail)).toArray();
    }

    private static List<CSVRecord> rows(String file, String benchmark, Map<String, String> params) throws Exception {
        List<String> key = KeyColumns.values(SeriesName.of(benchmark, params));
        return ReportFixture.csv(fixture.csvOut(file)).stream()
                .filter(r -> ReportCsvTest.KEYS.stream().map(r::get).toList().equals(key)).toList();
    }

    private static List<Double> roundValues(String benchmark, Map<String, String> params, String metric) throws Exception {
        List<CSVRecord> rows = rows("round_values.csv", benchmark, params).stream().filter(r -> r.get("metric").equals(metric)).toList();
        assertEquals(rows.stream().map(r -> r.get("round")).toList(),
                rows.stream().map(r -> r.get("round")).sorted().toList(), "rounds in order");
        return rows.stream().map(r -> Double.parseDouble(r.get("value"))).toList();
    }

    @Test
    void reportsWithoutErrorsAndNotesTheStrayInterval() {
        assertEquals(0, report.result.exitCode(), report.err);
        assertTrue(report.result.problems().notes().stream().anyMatch(n -> n.contains(SamePairFixture.stem(RT, RING))
                && n.contains("1 of 4 measurement intervals start in no run")), report.result.problems().notes().toString());
    }

    @Test
    void roundValuesHaveTheDocumentedColumns() throws Exception {
        List<String> values = new ArrayList<>(ReportCsvTest.HEAD);
        values.addAll(List.of("metric", "round", "value"));
        assertEquals(values, ReportFixture.header(fixture.csvOut("round_values.csv")));
        List<String> summary = new ArrayList<>(ReportCsvTest.HEAD);
        summary.addAll(List.of("metric", "rounds", "median", "min", "max", "max_over_min"));
        assertEquals(summary, ReportFixture.header(fixture.csvOut("round_summary.csv")));
    }

    @Test
    void latencyIntervalsCountInTheRoundWhoseRunHoldsTheirStart() throws Exception {
        assertEquals(List.of(100.0, 200.0, 300.0), roundValues(RT, RING, "p50_ns"));
        assertEquals(List.of(500.0, 1000.0, 1500.0), roundValues(RT, RING, "p99_ns"));
        assertEquals(List.of(2.0, 3.0, 4.0), roundValues(RT, RING, "p50_x_floor"), "each round's blocks");
        assertEquals(List.of(2.0, 4.0, 6.0), roundValues(RT, RING, "p99_x_floor"), "series p99 over floor p99 per round");
    }

    @Test
    void throughputOfEachRoundComesFromItsJmhResult() throws Exception {
        assertEquals(Arrays.stream(SCORES).boxed().toList(), roundValues(TP, FOUR, "msgs_per_s"));
        assertEquals(cpu, roundValues(TP, FOUR, "cpu_ns_per_msg"));
        assertEquals(List.of(3e6, 9e6), roundValues(TP, EIGHT, "msgs_per_s"), "the failed round has no value");
    }

    @Test
    void summaryGivesMedianAndSpreadPerMetric() throws Exception {
        CSVRecord p99 = rows("round_summary.csv", RT, RING).stream().filter(r -> r.get("metric").equals("p99_x_floor"))
                .findFirst().orElseThrow();
        assertEquals("3", p99.get("rounds"));
        assertEquals(4, Double.parseDouble(p99.get("median")));
        assertEquals(2, Double.parseDouble(p99.get("min")));
        assertEquals(6, Double.parseDouble(p99.get("max")));
        assertEquals(3, Double.parseDouble(p99.get("max_over_min")));
        CSVRecord eight = rows("round_summary.csv", TP, EIGHT).getFirst();
        assertEquals("2", eight.get("rounds"));
        assertEquals(6e6, Double.parseDouble(eight.get("median")));
    }

    @Test
    void throughputPoolsTheRoundsWithAnErrorBarReachingEveryRound() throws Exception {
        CSVRecord four = rows("throughput.csv", TP, FOUR).getFirst();
        assertEquals(1, rows("throughput.csv", TP, FOUR).size(), "one row per series");
        assertEquals(2e6, Double.parseDouble(four.get("msgs_per_s")));
        assertEquals(2e6, Double.parseDouble(four.get("msgs_per_s_error")), "the larger of 2e6-1e6 and 4e6-2e6");
        assertEquals(2e6 * 64, Double.parseDouble(four.get("bytes_per_s")));
        assertEquals(SamePairCsvTest.sortedMedian(cpu.stream().mapToDouble(Double::doubleValue).toArray()),
                Double.parseDouble(four.get("cpu_ns_per_msg")), 1e-9);
        CSVRecord eight = rows("throughput.csv", TP, EIGHT).getFirst();
        assertEquals(6e6, Double.parseDouble(eight.get("msgs_per_s")));
        assertEquals(3e6, Double.parseDouble(eight.get("msgs_per_s_error")));
    }

    @Test
    void wholeRunRowsPoolTheRounds() throws Exception {
        List<CSVRecord> latency = rows("latency_summary.csv", RT, RING);
        assertEquals(wholeSeries.getTotalCount(), Long.parseLong(latency.getFirst().get("samples")));
        assertEquals(wholeSeries.getValueAtPercentile(99), Long.parseLong(latency.getFirst().get("p99_ns")));
        CSVRecord all = rows("floor_multiples.csv", RT, RING).getFirst();
        assertEquals(30, Double.parseDouble(all.get("blocks")));
        assertEquals(3, Double.parseDouble(all.get("p50_x_floor")), "median of every round's block ratios");
        assertEquals((double) wholeSeries.getValueAtPercentile(99) / wholeFloor.getValueAtPercentile(99),
                Double.parseDouble(all.get("p99_x_floor")));
        assertEquals(2, Double.parseDouble(all.get("p99_x_floor_low")), "min of the round values");
        assertEquals(6, Double.parseDouble(all.get("p99_x_floor_high")), "max of the round values");
        assertEquals("3", all.get("rounds"));
    }
}
