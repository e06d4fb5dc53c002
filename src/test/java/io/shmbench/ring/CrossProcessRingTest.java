package io.shmbench.ring;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.message.MessageChecksum;
import io.shmbench.testutil.Await;
import io.shmbench.testutil.CheckedStream;
import io.shmbench.testutil.ChildJvm;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.RingPeerMain;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ring between two JVMs: this one creates the ring and reads; a child JVM ({@link RingPeerMain})
 * attaches and writes sealed messages ({@link MessageChecksum#writeSealed}) of random size, each carrying its number and a CRC32C,
 * so the reader checks every message for loss, duplication, reordering and corruption. The reader
 * alternates the zero-copy and copying APIs, the writer cycles through claim/commit, write(byte[])
 * and write(segment).
 */
@ExtendWith(NoLeaks.class)
class CrossProcessRingTest {
    /** With each {@link SlotRelease}: a reader that writes the slots it consumed never damages a message not yet read. */
    @ParameterizedTest
    @EnumSource(SlotRelease.class)
    void blockingCarriesAMillionMessagesOfRandomSizeIntactAndInOrder(SlotRelease release) {
        int count = 1_000_000;
        try (TempRing temp = TempRing.create(RingConfig.of(256, 1000));
             RingReader reader = temp.ring().openReader(WaitStrategy.YIELD, LapPolicy.DEFAULT, release);
             ChildJvm writer = startWriter(temp.ring(), count, 42, 1, 0)) {
            CheckedStream stream = new CheckedStream(reader);
            for (long n = 0; n < count; n++) {
                stream.next(n % 2 == 0);
                stream.expect(1, n);
            }
            assertEquals("DONE " + count, writer.expectLine("DONE"));
            assertEquals(0, writer.awaitExit(ChildJvm.TIMEOUT));
            assertEquals(-1, reader.poll(), "a message beyond the last one written");
            assertEquals(count, temp.ring().writeIndex());
            assertEquals(PeerStatus.ABSENT, temp.ring().writerStatus(Long.MAX_VALUE), "the writer closed cleanly");
        }
    }

    /**
     * An OVERWRITE writer that keeps lapping a slower reader: every message is either delivered
     * whole, with the number its position says, or counted as missed (lapped or torn), and the two
     * add up to what was written. The reader now and then waits until the writer is two laps ahead
     * of its read index, so it is lapped; the writer stays at most four laps ahead of that index so
     * it races with the reader the whole time instead of finishing alone.
     */
    @Test
    void overwriteWithASlowReaderDeliversOrCountsEveryMessageAndNeverATornOne() {
        int count = 300_000;
        int slots = 16;
        try (TempRing temp = TempRing.create(RingConfig.of(slots, 500).withMode(RingMode.OVERWRITE));
             RingReader reader = temp.ring().openReader(WaitStrategy.YIELD);
             ChildJvm writer = startWriter(temp.ring(), count, 7, 1, 4 * slots)) {
            Ring ring = temp.ring();
            CheckedStream stream = new CheckedStream(reader);
            long delivered = 0;
            long nextPause = 0;
            while (reader.position() < count) {
                if (reader.position() >= nextPause) {
                    // Relative to the read index, which the writer paces itself on: it trails the
                    // position after a lap (it is published by the next poll).
                    long target = Math.min(count, ring.readIndex() + 2 * slots);
                    Await.until("the writer is two laps ahead", () -> ring.writeIndex() >= target);
                    nextPause = reader.position() + 1000;
                }
                if (stream.next(delivered % 2 == 0)) {
                    delivered++;
                    stream.expect(1, reader.position() - 1);
                }
            }
            assertEquals("DONE " + count, writer.expectLine("DONE"));
            assertEquals(0, writer.awaitExit(ChildJvm.TIMEOUT));
            System.out.printf("OVERWRITE, %d slots, %d written: %d delivered, %d missed (%d of them torn)%n",
                    slots, count, delivered, reader.missed(), reader.torn());
            assertEquals(count, delivered + reader.missed(), "delivered + missed == written");
            assertTrue(reader.missed() >= slots, "the first pause alone laps the reader: " + reader.missed());
            assertTrue(reader.torn() <= reader.missed());
        }
    }

    /**
     * A writer JVM killed mid-stream is replaced by a new one: the reader gets the first writer's
     * messages up to where it died, then the second writer's, with nothing lost or doubled at the seam.
     */
    @ParameterizedTest
    @EnumSource(ReaderPoll.class)
    void aKilledWriterIsReplacedWithoutLosingOrDoublingAMessage(ReaderPoll poll) {
        int secondCount = 5000;
        try (TempRing temp = TempRing.create(RingConfig.of(64, 200).withReaderPoll(poll));
             RingReader reader = temp.ring().openReader(WaitStrategy.YIELD)) {
            Ring ring = temp.ring();
            CheckedStream stream = new CheckedStream(reader);
            long firstCount = 0;
            try (ChildJvm first = startWriter(ring, -1, 1, 1, 0)) {
                for (; firstCount < 20_000; firstCount++) {
                    stream.next(firstCount % 2 == 0);
                    stream.expect(1, firstCount);
                }
                first.kill();
            }
            assertEquals(PeerStatus.DEAD, ring.writerStatus(Long.MAX_VALUE));
            while (stream.poll()) { // what the first writer published before it died
                stream.expect(1, firstCount++);
            }
            try (ChildJvm second = startWriter(ring, secondCount, 2, 2, 0)) {
                // Until the new writer has attached, the header names the dead one: a waiting reader says PeerGone.
                second.expectLine("READY");
                long secondSeen = 0;
                while (secondSeen < secondCount) {
                    stream.next(secondSeen % 2 == 0);
                    if (secondSeen == 0 && stream.writer() == 1) {
                        // Committed by the first writer, published by the second when it took over.
                        stream.expect(1, firstCount++);
                    } else {
                        stream.expect(2, secondSeen++);
                    }
                }
                assertEquals("DONE " + secondCount, second.expectLine("DONE"));
                assertEquals(0, second.awaitExit(ChildJvm.TIMEOUT));
            }
            assertEquals(-1, reader.poll());
            assertEquals(firstCount + secondCount, ring.writeIndex(), "every index holds exactly one message");
            assertEquals(ring.writeIndex(), reader.position());
        }
    }

    static ChildJvm startWriter(Ring ring, long count, long seed, int writerId, long lead) {
        return ChildJvm.start(RingPeerMain.class, "write", "path=" + ring.path(), "count=" + count, "seed=" + seed,
                "writer=" + writerId, "lead=" + lead);
    }
}
