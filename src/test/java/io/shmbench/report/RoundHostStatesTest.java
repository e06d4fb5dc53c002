package io.shmbench.report;

import io.shmbench.measure.SeriesName;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two rounds of one series on a host with a fast and a slow state, where the series costs 1.5x the
 * floor in the fast state and 2.2x in the slow one: the first round spends 20% of its blocks in the
 * slow state, the second 80%. The rounds' overall multiples differ (1.5x and 2.2x) for that reason
 * alone, and the per-state values and the slow share in round_values.csv say so.
 */
class RoundHostStatesTest {
    static final String RT = "Q1Transports.roundTrip";
    static final Map<String, String> RING = Map.of("transport", "shm-ring", "messageBytes", "64");

    @TempDir
    static Path dir;
    static FixtureRun fixture;

    @BeforeAll
    static void run() throws Exception {
        fixture = new FixtureRun(dir);
        fixture.env("shmbench-env/1");
        SamePairFixture f = new SamePairFixture(fixture);
        for (int round = 1; round <= 2; round++) {
            int slow = round == 1 ? 2 : 8;
            double[] floors = new double[10];
            double[] ratios = new double[10];
            Arrays.fill(floors, 0, 10 - slow, 130);
            Arrays.fill(ratios, 0, 10 - slow, 1.5);
            Arrays.fill(floors, 10 - slow, 10, 370);
            Arrays.fill(ratios, 10 - slow, 10, 2.2);
            long[] series = new long[100];
            Arrays.fill(series, 300);
            long[] floor = new long[100];
            Arrays.fill(floor, 200);
            f.roundTrip(round, RT, RING, 7000 + round, series, floor, floors, ratios);
        }
        f.write();
        fixture.jmhFile();
        ReportFixture report = ReportFixture.report(fixture);
        assertEquals(0, report.result.exitCode(), report.err);
    }

    private static List<Double> values(String metric) throws Exception {
        List<String> key = KeyColumns.values(SeriesName.of(RT, RING));
        return ReportFixture.csv(fixture.csvOut("round_values.csv")).stream()
                .filter(r -> ReportCsvTest.KEYS.stream().map(r::get).toList().equals(key))
                .filter(r -> r.get("metric").equals(metric))
                .map((CSVRecord r) -> Double.parseDouble(r.get("value"))).toList();
    }

    @Test
    void eachRoundsMultipleMovesWithItsShareOfSlowBlocksWhileEachStatesStaysPut() throws Exception {
        assertEquals(List.of(1.5, 2.2), values("p50_x_floor"), "the rounds disagree overall");
        assertEquals(List.of(1.5, 1.5), values("p50_x_floor_fast"));
        assertEquals(List.of(2.2, 2.2), values("p50_x_floor_slow"));
        assertEquals(List.of(0.2, 0.8), values("slow_share"));
    }
}
