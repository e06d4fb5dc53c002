package io.shmbench.bench;

import io.shmbench.bench.peer.PeerCommand;
import io.shmbench.placement.Placement;
import io.shmbench.placement.PlacementDecision;
import io.shmbench.placement.ThreadAffinity;
import io.shmbench.placement.ThreadPin;
import io.shmbench.placement.Topology;

import java.util.List;
import java.util.OptionalInt;

/**
 * For the cross-process benchmarks that are not about placement (Q5, Q7): the calling thread
 * pinned to the writer CPU of {@link Placement#CROSS_CORE} and the peer told to pin itself to its
 * reader CPU, so both sides run on two cores of one node in every run. A host without two such
 * cores leaves both sides to the scheduler (and says so on stderr). Memory the pinned thread then
 * creates is first touched on its node.
 */
final class CrossCorePin implements AutoCloseable {
    private final ThreadPin pin;
    private final OptionalInt peerCpu;

    private CrossCorePin(ThreadPin pin, OptionalInt peerCpu) {
        this.pin = pin;
        this.peerCpu = peerCpu;
    }

    static CrossCorePin pinThisThread() {
        PlacementDecision decision = Placement.CROSS_CORE.resolve(Topology.host());
        if (decision instanceof PlacementDecision.Available where) {
            return new CrossCorePin(ThreadAffinity.pinTo(where.writerCpu()), OptionalInt.of(where.readerCpu()));
        }
        System.err.println("shmbench: both sides unpinned: " + decision);
        return new CrossCorePin(null, OptionalInt.empty());
    }

    /** The peer's arguments that pin its working thread (none when unpinned). */
    List<String> peerArgs() {
        return PeerCommand.cpuArgs(peerCpu);
    }

    /** Unpins the calling thread (the one that pinned it). */
    @Override
    public void close() {
        if (pin != null) {
            pin.close();
        }
    }
}
