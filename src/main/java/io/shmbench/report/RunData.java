package io.shmbench.report;

import java.util.List;
import java.util.Optional;

/**
 * Everything read from one run directory; what could not be read is absent and reported in {@link Problems}.
 *
 * @param floorLatency the same-pair floors (raw/floor/), each under the key of the series it belongs to
 * @param blocks       the blocks of each round-trip series and its floor (raw/blocks/)
 * @param rounds       raw/rounds.csv, or {@link RoundRuns#NONE}
 */
public record RunData(RunLayout layout, Optional<Environment> environment, List<LatencySeries> latency,
                      List<LatencySeries> floorLatency, List<FloorBlocks> blocks, RoundRuns rounds,
                      List<JmhResult> jmh, List<SeriesOutcome> outcomes, List<LossObservation> loss,
                      List<PlacementAvailability> placements, List<CoreLatency> coreMatrix, List<FaultObservation> faults) {
    public RunData {
        latency = List.copyOf(latency);
        floorLatency = List.copyOf(floorLatency);
        blocks = List.copyOf(blocks);
        jmh = List.copyOf(jmh);
        outcomes = List.copyOf(outcomes);
        loss = List.copyOf(loss);
        placements = List.copyOf(placements);
        coreMatrix = List.copyOf(coreMatrix);
        faults = List.copyOf(faults);
    }

    /** Outcomes that are not {@code ok}: configurations the figures must mark. */
    public List<SeriesOutcome> failures() {
        return outcomes.stream().filter(o -> !o.ok()).toList();
    }
}
