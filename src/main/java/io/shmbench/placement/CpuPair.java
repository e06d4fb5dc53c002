package io.shmbench.placement;

import java.util.ArrayList;
import java.util.List;

/**
 * Two usable CPUs for one cell of the core-to-core latency matrix (Q6 heatmap). Memory for a pair
 * goes on the writer's node, first touched from {@code writerCpu}.
 *
 * @param relation how the two CPUs relate: {@link Placement#SMT_SIBLING}, {@link Placement#CROSS_CORE}
 *     or {@link Placement#CROSS_NODE}
 */
public record CpuPair(int writerCpu, int readerCpu, Placement relation) {
    /**
     * Every unordered pair of distinct usable CPUs, {@code writerCpu < readerCpu}, in row-major order.
     * A round trip is symmetric, so the matrix is the mirror image of these cells; the diagonal
     * (one CPU shared time-sliced) is {@link Placement#SAME_CORE}, a different measurement.
     */
    public static List<CpuPair> allPairs(Topology topology) {
        List<Cpu> cpus = topology.usableCpus();
        List<CpuPair> pairs = new ArrayList<>();
        for (int i = 0; i < cpus.size(); i++) {
            for (int j = i + 1; j < cpus.size(); j++) {
                pairs.add(of(cpus.get(i), cpus.get(j)));
            }
        }
        return List.copyOf(pairs);
    }

    /**
     * The pair named by a {@link #label()}, e.g. {@code "0:16"}.
     *
     * @throws IllegalArgumentException when the text is not two CPU numbers or either CPU is not usable
     */
    public static CpuPair parse(String label, Topology topology) {
        String[] parts = label.strip().split(":", -1);
        if (parts.length != 2 || !parts[0].matches("\\d{1,7}") || !parts[1].matches("\\d{1,7}")) {
            throw new IllegalArgumentException("'" + label + "' is not a CPU pair; expected WRITER:READER, e.g. 0:1");
        }
        Cpu writer = usable(topology, Integer.parseInt(parts[0]), label);
        Cpu reader = usable(topology, Integer.parseInt(parts[1]), label);
        if (writer.id() == reader.id()) {
            throw new IllegalArgumentException("CPU pair '" + label + "' names one CPU twice; that is placement same-core");
        }
        return of(writer, reader);
    }

    /** {@code "writer:reader"}, a JMH parameter value (JMH splits values on commas, so not {@code 0,16}). */
    public String label() {
        return writerCpu + ":" + readerCpu;
    }

    private static CpuPair of(Cpu writer, Cpu reader) {
        Placement relation = writer.isSmtSiblingOf(reader) ? Placement.SMT_SIBLING
                : writer.node() == reader.node() ? Placement.CROSS_CORE : Placement.CROSS_NODE;
        return new CpuPair(writer.id(), reader.id(), relation);
    }

    private static Cpu usable(Topology topology, int id, String label) {
        return topology.cpu(id).filter(c -> topology.isUsable(id)).orElseThrow(() -> new IllegalArgumentException(
                "CPU pair '" + label + "': CPU " + id + " is not a usable CPU of this host (usable: "
                        + CpuList.format(topology.allowedCpus()) + ")"));
    }
}
