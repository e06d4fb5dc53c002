package io.shmbench.ring;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.testutil.NoLeaks;
import io.shmbench.testutil.TempRing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.shmbench.ring.RingOverwriteTest.drain;
import static io.shmbench.ring.RingOverwriteTest.writeNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A side that died leaves the header as it was at the instant of death; a new process takes its
 * place and carries on. These tests put the header in the exact state a death at the worst moment
 * leaves (the pid of a finished process as the owner) and check that the stream goes on without a
 * lost or doubled message. The same with real killed JVMs is in {@link CrossProcessRingTest}.
 */
@ExtendWith(NoLeaks.class)
class RingRecoveryTest {
    private static long deadPid;

    @BeforeAll
    static void findADeadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        deadPid = process.pid();
    }

    /**
     * The writer died after committing message 2's sequence word and before publishing the write
     * index. A reader that watches sequence words has already delivered message 2; the next writer
     * must continue with message 3, or its first message would be lost (overwritten in a slot the
     * reader has passed). A reader that watches the write index gets message 2 late, but gets it.
     */
    @ParameterizedTest
    @EnumSource(ReaderPoll.class)
    void aNewWriterContinuesAfterAMessageTheDeadWriterCommittedButDidNotPublish(ReaderPoll poll) {
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64).withReaderPoll(poll));
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            Ring ring = temp.ring();
            RingWriter dying = ring.openWriter(WaitStrategy.SPIN);
            writeNumber(dying, 0);
            writeNumber(dying, 1);
            commitWithoutPublishing(ring, dying, 2);
            dieAs(ring, RingLayout.WRITER_PID_OFFSET);
            assertEquals(PeerStatus.DEAD, ring.writerStatus(Long.MAX_VALUE));

            List<Long> beforeRestart = drain(reader);
            assertEquals(poll == ReaderPoll.SLOT_SEQUENCE ? List.of(0L, 1L, 2L) : List.of(0L, 1L), beforeRestart);

            try (Ring restarted = Ring.attach(ring.path());
                 RingWriter next = restarted.openWriter(WaitStrategy.SPIN)) {
                assertEquals(3, next.position(), "message 2 is in the ring: the new writer goes on after it");
                writeNumber(next, 100);
                writeNumber(next, 101);
            }
            List<Long> afterRestart = drain(reader);
            assertEquals(poll == ReaderPoll.SLOT_SEQUENCE ? List.of(100L, 101L) : List.of(2L, 100L, 101L), afterRestart);
            assertEquals(5, reader.position());
            assertEquals(5, ring.writeIndex());
        }
    }

    /** An OVERWRITE writer died half-way through a message: the torn slot is never delivered, and the next writer rewrites it. */
    @Test
    void aMessageTheDeadWriterLeftHalfWrittenIsNeverDelivered() {
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64).withMode(RingMode.OVERWRITE));
             RingReader reader = temp.ring().openReader(WaitStrategy.SPIN)) {
            Ring ring = temp.ring();
            RingWriter dying = ring.openWriter(WaitStrategy.SPIN);
            writeNumber(dying, 0);
            writeNumber(dying, 1);
            dying.tryClaim().set(ValueLayout.JAVA_LONG, 0, 0xDEAD);
            dieAs(ring, RingLayout.WRITER_PID_OFFSET);
            assertEquals(List.of(0L, 1L), drain(reader));
            try (Ring restarted = Ring.attach(ring.path());
                 RingWriter next = restarted.openWriter(WaitStrategy.SPIN)) {
                assertEquals(2, next.position());
                writeNumber(next, 100);
            }
            assertEquals(List.of(100L), drain(reader));
            assertEquals(0, reader.missed());
        }
    }

    /**
     * A reader that died while holding a message (it had not polled again, so the slot was not
     * released) gets that message again in its successor: delivery across a reader crash is
     * at-least-once, never lossy.
     */
    @Test
    void aNewReaderGetsTheMessageTheDeadReaderHeldAgain() {
        try (TempRing temp = TempRing.create(RingConfig.of(4, 64));
             RingWriter writer = temp.ring().openWriter(WaitStrategy.SPIN)) {
            Ring ring = temp.ring();
            for (long n = 0; n < 3; n++) {
                writeNumber(writer, n);
            }
            RingReader dying = ring.openReader(WaitStrategy.SPIN);
            assertEquals(8, dying.poll());
            assertEquals(8, dying.poll()); // message 0 released, message 1 held
            dieAs(ring, RingLayout.READER_PID_OFFSET);
            assertEquals(PeerStatus.DEAD, ring.readerStatus(Long.MAX_VALUE));
            try (Ring restarted = Ring.attach(ring.path());
                 RingReader next = restarted.openReader(WaitStrategy.SPIN)) {
                assertEquals(List.of(1L, 2L), drain(next));
            }
        }
    }

    /** What {@link RingWriter#commit} does before it publishes the write index. */
    private static void commitWithoutPublishing(Ring ring, RingWriter writer, long n) {
        MemorySegment view = writer.tryClaim();
        view.set(ValueLayout.JAVA_LONG, 0, n);
        long slot = RingLayout.slotOffset((int) (n % ring.config().slotCount()), ring.config().slotSize());
        MemorySegment memory = ring.memory();
        memory.set(ValueLayout.JAVA_INT, slot + RingLayout.SLOT_LENGTH_OFFSET, 8);
        memory.set(ValueLayout.JAVA_LONG, slot + RingLayout.SLOT_SEQUENCE_OFFSET, RingLayout.committed(n));
    }

    /** Makes the header say that a process that has ended holds this side, as if it was killed. */
    private static void dieAs(Ring ring, long pidOffset) {
        ring.memory().set(ValueLayout.JAVA_LONG, pidOffset, deadPid);
    }
}
