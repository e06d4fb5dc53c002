package io.shmbench.report.summary;

import io.shmbench.report.BlockMultiple;
import io.shmbench.report.FloorBlock;
import io.shmbench.report.FloorBlocks;
import io.shmbench.report.FloorMultiple;
import io.shmbench.report.Interval;
import io.shmbench.report.LatencySeries;
import io.shmbench.report.Median;
import io.shmbench.report.MovingBlockBootstrap;
import io.shmbench.report.OperationTime;
import io.shmbench.report.ReportTables;
import io.shmbench.report.RoundSummary;
import io.shmbench.report.RoundValue;
import io.shmbench.measure.SeriesName;
import io.shmbench.report.Throughput;

import java.util.List;
import java.util.Optional;

/**
 * A run's results as contenders, each with the interval the run gives it: the 95% moving-block
 * bootstrap interval of a same-pair multiple or of a block median, JMH's 99.9% confidence interval
 * (with rounds, the reach of their median to the farthest round), the rounds' range of a p50.
 */
final class Contenders {
    private Contenders() {
    }

    /** A round trip's p50 as a multiple of its same-pair floor, over all its blocks. */
    static Candidate multiple(String label, BlockMultiple m) {
        return new Candidate(label, m.multiple(), m.interval(), Quantities.multiple(m.multiple(), m.interval()));
    }

    static Candidate throughput(String label, Throughput t) {
        return new Candidate(label, t.msgsPerS(), Interval.around(t.msgsPerS(), t.msgsPerSError()),
                Quantities.rate(t.msgsPerS(), t.msgsPerSError()));
    }

    static Candidate time(String label, OperationTime o) {
        return new Candidate(label, o.nsPerOp(), Interval.around(o.nsPerOp(), o.nsPerOpError()),
                Quantities.time(o.nsPerOp(), o.nsPerOpError()));
    }

    /**
     * A round trip's absolute p50: with blocks, the median of the blocks' series p50s and its
     * moving-block bootstrap interval (the blocks are the run's repeated measurements of it); without,
     * the histogram's p50 and, from two rounds on, the range of the rounds' p50s; else no interval.
     */
    static Candidate p50(String label, LatencySeries s, ReportTables t) {
        Optional<FloorBlocks> blocks = t.blocks().stream().filter(b -> b.key().equals(s.key()) && b.size() > 0).findFirst();
        if (blocks.isPresent()) {
            double[] p50s = blocks.get().blocks().stream().mapToDouble(FloorBlock::seriesP50Ns).toArray();
            double median = Median.of(p50s);
            Interval i = MovingBlockBootstrap.medianInterval(p50s);
            return new Candidate(label, median, i, Quantities.time(median, i));
        }
        Interval rounds = t.roundSummary().stream()
                .filter(r -> r.key().equals(s.key()) && r.metric().equals(RoundValue.P50_NS) && r.rounds() >= 2)
                .findFirst().map(r -> new Interval(r.min(), r.max())).orElse(Interval.NONE);
        double p50 = s.at(50);
        return new Candidate(label, p50, rounds, Quantities.time(p50, rounds));
    }

    /** The same-pair p50 multiple of a series over all its blocks, when it has blocks. */
    static Optional<BlockMultiple> samePair(ReportTables t, SeriesName key) {
        return t.floorMultiples().stream().filter(m -> m.key().equals(key)).findFirst().flatMap(FloorMultiple::samePairP50);
    }

    /** Whether the series' configuration ended other than {@code ok}: its numbers are not compared. */
    static boolean failed(ReportTables t, SeriesName key) {
        return t.outcomes().stream().anyMatch(o -> !o.ok() && o.key().equals(key));
    }

    /** The question's configurations that timed out, failed or delivered corrupt messages: "PLAIN (timed out)". */
    static List<String> failures(ReportTables t, String question, List<String> names) {
        return t.outcomes().stream().filter(o -> o.key().question().equals(question))
                .filter(o -> o.stoppedTrial() || o.status().equals(io.shmbench.measure.Outcome.CORRUPT.label()))
                .map(o -> o.key().method() + " " + Labels.of(o.key(), names.stream().filter(o.key().params()::containsKey).toList())
                        + " (" + o.mark() + ")")
                .distinct().toList();
    }
}
