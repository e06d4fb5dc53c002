package io.shmbench.ring;

import io.shmbench.ipc.MessageTooLargeException;
import io.shmbench.ipc.WaitStrategy;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.util.List;

import static io.shmbench.ring.RingOverwriteTest.drain;
import static io.shmbench.ring.RingOverwriteTest.writeNumber;
import static io.shmbench.testutil.MessageAssertions.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer's and reader's contracts in one process: limits, misuse, detaching, and an allocation-free hot path. */
@ExtendWith(NoLeaks.class)
class RingApiTest {
    private static final long TIMEOUT = RingRoundTripTest.TIMEOUT_NANOS;

    @ParameterizedTest
    @EnumSource(RingMode.class)
    void aMessageLargerThanASlotIsRefusedWithItsSize(RingMode mode) {
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64).withMode(mode).withAlignSlots(false));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            int max = writer.maxPayload();
            byte[] tooLarge = new byte[max + 1];
            String expected = "message of " + (max + 1) + " bytes does not fit in a slot of this ring (at most " + max + " bytes)";
            assertMessageContains(expected, assertThrows(MessageTooLargeException.class, () -> writer.offer(tooLarge, 0, max + 1)));
            assertMessageContains(expected, assertThrows(MessageTooLargeException.class,
                    () -> writer.write(MemorySegment.ofArray(tooLarge), 0, max + 1, TIMEOUT)));
            writer.tryClaim();
            assertMessageContains(expected, assertThrows(MessageTooLargeException.class, () -> writer.commit(max + 1)));
            writer.commit(max); // the claim survives a refused commit
            assertEquals(max, reader.poll());
            assertEquals(-1, reader.poll(), "nothing of the refused messages reached the ring");
        }
    }

    /** The header keeps the slot size, not the requested payload: both sides must agree on the largest message. */
    @Test
    void creatorAndAttacherAgreeOnTheLargestMessage() {
        RingConfig requested = RingConfig.of(4, 100); // aligned: 16 + 100 rounds up to a 128-byte slot
        try (TempRing temp = TempRing.create(requested);
             Ring attached = Ring.attach(temp.ring().path());
             RingWriter writer = attached.openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            assertEquals(attached.config(), temp.ring().config(), "the attacher reads back the creator's configuration");
            assertEquals(writer.maxPayload(), reader.maxPayload());
            assertTrue(writer.maxPayload() >= requested.maxPayload());
            byte[] largest = new byte[writer.maxPayload()];
            largest[largest.length - 1] = 42;
            writer.write(largest, 0, largest.length, TIMEOUT);
            byte[] received = new byte[reader.maxPayload()];
            assertEquals(largest.length, reader.read(received, TIMEOUT));
            assertEquals(42, received[largest.length - 1]);
        }
    }

    @Test
    void aBufferTooSmallForTheNextMessageLeavesItInTheRing() {
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            writer.write(new byte[40], 0, 40, TIMEOUT);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> reader.read(new byte[39], TIMEOUT));
            assertMessageContains("a buffer of 39 bytes cannot hold the next message of 40 bytes", e);
            assertEquals(40, reader.read(new byte[40], TIMEOUT), "the message is still there");
            assertEquals(1, reader.position());
        }
    }

    @Test
    void claimAndCommitMustAlternate() {
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN)) {
            assertMessageContains("commit without a claim", assertThrows(IllegalStateException.class, () -> writer.commit(1)));
            writer.tryClaim();
            assertMessageContains("previous claim was not committed", assertThrows(IllegalStateException.class, writer::tryClaim));
        }
    }

    @Test
    void aReaderWithoutAMessageSaysSo() {
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64));
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            assertMessageContains("no message polled yet", assertThrows(IllegalStateException.class, reader::payload));
            assertMessageContains("no message polled yet", assertThrows(IllegalStateException.class, reader::validate));
        }
    }

    @Test
    void aFullBlockingRingRefusesAndTimesOut() {
        try (TempRing temp = TempRing.create(RingConfig.of(3, 64));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.PARK);
             RingReader reader = temp.ring().openReader(WaitStrategy.PARK)) {
            for (long n = 0; n < 3; n++) {
                writeNumber(writer, n);
            }
            assertNull(writer.tryClaim(), "full");
            assertFalse(writer.offer(new byte[8], 0, 8));
            RingTimeoutException e = assertThrows(RingTimeoutException.class, () -> writer.claim(1_000_000));
            assertMessageContains("timed out waiting for a free slot on " + temp.ring().path() + " (reader is ", e);
            assertEquals(List.of(0L, 1L, 2L), drain(reader));
            assertNotNull(writer.tryClaim(), "room again once the reader has moved on");
            RingTimeoutException empty = assertThrows(RingTimeoutException.class, () -> reader.receive(1_000_000));
            assertMessageContains("timed out waiting for a message on " + temp.ring().path(), empty);
        }
    }

    @ParameterizedTest
    @EnumSource(RingMode.class)
    void aRingHasOneWriterAndOneReaderAtATime(RingMode mode) {
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64).withMode(mode))) {
            Ring ring = temp.ring();
            long me = ProcessHandle.current().pid();
            try (RingWriter first = ring.openWriter(WaitStrategy.SPIN);
                 RingReader reader = ring.openReader(WaitStrategy.SPIN)) {
                assertMessageContains("this ring already has a live writer (pid " + me + ")",
                        assertThrows(RingException.class, () -> ring.openWriter(WaitStrategy.SPIN)));
                assertMessageContains("this ring already has a live reader (pid " + me + ")",
                        assertThrows(RingException.class, () -> ring.openReader(WaitStrategy.SPIN)));
                assertEquals(PeerStatus.ALIVE, ring.writerStatus(Long.MAX_VALUE));
                writeNumber(first, 0);
                assertEquals(List.of(0L), drain(reader), "the refusals did not disturb the live writer and reader");
            }
            assertEquals(PeerStatus.ABSENT, ring.writerStatus(Long.MAX_VALUE), "a closed writer detaches");
            assertEquals(PeerStatus.ABSENT, ring.readerStatus(Long.MAX_VALUE));
            ring.openWriter(WaitStrategy.SPIN).close(); // the place is free again
        }
    }

    /** A reader that closes after reading a message has consumed it: the next reader does not get it again. */
    @ParameterizedTest
    @EnumSource(RingMode.class)
    void aReaderThatClosesHasConsumedWhatItRead(RingMode mode) {
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64).withMode(mode));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN)) {
            for (long n = 0; n < 3; n++) {
                writeNumber(writer, n);
            }
            try (RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
                assertEquals(List.of(0L, 1L, 2L), drain(reader));
            }
            try (RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
                assertEquals(-1, reader.poll(), "message 2 was delivered to the previous reader");
                writeNumber(writer, 3);
                assertEquals(List.of(3L), drain(reader));
            }
            if (mode == RingMode.BLOCKING) {
                for (long n = 4; n < 8; n++) {
                    writeNumber(writer, n); // four free slots: everything read was released
                }
            }
        }
    }

    /** Closing the ring detaches the writer and reader opened from it, so a forgotten cursor does not stay ALIVE. */
    @Test
    void closingTheRingDetachesItsWriterAndReader() {
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64))) {
            Ring second = Ring.attach(temp.ring().path());
            second.openWriter(WaitStrategy.SPIN);
            second.openReader(WaitStrategy.SPIN);
            assertEquals(PeerStatus.ALIVE, temp.ring().writerStatus(Long.MAX_VALUE));
            second.close();
            assertEquals(PeerStatus.ABSENT, temp.ring().writerStatus(Long.MAX_VALUE));
            assertEquals(PeerStatus.ABSENT, temp.ring().readerStatus(Long.MAX_VALUE));
            second.close(); // idempotent
        }
    }

    /**
     * A peer that shows no life is STALE from the first look: the first sight of its index is not
     * progress. Moving its index makes it ALIVE again. (Sleeps make the heartbeat old for sure; no
     * time is asserted.)
     */
    @Test
    void peerStatusIsStaleFromTheFirstLookAndAliveAfterProgress() throws InterruptedException {
        long staleAfter = 1_000_000; // 1 ms
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            Thread.sleep(20);
            assertEquals(PeerStatus.STALE, reader.peerStatus(staleAfter), "no heartbeat and no message for 20 ms");
            assertEquals(PeerStatus.STALE, writer.peerStatus(staleAfter));
            writeNumber(writer, 0);
            assertEquals(PeerStatus.ALIVE, reader.peerStatus(staleAfter), "the writer published since the last look");
            Thread.sleep(20);
            assertEquals(PeerStatus.STALE, reader.peerStatus(staleAfter), "and nothing since");
            writer.heartbeat();
            assertEquals(PeerStatus.ALIVE, reader.peerStatus(Long.MAX_VALUE));
            assertEquals(PeerStatus.ALIVE, temp.ring().writerStatus(Long.MAX_VALUE));
        }
    }

    /**
     * The hot path allocates nothing: a warmed-up loop of claim/commit, poll/payload/validate,
     * offer/read (arrays and segments) allocates less than one byte per message.
     */
    @ParameterizedTest
    @EnumSource(RingMode.class)
    void theHotPathAllocatesNothing(RingMode mode) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (TempRing temp = TempRing.create(RingConfig.of(64, 64).withMode(mode));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN);
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            byte[] arrayIn = new byte[64];
            byte[] arrayOut = new byte[64];
            MemorySegment segmentIn = MemorySegment.ofArray(new byte[64]);
            MemorySegment segmentOut = MemorySegment.ofArray(new byte[64]);
            long checksum = exercise(writer, reader, arrayIn, arrayOut, segmentIn, segmentOut, 100_000);
            int rounds = 50_000;
            long before = threads.getCurrentThreadAllocatedBytes();
            checksum += exercise(writer, reader, arrayIn, arrayOut, segmentIn, segmentOut, rounds);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < rounds, allocated + " bytes allocated for " + 3 * rounds + " messages (checksum "
                    + checksum + ")");
        }
    }

    private static long exercise(RingWriter writer, RingReader reader, byte[] arrayIn, byte[] arrayOut,
                                 MemorySegment segmentIn, MemorySegment segmentOut, int rounds) {
        long sum = 0;
        for (int i = 0; i < rounds; i++) {
            MemorySegment view = writer.tryClaim();
            view.set(ValueLayout.JAVA_LONG, 0, i);
            writer.commit(8);
            int length = reader.poll();
            sum += reader.payload().get(ValueLayout.JAVA_LONG, 0) + length;
            if (!reader.validate()) {
                sum--;
            }
            writer.offer(arrayIn, 0, 16);
            sum += reader.read(arrayOut, TIMEOUT);
            writer.offer(segmentIn, 0, 24);
            sum += reader.read(segmentOut, 0, TIMEOUT);
        }
        return sum;
    }

}
