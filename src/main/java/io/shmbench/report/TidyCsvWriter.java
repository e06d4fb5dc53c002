package io.shmbench.report;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the tidy CSV files under {@code results/<run-id>/csv/} (columns documented in README.md,
 * "Reading the results"): one observation per row, units in the column names, key columns first.
 * Every file starts with {@link #RUN_COLUMNS}, the run and the host each row came from, so the
 * files of many runs and machines concatenate into one table that still says where each row is from.
 */
public final class TidyCsvWriter {
    public static final String LATENCY_SUMMARY = "latency_summary.csv";
    public static final String LATENCY_PERCENTILES = "latency_percentiles.csv";
    public static final String THROUGHPUT = "throughput.csv";
    public static final String OPERATION_TIMES = "operation_times.csv";
    public static final String FLOOR_MULTIPLES = "floor_multiples.csv";
    public static final String ROUND_VALUES = "round_values.csv";
    public static final String ROUND_SUMMARY = "round_summary.csv";
    public static final String OUTCOMES = "outcomes.csv";
    public static final String Q3_LOSS = "q3_loss.csv";
    public static final String Q6_PLACEMENTS = "q6_placements.csv";
    public static final String Q6_CORE_MATRIX = "q6_core_matrix.csv";
    public static final String Q7_FAULTS = "q7_faults.csv";

    /** Percentile levels of the summary, as in HdrHistogram's getValueAtPercentile. */
    public static final double[] SUMMARY_PERCENTILES = {50, 90, 99, 99.9, 99.99};
    /** Resolution of latency_percentiles.csv: HdrHistogram's default for its percentile output. */
    public static final int PERCENTILE_TICKS_PER_HALF_DISTANCE = 5;

    private TidyCsvWriter() {
    }

    /** The columns before all others in every file: the run's id and env.json's hostname. */
    public static final List<String> RUN_COLUMNS = List.of("run_id", "host");

    /**
     * Writes every file; a file with no data still gets its header row. {@code runId} and
     * {@code host} (empty when the run recorded none) fill {@link #RUN_COLUMNS} of every row.
     */
    public static List<Path> writeAll(Path dir, ReportTables t, String runId, String host) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        List<String> run = List.of(runId, host);
        written.add(write(run, dir.resolve(LATENCY_SUMMARY), KeyColumns.header("samples", "min_ns", "p50_ns", "p90_ns",
                "p99_ns", "p99_9_ns", "p99_99_ns", "max_ns", "mean_ns"), out -> {
            for (LatencySeries s : t.latency()) {
                AbstractHistogram h = s.histogram();
                List<Object> row = new ArrayList<>(KeyColumns.values(s.key()));
                row.add(h.getTotalCount());
                row.add(h.getMinValue());
                for (double p : SUMMARY_PERCENTILES) {
                    row.add(h.getValueAtPercentile(p));
                }
                row.add(h.getMaxValue());
                row.add(Cells.number(h.getMean()));
                out.printRecord(row);
            }
        }));
        written.add(write(run, dir.resolve(LATENCY_PERCENTILES), KeyColumns.header("percentile", "latency_ns"), out -> {
            for (LatencySeries s : t.latency()) {
                List<String> key = KeyColumns.values(s.key());
                for (HistogramIterationValue v : s.histogram().percentiles(PERCENTILE_TICKS_PER_HALF_DISTANCE)) {
                    List<Object> row = new ArrayList<>(key);
                    row.add(Cells.number(v.getPercentileLevelIteratedTo()));
                    row.add(v.getValueIteratedTo());
                    out.printRecord(row);
                }
            }
        }));
        written.add(write(run, dir.resolve(THROUGHPUT), KeyColumns.header("msgs_per_s", "msgs_per_s_error", "bytes_per_s",
                "cpu_ns_per_msg"), out -> {
            for (Throughput r : t.throughput()) {
                List<Object> row = new ArrayList<>(KeyColumns.values(r.key()));
                row.add(Cells.number(r.msgsPerS()));
                row.add(Cells.number(r.msgsPerSError()));
                row.add(Cells.number(r.bytesPerS()));
                row.add(Cells.number(r.cpuNsPerMsg()));
                out.printRecord(row);
            }
        }));
        written.add(write(run, dir.resolve(OPERATION_TIMES), KeyColumns.header("mode", "ns_per_op", "ns_per_op_error", "rounds"), out -> {
            for (OperationTime r : t.operationTimes()) {
                List<Object> row = new ArrayList<>(KeyColumns.values(r.key()));
                row.add(r.mode());
                row.add(Cells.number(r.nsPerOp()));
                row.add(Cells.number(r.nsPerOpError()));
                row.add(r.rounds());
                out.printRecord(row);
            }
        }));
        written.add(write(run, dir.resolve(FLOOR_MULTIPLES), KeyColumns.header(FLOOR_MULTIPLE_COLUMNS.toArray(String[]::new)), out -> {
            for (FloorMultiple m : t.floorMultiples()) {
                for (List<Object> cells : floorMultipleRows(m)) {
                    List<Object> row = new ArrayList<>(KeyColumns.values(m.key()));
                    row.addAll(cells);
                    out.printRecord(row);
                }
            }
        }));
        written.add(write(run, dir.resolve(ROUND_VALUES), KeyColumns.header("metric", "round", "value"), out -> {
            for (RoundValue v : t.roundValues()) {
                List<Object> row = new ArrayList<>(KeyColumns.values(v.key()));
                row.add(v.metric());
                row.add(v.round());
                row.add(Cells.number(v.value()));
                out.printRecord(row);
            }
        }));
        written.add(write(run, dir.resolve(ROUND_SUMMARY), KeyColumns.header("metric", "rounds", "median", "min", "max",
                "max_over_min"), out -> {
            for (RoundSummary r : t.roundSummary()) {
                List<Object> row = new ArrayList<>(KeyColumns.values(r.key()));
                row.add(r.metric());
                row.add(r.rounds());
                row.add(Cells.number(r.median()));
                row.add(Cells.number(r.min()));
                row.add(Cells.number(r.max()));
                row.add(Cells.number(r.maxOverMin()));
                out.printRecord(row);
            }
        }));
        written.add(write(run, dir.resolve(OUTCOMES), KeyColumns.header("status", "detail"), out -> {
            for (SeriesOutcome o : t.outcomes()) {
                List<Object> row = new ArrayList<>(KeyColumns.values(o.key()));
                row.add(o.status());
                row.add(o.detail());
                out.printRecord(row);
            }
        }));
        written.add(write(run, dir.resolve(Q3_LOSS), List.of("rate_ratio", "slots", "trials", "written", "delivered",
                "missed", "loss_fraction", "staleness_p50_ns", "staleness_p99_ns", "lap_policy"), out -> {
            for (LossPoint p : t.loss()) {
                out.printRecord(Cells.number(p.rateRatio()), p.slots(), p.trials(), p.written(), p.delivered(),
                        p.missed(), Cells.number(p.lossFraction()), Cells.number(p.stalenessP50Ns()),
                        Cells.number(p.stalenessP99Ns()), p.lapPolicy());
            }
        }));
        written.add(write(run, dir.resolve(Q6_PLACEMENTS), List.of("placement", "available", "reason"), out -> {
            for (PlacementAvailability p : t.placements()) {
                out.printRecord(p.name(), p.available(), p.reason());
            }
        }));
        written.add(write(run, dir.resolve(Q6_CORE_MATRIX), List.of("cpu_a", "cpu_b", "p50_ns", "p99_ns"), out -> {
            for (CoreLatency c : t.coreMatrix()) {
                out.printRecord(c.cpuA(), c.cpuB(), Cells.number(c.p50Ns()), Cells.number(c.p99Ns()));
            }
        }));
        written.add(write(run, dir.resolve(Q7_FAULTS), List.of("scenario", "metric", "trials", "min", "median", "max",
                "mean", "total"), out -> {
            for (FaultSummary f : t.faults()) {
                out.printRecord(f.scenario(), f.metric(), f.trials(), Cells.number(f.min()), Cells.number(f.median()),
                        Cells.number(f.max()), Cells.number(f.mean()), Cells.number(f.total()));
            }
        }));
        return written;
    }

    /** The columns of floor_multiples.csv after the key columns (README.md, "Reading the results"). */
    public static final List<String> FLOOR_MULTIPLE_COLUMNS = List.of("host_state", "blocks", "block_share", "floor_p50_ns",
            "p50_x_floor", "p50_x_floor_low", "p50_x_floor_high", "p50_ns", "p99_ns", "floor_p99_ns", "p99_x_floor",
            "p99_x_floor_low", "p99_x_floor_high", "rounds", "cross_fork_floor_p50_ns", "cross_fork_p50_x_floor",
            "cross_fork_floor_p99_ns", "cross_fork_p99_x_floor");

    /**
     * The rows of one series: host state {@code all}, then {@code fast} and {@code slow} when its
     * blocks fell into two host states. What belongs to the series as a whole (its own p50 and p99,
     * the p99 multiple, the cross-fork multiple) is on the {@code all} row only.
     */
    private static List<List<Object>> floorMultipleRows(FloorMultiple m) {
        Optional<SamePairMultiple> same = m.samePair();
        List<List<Object>> rows = new ArrayList<>();
        List<Object> all = blockCells(same.map(SamePairMultiple::all), HostStates.ALL);
        all.add(Cells.number(m.p50Ns()));
        all.add(Cells.number(m.p99Ns()));
        all.add(same.map(s -> Cells.number(s.floorP99Ns())).orElse(""));
        all.add(same.map(s -> Cells.number(s.p99Multiple())).orElse(""));
        all.add(same.map(s -> Cells.number(s.p99Interval().low())).orElse(""));
        all.add(same.map(s -> Cells.number(s.p99Interval().high())).orElse(""));
        all.add(same.filter(s -> s.rounds() > 0).map(s -> Integer.toString(s.rounds())).orElse(""));
        Optional<CrossForkMultiple> cross = m.crossFork();
        all.add(cross.map(c -> Long.toString(c.floorP50Ns())).orElse(""));
        all.add(cross.map(c -> Cells.number(c.p50Multiple())).orElse(""));
        all.add(cross.map(c -> Long.toString(c.floorP99Ns())).orElse(""));
        all.add(cross.map(c -> Cells.number(c.p99Multiple())).orElse(""));
        rows.add(all);
        for (BlockMultiple state : same.map(SamePairMultiple::byState).orElse(List.of())) {
            List<Object> row = blockCells(Optional.of(state), state.hostState());
            while (row.size() < FLOOR_MULTIPLE_COLUMNS.size()) {
                row.add("");
            }
            rows.add(row);
        }
        return rows;
    }

    /** host_state to p50_x_floor_high: empty after the state's name when the series has no blocks. */
    private static List<Object> blockCells(Optional<BlockMultiple> m, String state) {
        List<Object> cells = new ArrayList<>();
        cells.add(state);
        Optional<BlockMultiple> b = m.filter(x -> x.blocks() > 0);
        cells.add(m.map(x -> Integer.toString(x.blocks())).orElse(""));
        cells.add(b.map(x -> Cells.number(x.blockShare())).orElse(""));
        cells.add(b.map(x -> Cells.number(x.floorP50Ns())).orElse(""));
        cells.add(b.map(x -> Cells.number(x.multiple())).orElse(""));
        cells.add(b.map(x -> Cells.number(x.interval().low())).orElse(""));
        cells.add(b.map(x -> Cells.number(x.interval().high())).orElse(""));
        return cells;
    }

    @FunctionalInterface
    private interface Rows {
        void print(RowPrinter out) throws IOException;
    }

    /** Prints a record after the run columns, so the tables' own code never repeats them. */
    private record RowPrinter(CSVPrinter csv, List<String> run) {
        void printRecord(Iterable<?> cells) throws IOException {
            List<Object> row = new ArrayList<>(run);
            cells.forEach(row::add);
            csv.printRecord(row);
        }

        void printRecord(Object... cells) throws IOException {
            printRecord(java.util.Arrays.asList(cells));
        }
    }

    private static Path write(List<String> run, Path file, List<String> header, Rows rows) throws IOException {
        List<String> columns = new ArrayList<>(RUN_COLUMNS);
        columns.addAll(header);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, format)) {
            rows.print(new RowPrinter(out, run));
        }
        return file;
    }

}
