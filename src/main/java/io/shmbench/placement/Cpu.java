package io.shmbench.placement;

/**
 * One online logical CPU (hardware thread) as the kernel numbers it.
 *
 * @param node the NUMA node whose {@code cpulist} holds this CPU (0 on a kernel without NUMA)
 * @param core the physical core this CPU is a hardware thread of
 */
public record Cpu(int id, int node, Core core) {
    /** Another hardware thread of the same physical core (so not this CPU itself). */
    public boolean isSmtSiblingOf(Cpu other) {
        return other.id != id && core.equals(other.core);
    }
}
