package io.shmbench.report;

import io.shmbench.measure.SeriesName;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * floor_multiples.csv of a run with the same-pair floor, one round: the p50 multiple is the median
 * of the block ratios, its interval holds it, a host that switched states gets a fast and a slow
 * row with their shares and multiples, and the old cross-fork ratio stands beside it.
 */
class SamePairCsvTest {
    static final String Q1 = "Q1Transports.roundTrip";
    static final Map<String, String> RING = Map.of("transport", "shm-ring", "messageBytes", "64", "waitStrategy", "spin");
    static final Map<String, String> FLOOR = Map.of("transport", "floor", "messageBytes", "64", "waitStrategy", "spin");
    static final String Q2 = "Q2MemoryOrders.roundTrip";
    static final Map<String, String> ORDER = Map.of("memoryOrder", "VOLATILE", "messageBytes", "64");
    static final List<String> COLUMNS = List.of("host_state", "blocks", "block_share", "floor_p50_ns", "p50_x_floor",
            "p50_x_floor_low", "p50_x_floor_high", "p50_ns", "p99_ns", "floor_p99_ns", "p99_x_floor", "p99_x_floor_low",
            "p99_x_floor_high", "rounds", "cross_fork_floor_p50_ns", "cross_fork_p50_x_floor", "cross_fork_floor_p99_ns",
            "cross_fork_p99_x_floor");

    @TempDir
    static Path dir;
    static FixtureRun fixture;
    static ReportFixture report;
    static double[] ringFloors;
    static double[] ringRatios;
    static double[] orderRatios;

    @BeforeAll
    static void run() throws Exception {
        fixture = new FixtureRun(dir);
        fixture.env("shmbench-env/1");
        SamePairFixture f = new SamePairFixture(fixture);
        ringFloors = SamePairFixture.hostFloors(3000, 0.3, 1);
        ringRatios = SamePairFixture.ratios(ringFloors, 2.2, 3.1, 2);
        f.roundTrip(1, Q1, RING, 4242, repeat(520, 1000), repeat(130, 1000), ringFloors, ringRatios);
        // The floor transport's own series, run in another fork: the cross-fork yardstick.
        long start = f.run(1, Q1, FLOOR, "sample", "ok", -1);
        f.interval(false, Q1, FLOOR, start + 2000, "measurement", repeat(200, 1000));
        double[] calm = SamePairFixture.hostFloors(800, 0, 3);
        orderRatios = SamePairFixture.ratios(calm, 1.8, 1.8, 4);
        f.roundTrip(1, Q2, ORDER, 4243, repeat(300, 1000), repeat(150, 1000), calm, orderRatios);
        f.write();
        fixture.jmhFile();
        report = ReportFixture.report(fixture);
    }

    static long[] repeat(long value, int n) {
        long[] v = new long[n];
        Arrays.fill(v, value);
        return v;
    }

    static List<CSVRecord> rows(Map<String, String> params) throws Exception {
        List<String> key = KeyColumns.values(SeriesName.of(params.containsKey("memoryOrder") ? Q2 : Q1, params));
        List<CSVRecord> out = new ArrayList<>();
        for (CSVRecord r : ReportFixture.csv(fixture.csvOut("floor_multiples.csv"))) {
            if (ReportCsvTest.KEYS.stream().map(r::get).toList().equals(key)) {
                out.add(r);
            }
        }
        return out;
    }

    static double num(CSVRecord r, String column) {
        return Double.parseDouble(r.get(column));
    }

    @Test
    void reportsWithoutErrors() {
        assertEquals(0, report.result.exitCode(), report.err);
    }

    @Test
    void columnsAreTheKeyColumnsThenTheDocumentedOnes() throws Exception {
        List<String> expected = new ArrayList<>(ReportCsvTest.HEAD);
        expected.addAll(COLUMNS);
        assertEquals(expected, ReportFixture.header(fixture.csvOut("floor_multiples.csv")));
    }

    @Test
    void p50MultipleIsTheMedianOfTheBlockRatiosWithAnIntervalAroundIt() throws Exception {
        CSVRecord all = rows(RING).getFirst();
        assertEquals("all", all.get("host_state"));
        assertEquals(3000, num(all, "blocks"));
        assertEquals(1, num(all, "block_share"));
        assertEquals(sortedMedian(ringFloors), num(all, "floor_p50_ns"));
        double x = num(all, "p50_x_floor");
        assertEquals(sortedMedian(blockRatios(ringFloors, ringRatios)), x, 1e-12);
        assertTrue(num(all, "p50_x_floor_low") <= x && x <= num(all, "p50_x_floor_high"), all.toString());
        assertTrue(num(all, "p50_x_floor_high") > num(all, "p50_x_floor_low"), "ratios that vary give an interval");
    }

    @Test
    void twoHostStatesGetARowEachWithShareAndMultiple() throws Exception {
        List<CSVRecord> rows = rows(RING);
        assertEquals(List.of("all", "fast", "slow"), rows.stream().map(r -> r.get("host_state")).toList());
        long slowBlocks = Arrays.stream(ringFloors).filter(f -> f >= 240).count();
        CSVRecord fast = rows.get(1);
        CSVRecord slow = rows.get(2);
        assertEquals(3000 - slowBlocks, num(fast, "blocks"));
        assertEquals(slowBlocks, num(slow, "blocks"));
        assertEquals(slowBlocks / 3000.0, num(slow, "block_share"), 1e-12);
        assertEquals(2.2, num(fast, "p50_x_floor"), 0.02);
        assertEquals(3.1, num(slow, "p50_x_floor"), 0.03);
        assertEquals(130, num(fast, "floor_p50_ns"), 3);
        assertEquals(370, num(slow, "floor_p50_ns"), 6);
        for (CSVRecord state : List.of(fast, slow)) {
            assertTrue(num(state, "p50_x_floor_low") <= num(state, "p50_x_floor")
                    && num(state, "p50_x_floor") <= num(state, "p50_x_floor_high"), state.toString());
            for (String wholeSeries : List.of("p50_ns", "p99_ns", "floor_p99_ns", "p99_x_floor", "rounds",
                    "cross_fork_p50_x_floor")) {
                assertEquals("", state.get(wholeSeries), wholeSeries + " is on the all row only");
            }
        }
    }

    @Test
    void p99MultipleDividesTheSeriesByItsSamePairFloor() throws Exception {
        CSVRecord all = rows(RING).getFirst();
        assertEquals(520, num(all, "p50_ns"));
        assertEquals(520, num(all, "p99_ns"));
        assertEquals(130, num(all, "floor_p99_ns"));
        assertEquals(4, num(all, "p99_x_floor"));
        assertEquals("", all.get("p99_x_floor_low"), "one round: no interval for p99");
        assertEquals("1", all.get("rounds"));
    }

    @Test
    void theCrossForkMultipleStandsBesideIt() throws Exception {
        CSVRecord all = rows(RING).getFirst();
        assertEquals(200, num(all, "cross_fork_floor_p50_ns"));
        assertEquals(2.6, num(all, "cross_fork_p50_x_floor"), 1e-12);
        CSVRecord floor = rows(FLOOR).getFirst();
        assertEquals(1, rows(FLOOR).size());
        assertEquals("", floor.get("blocks"), "the floor transport's own series has no blocks here");
        assertEquals(1, num(floor, "cross_fork_p50_x_floor"));
        assertTrue(rows(ORDER).stream().allMatch(r -> r.get("cross_fork_p50_x_floor").isEmpty()), "Q2 has no cross-fork floor");
    }

    @Test
    void oneHostStateGetsOneRow() throws Exception {
        List<CSVRecord> rows = rows(ORDER);
        assertEquals(1, rows.size());
        assertEquals(1.8, num(rows.getFirst(), "p50_x_floor"), 0.01);
        assertEquals(2, num(rows.getFirst(), "p99_x_floor"));
    }

    @Test
    void consoleShowsTheSamePairMultipleItsIntervalAndTheHostStates() throws Exception {
        List<String> lines = report.out.lines().toList();
        String ring = lines.stream().filter(l -> l.trim().startsWith("shm-ring ")).findFirst().orElseThrow();
        CSVRecord all = rows(RING).getFirst();
        String p50 = Multiples.withInterval(num(all, "p50_x_floor"),
                new Interval(num(all, "p50_x_floor_low"), num(all, "p50_x_floor_high")));
        assertTrue(ring.matches("\\s+shm-ring\\s+520 ns\\s+520 ns\\s+" + java.util.regex.Pattern.quote(p50)
                + "\\s+4\\.00x\\s+2\\.60x"), ring);
        String states = lines.get(lines.indexOf(ring) + 1);
        assertTrue(states.matches("\\s+host states: fast 7[0-9]% 2\\.[12][0-9]x, slow 2[0-9]% 3\\.[01][0-9]x"), states);
        assertTrue(lines.stream().anyMatch(l -> l.contains("cross-fork")));
        String summary = report.out.substring(0, report.out.indexOf("Wrote "));
        summary.lines().forEach(l -> assertTrue(l.length() <= 100, "longer than 100 columns: " + l));
    }

    static double sortedMedian(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The ratios as the blocks file holds them: series p50 rounded to whole ns over the floor. */
    static double[] blockRatios(double[] floors, double[] ratios) {
        double[] out = new double[floors.length];
        for (int i = 0; i < floors.length; i++) {
            out[i] = Math.round(floors[i] * ratios[i]) / floors[i];
        }
        return out;
    }
}
