package io.shmbench.report;

import io.shmbench.measure.FloorBlockFile;
import io.shmbench.measure.IntervalLog;
import io.shmbench.measure.RoundsFile;
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
        return benchmark + "@" + SeriesKey.formatParams(new TreeMap<>(params));
    }

    /** Starts the next JMH run of the plan (a rounds.csv row) and returns when it started. */
    long run(int round, String benchmark, Map<String, String> params, String mode, String status, int resultIndex) {
        position = round == lastRound ? position + 1 : 1;
        lastRound = round;
        long start = clock;
        clock += RUN_MS;
        roundRows.add(List.of(Integer.toString(round), Integer.toString(position), "io.shmbench.bench." + benchmark, mode,
                SeriesKey.formatParams(new TreeMap<>(params)), Long.toString(start), Long.toString(start + RUN_MS - 1), status,
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
