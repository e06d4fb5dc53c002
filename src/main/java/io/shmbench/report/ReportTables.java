package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tables derived from a run's data, each in the order it is written and shown.
 *
 * @param operationTimes the time-per-operation results (avgt, sample, ss), pooled over rounds
 * @param blocks      every round-trip series' blocks (for the block figures)
 * @param rounds      how many rounds the run has (0 without raw/rounds.csv)
 * @param roundValues each series' numbers per round; empty without rounds
 */
public record ReportTables(List<LatencySeries> latency, List<Throughput> throughput, List<OperationTime> operationTimes,
                           List<FloorMultiple> floorMultiples, List<FloorBlocks> blocks, int rounds,
                           List<RoundValue> roundValues, List<RoundSummary> roundSummary, List<SeriesOutcome> outcomes,
                           List<LossPoint> loss, List<PlacementAvailability> placements, List<CoreLatency> coreMatrix,
                           List<FaultSummary> faults) {

    public static ReportTables of(RunData d) {
        List<LatencySeries> latency = d.latency().stream()
                .sorted(Comparator.comparing(LatencySeries::key, SeriesOrder.KEYS)).toList();
        List<RoundValue> roundValues = RoundValue.compute(d);
        return new ReportTables(latency, pooled(d.jmh(), Throughput::of, Throughput::key, t -> JmhResult.THROUGHPUT_MODE, Throughput::pool),
                pooled(d.jmh(), OperationTime::of, OperationTime::key, OperationTime::mode, OperationTime::pool),
                FloorMultiple.compute(latency, d.floorLatency(), d.blocks(), roundValues),
                d.blocks(), d.rounds().numbers().size(), roundValues, RoundSummary.of(roundValues),
                d.outcomes().stream().sorted(Comparator.comparing(SeriesOutcome::key, SeriesOrder.KEYS)).toList(),
                LossPoint.aggregate(d.loss()),
                d.placements(),
                d.coreMatrix().stream().sorted(Comparator.comparingInt(CoreLatency::cpuA)
                        .thenComparingInt(CoreLatency::cpuB)).toList(),
                FaultSummary.summarise(d.faults()));
    }

    /**
     * One row per series (and mode): a run with rounds has a result per round, pooled by {@code pool}
     * ({@link Throughput#pool}, {@link OperationTime#pool}).
     */
    private static <T> List<T> pooled(List<JmhResult> jmh, Function<JmhResult, Optional<T>> convert,
                                      Function<T, SeriesName> key, Function<T, String> mode, Function<List<T>, T> pool) {
        Map<List<Object>, List<T>> bySeries = new LinkedHashMap<>();
        jmh.stream().flatMap(r -> convert.apply(r).stream())
                .forEach(t -> bySeries.computeIfAbsent(List.of(key.apply(t), mode.apply(t)), k -> new ArrayList<>()).add(t));
        return bySeries.values().stream().map(pool)
                .sorted(Comparator.comparing(key, SeriesOrder.KEYS)).toList();
    }
}
