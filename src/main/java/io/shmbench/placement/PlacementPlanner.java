package io.shmbench.placement;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chooses CPUs and the memory node for each {@link Placement} from a {@link Topology}'s usable CPUs.
 * Choices are deterministic (lowest usable CPU numbers first) so that runs on one host compare, and
 * memory goes only to a node that has memory of its own: first touch on a memory-less node would
 * silently put the pages on another node, and the placement would be faked.
 */
final class PlacementPlanner {
    private PlacementPlanner() {
    }

    static PlacementDecision sameCore(Topology topology) {
        for (Cpu cpu : topology.usableCpus()) {
            if (hasMemory(topology, cpu.node())) {
                return new PlacementDecision.Available(Placement.SAME_CORE, cpu.id(), cpu.id(), cpu.node(), cpu.id());
            }
        }
        return new PlacementDecision.Unavailable(Placement.SAME_CORE,
                "needs a usable CPU on a NUMA node with memory; " + usableCpusByNode(topology));
    }

    static PlacementDecision smtSibling(Topology topology) {
        for (Core core : topology.cores()) {
            List<Cpu> usable = core.cpus().stream().filter(topology::isUsable).map(id -> topology.cpu(id).orElseThrow())
                    .toList();
            if (usable.size() >= 2 && hasMemory(topology, usable.get(0).node())) {
                Cpu writer = usable.get(0);
                return new PlacementDecision.Available(Placement.SMT_SIBLING, writer.id(), usable.get(1).id(),
                        writer.node(), writer.id());
            }
        }
        String reason = topology.hasSmt()
                ? "needs 2 usable SMT siblings (hardware threads of one core); the host has SMT, but the usable CPUs "
                        + CpuList.format(topology.allowedCpus()) + " include no two threads of one core on a node with memory"
                : "needs SMT siblings (2 hardware threads of one core); every core of this host has a single hardware thread"
                        + " (SMT off, or not exposed by the hypervisor)";
        return new PlacementDecision.Unavailable(Placement.SMT_SIBLING, reason);
    }

    static PlacementDecision crossCore(Topology topology) {
        for (NumaNode node : topology.nodes()) {
            if (!node.hasMemory()) {
                continue;
            }
            List<Cpu> usable = topology.usableCpusOn(node.id());
            for (Cpu writer : usable) {
                Optional<Cpu> reader = usable.stream().filter(c -> !c.core().equals(writer.core())).findFirst();
                if (reader.isPresent()) {
                    return new PlacementDecision.Available(Placement.CROSS_CORE, writer.id(), reader.get().id(),
                            node.id(), writer.id());
                }
            }
        }
        return new PlacementDecision.Unavailable(Placement.CROSS_CORE,
                "needs usable CPUs on 2 different cores of one NUMA node with memory; " + usableCpusByNode(topology));
    }

    /**
     * The lowest pair of nodes with usable CPUs whose memory node (the writer's, or the reader's when
     * {@code remoteMemory}) has memory. Node distances are not consulted: on hosts with more than two
     * nodes the pair is the first one, not necessarily the farthest.
     */
    static PlacementDecision crossNode(Topology topology, Placement placement, boolean remoteMemory) {
        List<NumaNode> withCpus = topology.nodes().stream()
                .filter(n -> !topology.usableCpusOn(n.id()).isEmpty()).toList();
        if (withCpus.size() < 2) {
            return new PlacementDecision.Unavailable(placement, "needs 2 NUMA nodes with usable CPUs; "
                    + usableCpusByNode(topology));
        }
        for (NumaNode writerNode : withCpus) {
            for (NumaNode readerNode : withCpus) {
                NumaNode memoryNode = remoteMemory ? readerNode : writerNode;
                if (writerNode.id() == readerNode.id() || !memoryNode.hasMemory()) {
                    continue;
                }
                int writer = topology.usableCpusOn(writerNode.id()).getFirst().id();
                int reader = topology.usableCpusOn(readerNode.id()).getFirst().id();
                return new PlacementDecision.Available(placement, writer, reader, memoryNode.id(),
                        remoteMemory ? reader : writer);
            }
        }
        return new PlacementDecision.Unavailable(placement, "needs 2 NUMA nodes with usable CPUs, the "
                + (remoteMemory ? "reader's" : "writer's") + " with memory of its own; " + usableCpusByNode(topology));
    }

    private static boolean hasMemory(Topology topology, int node) {
        return topology.node(node).map(NumaNode::hasMemory).orElse(false);
    }

    /** E.g. {@code "usable CPUs by node: node0 0-1 (2 cores); node1 none (memory only)"}. */
    private static String usableCpusByNode(Topology topology) {
        return "this host has " + topology.nodes().size() + (topology.nodes().size() == 1 ? " node" : " nodes")
                + " (usable CPUs: " + topology.nodes().stream().map(n -> describe(topology, n))
                .collect(Collectors.joining("; ")) + ")";
    }

    private static String describe(Topology topology, NumaNode node) {
        List<Cpu> usable = topology.usableCpusOn(node.id());
        String cpus;
        if (usable.isEmpty()) {
            cpus = node.cpus().isEmpty() ? "none, no CPUs" : "none of " + CpuList.format(node.cpus()) + " allowed";
        } else {
            long cores = usable.stream().map(Cpu::core).distinct().count();
            cpus = CpuList.format(usable.stream().map(Cpu::id).toList()) + " on " + cores + (cores == 1 ? " core" : " cores");
        }
        return "node" + node.id() + " " + cpus + (node.hasMemory() ? "" : ", no memory");
    }
}
