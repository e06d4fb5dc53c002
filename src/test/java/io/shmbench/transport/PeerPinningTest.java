package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.placement.ThreadAffinity;
import io.shmbench.testutil.Await;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.ThreadAffinities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code PeerProcess.start(..., peerCpu)}: the peer pins the thread that runs its role (only that
 * one: the JVM's other threads stay free), and a CPU it may not use fails the start with the
 * kernel's reason instead of running unplaced.
 */
@ExtendWith(NoLeaks.class)
class PeerPinningTest {
    @TempDir
    Path logs;

    @Test
    void thePeerPinsItsRoleThreadToTheCpuGiven() {
        List<Integer> usable = ThreadAffinity.get();
        int cpu = usable.getLast();
        ChannelConfig config = ChannelConfig.of(0).withTimeout(Duration.ofSeconds(30));
        try (Arena arena = Arena.ofConfined();
             PeerProcess peer = PeerProcess.start(Transports.byName("floor"), config, PeerTask.echo(),
                     logs.resolve("peer.log"), OptionalInt.of(cpu))) {
            MemorySegment buffer = arena.allocate(1);
            peer.channel().send(buffer, 0);
            peer.channel().receive(buffer);
            Await.until("a thread of the peer is pinned to CPU " + cpu,
                    () -> ThreadAffinities.of(peer.pid()).contains(List.of(cpu)));
            if (usable.size() > 1) {
                assertTrue(ThreadAffinities.of(peer.pid()).contains(usable), "the peer's other threads keep every CPU");
            }
        }
    }

    @Test
    void aCpuThePeerMayNotUseFailsTheStartWithTheReason() {
        int notAllowed = ThreadAffinity.get().getLast() + 4096;
        ChannelConfig config = ChannelConfig.of(0).withTimeout(Duration.ofSeconds(30));
        ChannelException e = assertThrows(ChannelException.class, () -> PeerProcess.start(Transports.byName("floor"), config,
                PeerTask.echo(), logs.resolve("peer.log"), OptionalInt.of(notAllowed)).close());
        assertTrue(e.getMessage().contains("sched_setaffinity(CPUs " + notAllowed + ") failed"), e.getMessage());
    }
}
