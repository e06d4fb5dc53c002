package io.shmbench.ring;

import io.shmbench.ipc.PeerGoneException;
import io.shmbench.ipc.WaitStrategy;
import io.shmbench.testutil.Await;
import io.shmbench.testutil.ChildJvm;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.RingPeerMain;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.shmbench.testutil.MessageAssertions.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What one side learns about the other, with the other side in a real second JVM
 * ({@link RingPeerMain} {@code hold}): ALIVE while it runs, DEAD once killed, ABSENT after it
 * detaches cleanly, STALE when it runs but stops stamping its heartbeat; a side that waits on a
 * killed peer gets a {@link PeerGoneException} instead of waiting out its timeout; and a ring has
 * one live writer at a time across processes.
 */
@ExtendWith(NoLeaks.class)
class PeerLivenessTest {
    private static final RingConfig CONFIG = RingConfig.of(4, 64);
    /** Long enough that a peer stamping every 10 ms is never STALE, even on a loaded machine. */
    private static final long GENEROUS = ChildJvm.TIMEOUT.toNanos();

    @Test
    void aRunningWriterIsAliveAndDeadOnceKilled() {
        try (TempRing temp = TempRing.create(CONFIG);
             RingReader reader = temp.ring().openReader(WaitStrategy.PARK);
             ChildJvm writer = hold(temp.ring(), "writer", true)) {
            Ring ring = temp.ring();
            assertEquals(PeerStatus.ALIVE, ring.writerStatus(GENEROUS));
            assertEquals(PeerStatus.ALIVE, reader.peerStatus(GENEROUS));
            writer.kill();
            assertEquals(PeerStatus.DEAD, ring.writerStatus(GENEROUS));
            assertEquals(PeerStatus.DEAD, reader.peerStatus(GENEROUS));
        }
    }

    @Test
    void aWriterThatDetachesCleanlyIsAbsent() {
        try (TempRing temp = TempRing.create(CONFIG)) {
            Ring ring = temp.ring();
            ChildJvm writer = hold(ring, "writer", true);
            try {
                assertEquals(PeerStatus.ALIVE, ring.writerStatus(GENEROUS));
                writer.send("close");
                writer.expectLine("CLOSED");
                assertEquals(PeerStatus.ABSENT, ring.writerStatus(GENEROUS), "detached, process still running");
            } finally {
                writer.close(); // idempotent; here it is also the step under test
            }
            assertEquals(PeerStatus.ABSENT, ring.writerStatus(GENEROUS), "and after it exited");
        }
    }

    @Test
    void aReaderThatStopsStampingBecomesStale() {
        long staleAfter = TimeUnit.MILLISECONDS.toNanos(200);
        try (TempRing temp = TempRing.create(CONFIG);
             RingWriter writer = temp.ring().openWriter(WaitStrategy.PARK);
             ChildJvm reader = hold(temp.ring(), "reader", false)) {
            Ring ring = temp.ring();
            Await.until("the silent reader is STALE", () -> ring.readerStatus(staleAfter) == PeerStatus.STALE);
            assertEquals(PeerStatus.STALE, writer.peerStatus(staleAfter), "it has not moved its index either");
            assertEquals(PeerStatus.ALIVE, ring.readerStatus(GENEROUS), "the process itself runs");
            reader.kill();
            assertEquals(PeerStatus.DEAD, ring.readerStatus(staleAfter), "DEAD outranks STALE");
        }
    }

    @Test
    void aBlockingWriterWaitingForRoomLearnsThatTheReaderWasKilled() throws Exception {
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try (TempRing temp = TempRing.create(CONFIG);
             RingWriter writer = temp.ring().openWriter(WaitStrategy.PARK);
             ChildJvm reader = hold(temp.ring(), "reader", true)) {
            byte[] message = new byte[8];
            while (writer.offer(message, 0, message.length)) {
                // fill the ring: nobody reads
            }
            Future<?> blocked = waiter.submit(() -> writer.write(message, 0, message.length, 2 * GENEROUS));
            reader.kill();
            ExecutionException e = assertThrows(ExecutionException.class, () -> blocked.get(3 * GENEROUS, TimeUnit.NANOSECONDS));
            assertInstanceOf(PeerGoneException.class, e.getCause(), "not a timeout: " + e.getCause());
            assertMessageContains("the reader process (pid " + reader.pid() + ") died while waiting for a free slot on "
                    + temp.ring().path(), e.getCause());
        } finally {
            waiter.shutdownNow();
        }
    }

    @Test
    void aReaderWaitingForAMessageLearnsThatTheWriterWasKilled() throws Exception {
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try (TempRing temp = TempRing.create(CONFIG);
             RingReader reader = temp.ring().openReader(WaitStrategy.PARK);
             ChildJvm writer = hold(temp.ring(), "writer", true)) {
            Future<?> blocked = waiter.submit(() -> reader.receive(2 * GENEROUS));
            writer.kill();
            ExecutionException e = assertThrows(ExecutionException.class, () -> blocked.get(3 * GENEROUS, TimeUnit.NANOSECONDS));
            assertInstanceOf(PeerGoneException.class, e.getCause(), "not a timeout: " + e.getCause());
            assertMessageContains("the writer process (pid " + writer.pid() + ") died while waiting for a message on "
                    + temp.ring().path(), e.getCause());
        } finally {
            waiter.shutdownNow();
        }
    }

    /** A second writer is refused while the first lives in another JVM, and takes over once that JVM is dead. */
    @Test
    void aSecondWriterIsRefusedWhileTheFirstLivesInAnotherJvm() {
        try (TempRing temp = TempRing.create(CONFIG);
             ChildJvm first = hold(temp.ring(), "writer", true)) {
            Ring ring = temp.ring();
            RingException e = assertThrows(RingException.class, () -> ring.openWriter(WaitStrategy.PARK));
            assertMessageContains("this ring already has a live writer (pid " + first.pid() + "); a ring has exactly one writer", e);
            first.kill();
            try (RingWriter second = ring.openWriter(WaitStrategy.PARK)) {
                assertEquals(PeerStatus.ALIVE, ring.writerStatus(GENEROUS));
                assertEquals(0, second.position());
            }
        }
    }

    private static ChildJvm hold(Ring ring, String side, boolean stamp) {
        return ChildJvm.startReady(RingPeerMain.class, "hold", "path=" + ring.path(), "side=" + side, "stamp=" + stamp);
    }
}
