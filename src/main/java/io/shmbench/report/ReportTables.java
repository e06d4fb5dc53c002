package io.shmbench.report;

import java.util.Comparator;
import java.util.List;

/** The tables derived from a run's data, each in the order it is written and shown. */
public record ReportTables(List<LatencySeries> latency, List<Throughput> throughput,
                           List<FloorMultiple> floorMultiples, List<Outcome> outcomes, List<LossPoint> loss,
                           List<Placement> placements, List<CoreLatency> coreMatrix, List<FaultSummary> faults) {

    public static ReportTables of(RunData d) {
        List<LatencySeries> latency = d.latency().stream()
                .sorted(Comparator.comparing(LatencySeries::key, SeriesOrder.KEYS)).toList();
        return new ReportTables(latency,
                d.jmh().stream().flatMap(r -> Throughput.of(r).stream())
                        .sorted(Comparator.comparing(Throughput::key, SeriesOrder.KEYS)).toList(),
                FloorMultiple.compute(latency),
                d.outcomes().stream().sorted(Comparator.comparing(Outcome::key, SeriesOrder.KEYS)).toList(),
                LossPoint.aggregate(d.loss()),
                d.placements(),
                d.coreMatrix().stream().sorted(Comparator.comparingInt(CoreLatency::cpuA)
                        .thenComparingInt(CoreLatency::cpuB)).toList(),
                FaultSummary.summarise(d.faults()));
    }
}
