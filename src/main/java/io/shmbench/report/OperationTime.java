package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.List;
import java.util.Optional;

/**
 * A time-per-operation result (JMH modes {@code avgt}, {@code sample} and {@code ss}) in nanoseconds,
 * with JMH's 99.9% confidence half-width. These benchmarks (Q0's recording cost, the ring's sides
 * alone, Q5's in-process layouts) keep no histogram of their own: JMH's score is their result.
 *
 * @param rounds how many results were pooled into this one (1 without rounds)
 */
public record OperationTime(SeriesName key, String mode, double nsPerOp, double nsPerOpError, int rounds) {
    public static final List<String> MODES = List.of("avgt", "sample", "ss");

    /** Converts a result of a time-per-operation mode; empty for other modes or units. */
    public static Optional<OperationTime> of(JmhResult r) {
        if (!MODES.contains(r.mode())) {
            return Optional.empty();
        }
        double ns = nanosPerUnit(r.primary().unit());
        if (Double.isNaN(ns)) {
            return Optional.empty();
        }
        return Optional.of(new OperationTime(r.key(), r.mode(), r.primary().score() * ns, r.primary().scoreError() * ns, 1));
    }

    /**
     * One series' results of several rounds as one: the median of the rounds, with an error reaching
     * the fastest and the slowest round (as {@link Throughput#pool}). A single result is returned as it is.
     */
    public static OperationTime pool(List<OperationTime> rounds) {
        if (rounds.size() == 1) {
            return rounds.getFirst();
        }
        double[] ns = rounds.stream().mapToDouble(OperationTime::nsPerOp).toArray();
        double median = Median.of(ns);
        double error = Median.reach(ns, median);
        OperationTime first = rounds.getFirst();
        return new OperationTime(first.key(), first.mode(), median, error, rounds.size());
    }

    /** Nanoseconds in one JMH time unit per operation ("ns/op", "us/op", ...); NaN if it is not one. */
    static double nanosPerUnit(String unit) {
        return switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            case "min/op" -> 60e9;
            case "hr/op" -> 3600e9;
            case "day/op" -> 86400e9;
            default -> Double.NaN;
        };
    }
}
