package io.shmbench.measure;

import io.shmbench.testutil.ChildJvm;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NoLeaks.class)
class CpuCostTest {
    @Test
    void countsTheWatchedPeersCpuDuringTheIterationOnlyAndTheMessages() {
        try (ChildJvm peer = ChildJvm.start(CpuBurner.class)) {
            peer.expectLine("ready");
            peer.send("burn 100"); // before the iteration: must not count
            peer.expectLine("burnt ");

            CpuCost cost = new CpuCost();
            cost.watch(peer.pid());
            cost.watch(peer.pid()); // once is enough
            cost.startIteration();
            peer.send("burn 400");
            peer.expectLine("burnt ");
            for (int i = 0; i < 1000; i++) {
                cost.countMessage();
            }
            cost.endIteration();

            assertEquals(1000, cost.messages);
            // The peer's CPU clock and the one read here may round differently (clock ticks of 10 ms): allow 10%.
            assertTrue(cost.cpuNs >= 360_000_000L, "the peer burnt 400 ms in the iteration; counted " + cost.cpuNs + " ns");

            cost.startIteration();
            assertEquals(0, cost.messages, "each iteration counts its own messages");
            cost.endIteration();
            assertTrue(cost.cpuNs < 400_000_000L, "an idle iteration counts what the processes used meanwhile, not before: "
                    + cost.cpuNs + " ns");
        }
    }
}
