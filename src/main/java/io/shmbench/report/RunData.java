package io.shmbench.report;

import java.util.List;
import java.util.Optional;

/** Everything read from one run directory; what could not be read is absent and reported in {@link Problems}. */
public record RunData(RunLayout layout, Optional<Environment> environment, List<LatencySeries> latency,
                      List<JmhResult> jmh, List<Outcome> outcomes, List<LossObservation> loss,
                      List<Placement> placements, List<CoreLatency> coreMatrix, List<FaultObservation> faults) {
    public RunData {
        latency = List.copyOf(latency);
        jmh = List.copyOf(jmh);
        outcomes = List.copyOf(outcomes);
        loss = List.copyOf(loss);
        placements = List.copyOf(placements);
        coreMatrix = List.copyOf(coreMatrix);
        faults = List.copyOf(faults);
    }

    /** Outcomes that are not {@code ok}: configurations the figures must mark. */
    public List<Outcome> failures() {
        return outcomes.stream().filter(o -> !o.ok()).toList();
    }
}
