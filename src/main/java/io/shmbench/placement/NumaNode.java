package io.shmbench.placement;

import java.util.List;

/**
 * One NUMA node. A node may have memory but no CPUs (a memory-only node: CXL or persistent memory
 * expanders, some cloud shapes) and, more rarely, CPUs but no memory; first touch can place memory
 * only on a node that has both a CPU to touch from and memory of its own.
 *
 * @param cpus the online CPUs of this node, ascending; empty for a memory-only node
 * @param hasMemory whether the kernel lists the node in {@code has_memory}
 */
public record NumaNode(int id, List<Integer> cpus, boolean hasMemory) {
    public NumaNode {
        cpus = List.copyOf(cpus);
    }
}
