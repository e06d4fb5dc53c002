package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables derived from a run's data, each in the order it is written and shown.
 *
 * @param blocks      every round-trip series' blocks (for the block figures)
 * @param rounds      how many rounds the run has (0 without raw/rounds.csv)
 * @param roundValues each series' numbers per round; empty without rounds
 */
public record ReportTables(List<LatencySeries> latency, List<Throughput> throughput,
                           List<FloorMultiple> floorMultiples, List<FloorBlocks> blocks, int rounds,
                           List<RoundValue> roundValues, List<RoundSummary> roundSummary, List<SeriesOutcome> outcomes,
                           List<LossPoint> loss, List<PlacementAvailability> placements, List<CoreLatency> coreMatrix,
                           List<FaultSummary> faults) {

    public static ReportTables of(RunData d) {
        List<LatencySeries> latency = d.latency().stream()
                .sorted(Comparator.comparing(LatencySeries::key, SeriesOrder.KEYS)).toList();
        List<RoundValue> roundValues = RoundValue.compute(d);
        return new ReportTables(latency, pooledThroughput(d.jmh()),
                FloorMultiple.compute(latency, d.floorLatency(), d.blocks(), roundValues),
                d.blocks(), d.rounds().numbers().size(), roundValues, RoundSummary.of(roundValues),
                d.outcomes().stream().sorted(Comparator.comparing(SeriesOutcome::key, SeriesOrder.KEYS)).toList(),
                LossPoint.aggregate(d.loss()),
                d.placements(),
                d.coreMatrix().stream().sorted(Comparator.comparingInt(CoreLatency::cpuA)
                        .thenComparingInt(CoreLatency::cpuB)).toList(),
                FaultSummary.summarise(d.faults()));
    }

    /** One row per series: a run with rounds has a result per round, pooled ({@link Throughput#pool}). */
    private static List<Throughput> pooledThroughput(List<JmhResult> jmh) {
        Map<SeriesName, List<Throughput>> bySeries = new LinkedHashMap<>();
        jmh.stream().flatMap(r -> Throughput.of(r).stream())
                .forEach(t -> bySeries.computeIfAbsent(t.key(), k -> new java.util.ArrayList<>()).add(t));
        return bySeries.values().stream().map(Throughput::pool)
                .sorted(Comparator.comparing(Throughput::key, SeriesOrder.KEYS)).toList();
    }
}
