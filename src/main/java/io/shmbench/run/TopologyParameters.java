package io.shmbench.run;

import io.shmbench.placement.CpuPair;
import io.shmbench.placement.Placement;
import io.shmbench.placement.Topology;

import java.util.List;
import java.util.Optional;

/**
 * The parameter values a host's CPU/NUMA topology decides, for any benchmark that has the parameter:
 * <ul>
 *   <li>{@value #PLACEMENT}: the placements this host can offer ({@link Placement#availableLabels}),
 *       closest first, so a profile that takes the first value takes {@code same-core};</li>
 *   <li>{@value #CPU_PAIR}: every pair of usable CPUs, {@code A:B} ({@link CpuPair#allPairs}).</li>
 * </ul>
 * When the host offers none (no pair on a one-CPU host), the declared values stay, and the
 * benchmark reports them unavailable when it runs: the run goes on and the gap is recorded.
 */
public final class TopologyParameters implements HostParameters {
    public static final String PLACEMENT = "placement";
    public static final String CPU_PAIR = "cpuPair";

    private final List<String> placements;
    private final List<String> cpuPairs;

    private TopologyParameters(List<String> placements, List<String> cpuPairs) {
        this.placements = placements;
        this.cpuPairs = cpuPairs;
    }

    public static TopologyParameters of(Topology topology) {
        return new TopologyParameters(List.of(Placement.availableLabels(topology)),
                CpuPair.allPairs(topology).stream().map(CpuPair::label).toList());
    }

    @Override
    public Optional<List<String>> values(BenchmarkDeclaration benchmark, String param) {
        List<String> values = switch (param) {
            case PLACEMENT -> placements;
            case CPU_PAIR -> cpuPairs;
            default -> List.of();
        };
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }
}
