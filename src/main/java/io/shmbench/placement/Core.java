package io.shmbench.placement;

import java.util.List;

/**
 * One physical core: the online hardware threads (SMT siblings) that share its execution units and
 * its L1/L2 caches. {@code coreId} is the kernel's {@code core_id} of the core's lowest CPU; it is
 * unique only together with {@code packageId}.
 *
 * @param cpus the online CPUs of this core, ascending; more than one means SMT
 */
public record Core(int packageId, int coreId, List<Integer> cpus) {
    public Core {
        cpus = List.copyOf(cpus);
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("a core has at least one CPU");
        }
    }

    public boolean hasSmt() {
        return cpus.size() > 1;
    }
}
