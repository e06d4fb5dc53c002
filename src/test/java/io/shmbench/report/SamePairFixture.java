package io.shmbench.report;

import io.shmbench.measure.FloorBlockFile;
import io.shmbench.measure.IntervalLog;
import io.shmbench.measure.RoundsFile;
import io.shmbench.measure.SeriesName;
import org.HdrHistogram.Histogram;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Adds to a {@link FixtureRun} what a run since the same-pair floor writes: raw/rounds.csv (one row
 * per JMH run, each in its own time window), the .hlog intervals of each run stamped inside its
 * window (written with the benchmarks' own {@link IntervalLog}), raw/floor/ and raw/blocks/.
 * Values are chosen by the test, so the answers are known.
 */
final class SamePairFixture {
    /** Wall clock of the first run, ms since the epoch. */
    static final long T0 = 1_765_000_000_000L;
    /** Each JMH run's window; intervals are stamped inside it. */
    static final long RUN_MS = 10_000;

    final FixtureRun run;
    private long clock = T0;
    private int position = 0;
    private int lastRound = 0;
    private final List<List<String>> roundRows = new ArrayList<>();
    private final Map<String, List<FloorBlock>> blocks = new LinkedHashMap<>();

    SamePairFixture(FixtureRun run) throws IOException {
        this.run = run;
        Files.createDirectories(run.raw("floor"));
        Files.createDirectories(run.raw("blocks"));
    }

    /** The file stem of a series, as in raw/, raw/floor/ and raw/blocks/. */
    static String stem(String benchmark, Map<String, String> params) {
        return benchmark + "@" + SeriesName.paramsText(new TreeMap<>(params));
    }

    /** Starts the next JMH run of the plan (a rounds.csv row) and returns when it started. */
    long run(int round, String benchmark, Map<String, String> params, String mode, String status, int resultIndex) {
        position = round == lastRound ? position + 1 : 1;
        lastRound = round;
        long start = clock;
        clock += RUN_MS;
        roundRows.add(List.of(Integer.toString(round), Integer.toString(position), "io.shmbench.bench." + benchmark, mode,
                SeriesName.paramsText(new TreeMap<>(params)), Long.toString(start), Long.toString(start + RUN_MS - 1), status,
                resultIndex < 0 ? "" : Integer.toString(resultIndex)));
        return start;
    }

    /** A throughput run in {@code round}: its raw/jmh.json entry and its rounds.csv row. */
    void throughputRun(int round, String benchmark, Map<String, String> params, double score, double error) {
        int index = run.jmhEntries();
        run.throughput(benchmark, params, score, "ops/s", error);
        run(round, benchmark, params, "thrpt", "ok", index);
    }

    /** Appends one interval, every value {@code value}, to raw/&lt;series&gt;.hlog ({@code floor}: raw/floor/). */
    void interval(boolean floor, String benchmark, Map<String, String> params, long startMs, String tag, long... values) {
        Histogram h = new Histogram(3);
        for (long v : values) {
            h.recordValue(v);
        }
        Path file = floor ? run.raw("floor").resolve(stem(benchmark, params) + ".hlog")
                : run.raw(stem(benchmark, params) + ".hlog");
        new IntervalLog(file).append(h, startMs, startMs + 1000, tag);
    }

    void block(String benchmark, Map<String, String> params, FloorBlock b) {
        blocks.computeIfAbsent(stem(benchmark, params), k -> new ArrayList<>()).add(b);
    }

    /**
     * One round-trip run in {@code round}: a warm-up interval (values the reporter must ignore), a
     * measurement interval of the series and of its floor, and one block per floor, with
     * series_p50_ns = floor x ratio.
     */
    void roundTrip(int round, String benchmark, Map<String, String> params, long fork, long[] seriesValues,
                   long[] floorValues, double[] floors, double[] ratios) {
        long start = run(round, benchmark, params, "sample", "ok", -1);
        for (boolean floor : new boolean[]{false, true}) {
            interval(floor, benchmark, params, start + 100, IntervalLog.WARMUP, FixtureRun.WARMUP_VALUE_NS);
            interval(floor, benchmark, params, start + 2000, IntervalLog.MEASUREMENT, floor ? floorValues : seriesValues);
        }
        for (int i = 0; i < floors.length; i++) {
            block(benchmark, params, new FloorBlock(round, fork, 1, i + 1, 100, Math.round(floors[i] * ratios[i]), 100, floors[i]));
        }
    }

    /** Blocks per measurement iteration in {@link #standard}; three iterations per run. */
    static final int BLOCKS_PER_ITERATION = 400;
    static final int ITERATIONS = 3;
    static final double SLOW_SHARE = 0.3;

    /**
     * A run since the same-pair floor, two rounds each in its own order, on a host that switches
     * between a fast and a slow state: Q1 round trips of nine transports at 64 B (kernel transports
     * take about the same absolute time in either state, so their multiple drops when the floor is
     * slow) and the floor series at 0 B (measured while the host was slow, so its cross-fork
     * multiples mislead), Q2 memory orders, Q3 slot counts, Q4 padding variants and Q6 placements,
     * each with its same-pair floor and blocks, and Q1 throughput per round.
     */
    static FixtureRun standard(Path root) throws IOException {
        FixtureRun run = new FixtureRun(root);
        run.env("shmbench-env/1");
        SamePairFixture f = new SamePairFixture(run);
        List<Runnable> plan = new ArrayList<>();
        int[] round = {1};
        Map<String, double[]> q1 = new LinkedHashMap<>();
        q1.put("shm-ring", new double[]{2.2, 2.6});
        q1.put("agrona", new double[]{2.4, 2.9});
        q1.put("chronicle-style", new double[]{2.3, 2.75});
        q1.put("chronicle-queue", new double[]{3.6, 4.1});
        q1.put("uds", new double[]{40, 21});
        q1.put("tcp", new double[]{62, 31});
        q1.put("pipe", new double[]{44, 24});
        q1.put("fifo", new double[]{45, 24.5});
        q1.put("mq", new double[]{36, 19});
        int seed = 0;
        for (var e : q1.entrySet()) {
            String wait = e.getValue()[0] < 10 ? "spin" : "block";
            Map<String, String> p = Map.of("transport", e.getKey(), "messageBytes", "64", "waitStrategy", wait);
            double[] x = e.getValue();
            int s = ++seed;
            plan.add(() -> f.hostRun(round[0], "Q1Transports.roundTrip", p, x[0], x[1], 1, s * 10 + round[0]));
            plan.add(() -> f.throughputRun(round[0], "Q1Transports.throughput", p, 2e7 / x[0] * (1 + 0.1 * round[0]), 1e5));
        }
        Map<String, String> floor = Map.of("transport", "floor", "messageBytes", "0", "waitStrategy", "spin");
        plan.add(() -> f.slowFloorSeries(round[0], "Q1Transports.roundTrip", floor));
        List<String> orders = List.of("PLAIN", "OPAQUE", "RELEASE_ACQUIRE", "VOLATILE", "FENCED");
        for (int i = 0; i < orders.size(); i++) {
            Map<String, String> p = Map.of("memoryOrder", orders.get(i), "messageBytes", "64");
            double fast = 1.9 + 0.12 * i;
            int s = ++seed;
            plan.add(() -> f.hostRun(round[0], "Q2MemoryOrders.roundTrip", p, fast, fast * 1.15, 1, s * 10 + round[0]));
        }
        for (String slots : List.of("1", "2", "4", "16", "64", "1024")) {
            Map<String, String> p = Map.of("slots", slots, "transport", "shm-ring");
            double fast = 2.0 + 0.05 * Math.log(Double.parseDouble(slots));
            int s = ++seed;
            plan.add(() -> f.hostRun(round[0], "Q3Slots.roundTrip", p, fast, fast * 1.2, 1, s * 10 + round[0]));
        }
        for (String pad : List.of("PACKED", "PAD_64", "PAD_128")) {
            for (String cache : List.of("true", "false")) {
                Map<String, String> p = Map.of("padding", pad, "cacheRemoteIndex", cache, "messageBytes", "40");
                double fast = (pad.equals("PACKED") ? 2.6 : 2.1) + (cache.equals("true") ? 0 : 0.15);
                int s = ++seed;
                plan.add(() -> f.hostRun(round[0], "Q4Padding.roundTrip", p, fast, fast * 1.1, 1, s * 10 + round[0]));
            }
        }
        for (String placement : List.of("same-core", "cross-core")) {
            for (String t : List.of("shm-ring", "uds")) {
                Map<String, String> p = Map.of("placement", placement, "transport", t);
                double fast = t.equals("uds") ? 30 : 2.1;
                double scale = placement.equals("same-core") ? 0.4 : 1;
                int s = ++seed;
                plan.add(() -> f.hostRun(round[0], "Q6Placement.roundTrip", p, fast, fast * (t.equals("uds") ? 0.6 : 1.2),
                        scale, s * 10 + round[0]));
            }
        }
        for (round[0] = 1; round[0] <= 2; round[0]++) {
            List<Runnable> order = new ArrayList<>(plan);
            java.util.Collections.shuffle(order, new Random(round[0]));
            order.forEach(Runnable::run);
        }
        f.write();
        run.jmhFile();
        run.csv("q6_placements.csv", List.of("placement", "available", "reason"), List.of(
                List.of("same-core", "true", ""), List.of("smt-sibling", "false", "no SMT siblings on this host"),
                List.of("cross-core", "true", "")));
        return run;
    }

    /**
     * One round-trip run in {@code round} on the switching host: {@value #ITERATIONS} measurement
     * iterations of {@value #BLOCKS_PER_ITERATION} blocks each (ratio {@code fast} or {@code slow}
     * by the block's host state, floors scaled by {@code floorScale}), the series' and floor's
     * intervals made of the blocks' values, and a warm-up interval the reporter must ignore.
     */
    void hostRun(int round, String benchmark, Map<String, String> params, double fast, double slow, double floorScale,
                 long seed) {
        long start = run(round, benchmark, params, "sample", "ok", -1);
        Random r = new Random(seed);
        for (boolean floor : new boolean[]{false, true}) {
            interval(floor, benchmark, params, start + 100, "warmup", FixtureRun.WARMUP_VALUE_NS);
        }
        for (int it = 1; it <= ITERATIONS; it++) {
            double[] floors = hostFloors(BLOCKS_PER_ITERATION, SLOW_SHARE, seed * 31 + it);
            double[] ratios = ratios(floors, fast, slow, seed * 37 + it);
            long[] series = new long[floors.length * 8];
            long[] floorValues = new long[floors.length * 8];
            for (int b = 0; b < floors.length; b++) {
                double f = floors[b] * floorScale;
                block(benchmark, params, new FloorBlock(round, 1000 + round, it, b + 1, 50, Math.round(f * ratios[b]), 50,
                        Math.round(f)));
                for (int k = 0; k < 8; k++) {
                    series[b * 8 + k] = Math.round(f * ratios[b] * Math.exp(0.2 * Math.abs(r.nextGaussian())));
                    floorValues[b * 8 + k] = Math.round(f * Math.exp(0.2 * Math.abs(r.nextGaussian())));
                }
            }
            interval(false, benchmark, params, start + 1000L * it, "measurement", series);
            interval(true, benchmark, params, start + 1000L * it, "measurement", floorValues);
        }
    }

    /** The floor transport's own series (no blocks), measured while the host was in its slow state. */
    void slowFloorSeries(int round, String benchmark, Map<String, String> params) {
        long start = run(round, benchmark, params, "sample", "ok", -1);
        Random r = new Random(round);
        long[] values = new long[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(370 * Math.exp(0.2 * Math.abs(r.nextGaussian())));
        }
        interval(false, benchmark, params, start + 1000, "measurement", values);
    }

    /** Writes raw/rounds.csv and every blocks file. */
    void write() throws IOException {
        csv(run.raw("rounds.csv"), RoundsFile.COLUMNS, roundRows);
        for (var e : blocks.entrySet()) {
            List<List<String>> rows = new ArrayList<>();
            for (FloorBlock b : e.getValue()) {
                rows.add(List.of(Integer.toString(b.round()), Long.toString(b.fork()), Integer.toString(b.iteration()),
                        Integer.toString(b.block()), Long.toString(b.seriesRoundTrips()), Cells.number(b.seriesP50Ns()),
                        Long.toString(b.floorRoundTrips()), Cells.number(b.floorP50Ns())));
            }
            csv(run.raw("blocks").resolve(e.getKey() + ".csv"), FloorBlockFile.COLUMNS, rows);
        }
    }

    static void csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                     .setRecordSeparator('\n').get())) {
            for (List<String> r : rows) {
                p.printRecord(r);
            }
        }
    }

    /**
     * Floors of {@code n} blocks on a host that switches between a fast (130 ns) and a slow (370 ns)
     * state in runs of 20 to 120 blocks, {@code slowShare} of the time slow, with 4% noise.
     */
    static double[] hostFloors(int n, double slowShare, long seed) {
        Random r = new Random(seed);
        double[] f = new double[n];
        int i = 0;
        while (i < n) {
            boolean slow = r.nextDouble() < slowShare;
            int length = 20 + r.nextInt(100);
            for (int k = 0; k < length && i < n; k++) {
                f[i++] = Math.round((slow ? 370 : 130) * Math.exp(0.04 * r.nextGaussian()));
            }
        }
        return f;
    }

    /** Ratios of blocks with these floors: {@code fast} in the fast state, {@code slow} in the slow one, 2% noise. */
    static double[] ratios(double[] floors, double fast, double slow, long seed) {
        Random r = new Random(seed);
        double[] out = new double[floors.length];
        for (int i = 0; i < floors.length; i++) {
            out[i] = (floors[i] < 240 ? fast : slow) * Math.exp(0.02 * r.nextGaussian());
        }
        return out;
    }
}
