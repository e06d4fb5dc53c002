package io.shmbench.gate;

import io.shmbench.report.BadInputException;
import io.shmbench.report.HostStates;
import io.shmbench.report.KeyColumns;
import io.shmbench.report.RawCsv;
import io.shmbench.report.TidyCsvWriter;
import org.apache.commons.csv.CSVRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one run, read from its tidy CSV files (README.md, "Reading the results"):
 *
 * <ul>
 *   <li>floor_multiples.csv: the same-pair p50 multiple per host state ({@link #p50States}, paired
 *       across runs by {@link StatePairing}) and the p99 multiple, same-pair ratios; the cross-fork
 *       multiples, absolute (their floor ran in another fork, possibly in another host state);</li>
 *   <li>throughput.csv: {@code msgs_per_s} (with its error) and {@code cpu_ns_per_msg}, absolute
 *       (the report has no same-run reference for them);</li>
 *   <li>latency_summary.csv: {@code p50_ns} and {@code p99_ns}, absolute;</li>
 *   <li>q3_loss.csv, q6_core_matrix.csv, q7_faults.csv: their values, absolute.</li>
 * </ul>
 *
 * Intervals: the bootstrap interval of a p50 multiple, the rounds' range of a p99 multiple, JMH's
 * error of a throughput, and for the other metrics of a run with two rounds or more their range
 * over the rounds (round_summary.csv); a fault metric's range over its trials.
 */
public final class RunMetrics {
    static final String P50_X_FLOOR = "p50_x_floor";
    private static final List<String> FLOOR_COLUMNS = List.of("host_state", "floor_p50_ns", "block_share",
            "p50_x_floor", "p50_x_floor_low", "p50_x_floor_high", "p99_x_floor", "p99_x_floor_low", "p99_x_floor_high",
            "cross_fork_p50_x_floor", "cross_fork_p99_x_floor");
    private static final List<String> LATENCY = List.of("p50_ns", "p99_ns");

    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, List<StateMultiple>> p50States = new LinkedHashMap<>();
    /** (series, metric) to its lowest and highest round value, for runs with two rounds or more. */
    private final Map<String, double[]> roundRanges = new LinkedHashMap<>();

    private RunMetrics() {
    }

    public static RunMetrics of(TidyRun run) throws BadInputException {
        RunMetrics m = new RunMetrics();
        m.readRoundRanges(run);
        m.readFloorMultiples(run);
        m.readThroughput(run);
        m.readLatency(run);
        m.readLoss(run);
        m.readCoreMatrix(run);
        m.readFaults(run);
        return m;
    }

    /** Every metric but the p50 multiples, by {@link Metric#id()}, in the files' order. */
    public Map<String, Metric> metrics() {
        return metrics;
    }

    /** Each series' same-pair p50 multiples, the {@code all} row first, then its host states. */
    public Map<String, List<StateMultiple>> p50States() {
        return p50States;
    }

    /** The benchmark and its parameters as one line: the non-empty key columns as {@code name=value}. */
    static String series(RawCsv csv, CSVRecord r) throws BadInputException {
        StringBuilder s = new StringBuilder(csv.required(r, "benchmark"));
        for (String column : KeyColumns.PARAM_COLUMNS.keySet()) {
            String v = csv.text(r, column);
            if (!v.isEmpty()) {
                s.append(' ').append(column).append('=').append(v);
            }
        }
        String other = csv.text(r, "other_params");
        if (!other.isEmpty()) {
            s.append(' ').append(other.replace(',', ' '));
        }
        return s.toString();
    }

    private static List<String> keyed(List<String> columns) {
        List<String> all = new ArrayList<>(KeyColumns.NAMES);
        all.addAll(columns);
        return all;
    }

    private void readRoundRanges(TidyRun run) throws BadInputException {
        RawCsv csv = run.table(TidyCsvWriter.ROUND_SUMMARY, keyed(List.of("metric", "rounds", "min", "max")));
        for (CSVRecord r : csv.records()) {
            if (csv.integer(r, "rounds") >= 2) {
                roundRanges.put(series(csv, r) + " " + csv.required(r, "metric"),
                        new double[]{csv.number(r, "min"), csv.number(r, "max")});
            }
        }
    }

    /** The value with the rounds' range as its interval, when the run has one for it. */
    private Estimate withRoundRange(String series, String metric, double value) {
        double[] range = roundRanges.get(series + " " + metric);
        return range == null ? Estimate.point(value) : new Estimate(value, range[0], range[1]);
    }

    private void add(String series, String name, Estimate e, boolean absolute) {
        if (!Double.isNaN(e.value())) {
            Metric m = new Metric(series, name, e, Direction.ofName(name), absolute);
            metrics.put(m.id(), m);
        }
    }

    private void readFloorMultiples(TidyRun run) throws BadInputException {
        RawCsv csv = run.table(TidyCsvWriter.FLOOR_MULTIPLES, keyed(FLOOR_COLUMNS));
        for (CSVRecord r : csv.records()) {
            String series = series(csv, r);
            String state = csv.required(r, "host_state");
            double p50 = csv.optionalNumber(r, "p50_x_floor");
            if (!Double.isNaN(p50)) {
                p50States.computeIfAbsent(series, s -> new ArrayList<>()).add(new StateMultiple(state,
                        csv.optionalNumber(r, "floor_p50_ns"), csv.optionalNumber(r, "block_share"),
                        new Estimate(p50, csv.optionalNumber(r, "p50_x_floor_low"), csv.optionalNumber(r, "p50_x_floor_high"))));
            }
            if (state.equals(HostStates.ALL)) {
                add(series, "p99_x_floor", new Estimate(csv.optionalNumber(r, "p99_x_floor"),
                        csv.optionalNumber(r, "p99_x_floor_low"), csv.optionalNumber(r, "p99_x_floor_high")), false);
                add(series, "cross_fork_p50_x_floor", Estimate.point(csv.optionalNumber(r, "cross_fork_p50_x_floor")), true);
                add(series, "cross_fork_p99_x_floor", Estimate.point(csv.optionalNumber(r, "cross_fork_p99_x_floor")), true);
            }
        }
    }

    private void readThroughput(TidyRun run) throws BadInputException {
        RawCsv csv = run.table(TidyCsvWriter.THROUGHPUT, keyed(List.of("msgs_per_s", "msgs_per_s_error", "cpu_ns_per_msg")));
        for (CSVRecord r : csv.records()) {
            String series = series(csv, r);
            add(series, "msgs_per_s", Estimate.withError(csv.optionalNumber(r, "msgs_per_s"),
                    csv.optionalNumber(r, "msgs_per_s_error")), true);
            add(series, "cpu_ns_per_msg", withRoundRange(series, "cpu_ns_per_msg", csv.optionalNumber(r, "cpu_ns_per_msg")), true);
        }
    }

    private void readLatency(TidyRun run) throws BadInputException {
        RawCsv csv = run.table(TidyCsvWriter.LATENCY_SUMMARY, keyed(LATENCY));
        for (CSVRecord r : csv.records()) {
            String series = series(csv, r);
            for (String column : LATENCY) {
                add(series, column, withRoundRange(series, column, csv.optionalNumber(r, column)), true);
            }
        }
    }

    private void readLoss(TidyRun run) throws BadInputException {
        RawCsv csv = run.table(TidyCsvWriter.Q3_LOSS, List.of("lap_policy", "rate_ratio", "slots", "loss_fraction",
                "staleness_p50_ns", "staleness_p99_ns"));
        for (CSVRecord r : csv.records()) {
            String series = "q3_loss lap_policy=" + csv.text(r, "lap_policy") + " rate_ratio=" + csv.required(r, "rate_ratio")
                    + " slots=" + csv.required(r, "slots");
            for (String column : List.of("loss_fraction", "staleness_p50_ns", "staleness_p99_ns")) {
                add(series, column, Estimate.point(csv.optionalNumber(r, column)), true);
            }
        }
    }

    private void readCoreMatrix(TidyRun run) throws BadInputException {
        RawCsv csv = run.table(TidyCsvWriter.Q6_CORE_MATRIX, List.of("cpu_a", "cpu_b", "p50_ns", "p99_ns"));
        for (CSVRecord r : csv.records()) {
            String series = "q6_core_matrix cpu_a=" + csv.required(r, "cpu_a") + " cpu_b=" + csv.required(r, "cpu_b");
            for (String column : LATENCY) {
                add(series, column, Estimate.point(csv.optionalNumber(r, column)), true);
            }
        }
    }

    private void readFaults(TidyRun run) throws BadInputException {
        RawCsv csv = run.table(TidyCsvWriter.Q7_FAULTS, List.of("scenario", "metric", "trials", "min", "median", "max"));
        for (CSVRecord r : csv.records()) {
            String series = "q7_faults scenario=" + csv.required(r, "scenario");
            // The median over the trials, with their range as its interval.
            add(series, csv.required(r, "metric"), new Estimate(csv.optionalNumber(r, "median"),
                    csv.optionalNumber(r, "min"), csv.optionalNumber(r, "max")), true);
        }
    }
}
