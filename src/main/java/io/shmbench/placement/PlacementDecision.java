package io.shmbench.placement;

/**
 * What a {@link Placement} comes to on one host: the CPUs and memory node to use, or the reason the
 * host cannot offer it.
 */
public sealed interface PlacementDecision permits PlacementDecision.Available, PlacementDecision.Unavailable {
    Placement placement();

    boolean isAvailable();

    /**
     * The CPUs and memory node to use.
     *
     * @throws PlacementUnavailableException with the reason when the host cannot offer the placement
     */
    Available orElseThrow();

    /**
     * The placement can be offered.
     *
     * @param writerCpu the CPU to pin the writer side (the side that creates the segment) to
     * @param readerCpu the CPU to pin the reader side to; equal to {@code writerCpu} for {@code same-core}
     * @param memoryNode the NUMA node the shared memory must be on
     * @param memoryCpu the CPU (writer's or reader's, on {@code memoryNode}) to first-touch the memory from
     */
    record Available(Placement placement, int writerCpu, int readerCpu, int memoryNode, int memoryCpu)
            implements PlacementDecision {
        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public Available orElseThrow() {
            return this;
        }

        @Override
        public String toString() {
            return placement.label() + ": writer CPU " + writerCpu + ", reader CPU " + readerCpu + ", memory on node "
                    + memoryNode + " (first touch from CPU " + memoryCpu + ")";
        }
    }

    /** The placement cannot be offered on this host, and {@code reason} says why. */
    record Unavailable(Placement placement, String reason) implements PlacementDecision {
        @Override
        public boolean isAvailable() {
            return false;
        }

        @Override
        public Available orElseThrow() {
            throw new PlacementUnavailableException(this);
        }

        @Override
        public String toString() {
            return placement.label() + ": unavailable, " + reason;
        }
    }
}
