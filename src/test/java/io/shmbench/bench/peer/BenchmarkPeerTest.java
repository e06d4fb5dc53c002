package io.shmbench.bench.peer;

import io.shmbench.message.CheckedMessage;
import io.shmbench.payload.PlainDoubleBuffer;
import io.shmbench.placement.ThreadAffinity;
import io.shmbench.process.ChildProcess;
import io.shmbench.process.NotReadyException;
import io.shmbench.process.PeerCommand;
import io.shmbench.shm.SharedSegment;
import io.shmbench.testutil.Await;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.ThreadAffinities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmarks' own peer processes: started, placed, found ready, failing clearly, always stopped. */
@ExtendWith(NoLeaks.class)
class BenchmarkPeerTest {
    private static final int BYTES = 256;

    @Test
    void aWriterPeerPinsItselfWritesAndStopsWhenClosed() {
        int cpu = ThreadAffinity.get().getLast();
        try (SharedSegment segment = SharedSegment.create("doublebuffer", PlainDoubleBuffer.segmentSize(BYTES))) {
            PlainDoubleBuffer buffer = new PlainDoubleBuffer(segment.memory(), BYTES);
            List<String> args = new ArrayList<>(List.of("--double-buffer", segment.path().toString(), "--bytes",
                    Integer.toString(BYTES), "--period-nanos", "1000000"));
            args.addAll(PeerCommand.cpuArgs(OptionalInt.of(cpu)));
            ChildProcess peer = PeerCommand.start(FaultWriterPeer.class, args, PeerLog.file());
            try {
                peer.awaitReady("writing", () -> CheckedMessage.sequence(buffer.front()) > 0);
                segment.unlink();
                long seen = CheckedMessage.sequence(buffer.front());
                Await.until("the writer goes on writing", () -> CheckedMessage.sequence(buffer.front()) > seen + 2);
                assertTrue(ThreadAffinities.of(peer.pid()).contains(List.of(cpu)), "its working thread is on CPU " + cpu);
            } finally {
                peer.close();
                segment.unlink();
            }
            assertFalse(peer.isAlive());
        }
    }

    @Test
    void aPeerThatCannotStartIsReportedWithItsExitCodeNotAsATimeout() {
        ChildProcess peer = PeerCommand.start(FaultWriterPeer.class, List.of("--bytes", "5", "--period-nanos", "1"), PeerLog.file());
        try {
            NotReadyException e = assertThrows(NotReadyException.class, () -> peer.awaitReady("writing", () -> false));
            assertFalse(e.timedOut());
            assertTrue(e.getMessage().contains("FaultWriterPeer peer (pid " + peer.pid() + ") exited with code 2 before writing"),
                    e.getMessage());
        } finally {
            peer.close();
        }
    }

    @Test
    void aPeerThatFailsAtWorkExitsWithCodeOne() {
        // a double buffer that does not exist: the arguments parse, the work fails
        ChildProcess peer = PeerCommand.start(FaultWriterPeer.class, List.of("--double-buffer", "/dev/shm/shmbench-missing-1-0",
                "--bytes", "64", "--period-nanos", "1"), PeerLog.file());
        try {
            NotReadyException e = assertThrows(NotReadyException.class, () -> peer.awaitReady("writing", () -> false));
            assertTrue(e.getMessage().contains("exited with code 1"), e.getMessage());
        } finally {
            peer.close();
        }
    }

    @Test
    void aKilledPeerIsGoneAndCloseStillSucceeds() throws Exception {
        try (SharedSegment segment = SharedSegment.create("doublebuffer", PlainDoubleBuffer.segmentSize(BYTES))) {
            ChildProcess peer = PeerCommand.start(FaultWriterPeer.class, List.of("--double-buffer", segment.path().toString(),
                    "--bytes", Integer.toString(BYTES), "--period-nanos", "1000000"), PeerLog.file());
            try {
                PlainDoubleBuffer buffer = new PlainDoubleBuffer(segment.memory(), BYTES);
                peer.awaitReady("writing", () -> CheckedMessage.sequence(buffer.front()) > 0);
                segment.unlink();
                peer.kill();
                assertTrue(peer.awaitExit(Duration.ofSeconds(30)).isPresent());
                assertFalse(peer.isAlive());
            } finally {
                peer.close();
                segment.unlink();
            }
            assertEquals(false, peer.isAlive());
        }
    }
}
