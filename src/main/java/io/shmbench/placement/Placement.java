package io.shmbench.placement;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the two processes of a cross-process benchmark sit (question Q6), by the names the command
 * line and the results use. For a given {@link Topology} each placement {@linkplain #resolve resolves}
 * to the CPUs for the writer and reader sides and the NUMA node for the shared memory, or to the
 * reason the host cannot offer it. Unavailable placements are reported as such, never replaced by
 * another placement.
 *
 * <p>Memory is placed by first touch: the segment is created and pre-faulted on a thread pinned to
 * {@link PlacementDecision.Available#memoryCpu()} (see {@link FirstTouch}); {@link PageNodes} checks
 * where the pages went.
 */
public enum Placement {
    /**
     * Writer and reader pinned to the <em>same</em> logical CPU, so the two processes share it
     * time-sliced: every hand-off waits for the scheduler to switch processes. This measures the
     * context-switch path, not cache-to-cache transfer; a busy-polling reader burns its time slice
     * before the writer can run, so expect it to be far slower than the other placements.
     */
    SAME_CORE("same-core"),
    /** Two hardware threads (SMT siblings) of one physical core: they share L1 and L2. */
    SMT_SIBLING("smt-sibling"),
    /** Two different physical cores on the same NUMA node: cache lines move through the shared L3. */
    CROSS_CORE("cross-core"),
    /**
     * CPUs on two NUMA nodes, memory on the writer's node: every line crosses the interconnect and
     * the reader's misses go to remote memory.
     */
    CROSS_NODE("cross-node"),
    /** CPUs on two NUMA nodes, memory on the reader's node: the writer's stores go to remote memory. */
    CROSS_NODE_REMOTE_MEMORY("cross-node-remote-memory");

    private final String label;

    Placement(String label) {
        this.label = label;
    }

    /** The name used on the command line and in results, e.g. {@code smt-sibling}. */
    public String label() {
        return label;
    }

    /**
     * The placement with this label.
     *
     * @throws IllegalArgumentException listing the valid names when there is none
     */
    public static Placement fromLabel(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown placement '" + label + "'; valid placements: "
                        + String.join(", ", labels())));
    }

    /** Every placement's label, in declaration order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Placement::label).toList();
    }

    /** The CPUs and memory node this placement uses on {@code topology}, or why it cannot be offered. */
    public PlacementDecision resolve(Topology topology) {
        return switch (this) {
            case SAME_CORE -> PlacementPlanner.sameCore(topology);
            case SMT_SIBLING -> PlacementPlanner.smtSibling(topology);
            case CROSS_CORE -> PlacementPlanner.crossCore(topology);
            case CROSS_NODE -> PlacementPlanner.crossNode(topology, this, false);
            case CROSS_NODE_REMOTE_MEMORY -> PlacementPlanner.crossNode(topology, this, true);
        };
    }

    /** Every placement resolved on {@code topology}, in declaration order: the full Q6 picture. */
    public static List<PlacementDecision> resolveAll(Topology topology) {
        return Arrays.stream(values()).map(p -> p.resolve(topology)).toList();
    }

    /** The placements this host can offer, with their CPUs and memory node. */
    public static List<PlacementDecision.Available> availablePlacements(Topology topology) {
        return resolveAll(topology).stream()
                .filter(PlacementDecision.Available.class::isInstance).map(PlacementDecision.Available.class::cast)
                .toList();
    }

    /** The placements this host cannot offer, each with its reason: to be reported, not dropped. */
    public static List<PlacementDecision.Unavailable> unavailablePlacements(Topology topology) {
        return resolveAll(topology).stream()
                .filter(PlacementDecision.Unavailable.class::isInstance).map(PlacementDecision.Unavailable.class::cast)
                .toList();
    }

    /** The labels of the available placements, e.g. for JMH's {@code OptionsBuilder.param("placement", ...)}. */
    public static String[] availableLabels(Topology topology) {
        return availablePlacements(topology).stream().map(a -> a.placement().label()).toArray(String[]::new);
    }

    /** One line per unavailable placement, {@code "cross-node: needs ..."}, for logs and the run record. */
    public static String describeUnavailable(Topology topology) {
        return unavailablePlacements(topology).stream().map(u -> u.placement().label() + ": " + u.reason())
                .collect(Collectors.joining("\n"));
    }
}
