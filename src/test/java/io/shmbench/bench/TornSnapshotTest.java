package io.shmbench.bench;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.message.CheckedMessage;
import io.shmbench.payload.PlainDoubleBuffer;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingMode;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;
import io.shmbench.testutil.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Q7's tearing, made deterministic in one thread: the slow reader's pause runs the writer's next
 * writes, so the writer laps the reader exactly when the test says. The plain double buffer hands
 * the reader the torn snapshot (only the reader's own check of every word notices); the seqlocked ring
 * catches it and never delivers it.
 */
@ExtendWith(NoLeaks.class)
class TornSnapshotTest {
    private static final int BYTES = 2880;
    private static final Runnable NO_PAUSE = () -> { };

    @Test
    void aWholeSnapshotPassesItsCheckAndAnyChangedWordFailsIt() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment snapshot = arena.allocate(BYTES, 64);
            write(snapshot, 7);
            assertEquals(7, CheckedMessage.sequence(snapshot));
            assertTrue(SlowReader.read(snapshot, BYTES, NO_PAUSE));
            for (long offset : new long[] {0, 16, BYTES / 2, BYTES - 8}) {
                long word = snapshot.get(ValueLayout.JAVA_LONG, offset);
                snapshot.set(ValueLayout.JAVA_LONG, offset, word ^ 1);
                assertFalse(SlowReader.read(snapshot, BYTES, NO_PAUSE), "word at " + offset + " changed");
                snapshot.set(ValueLayout.JAVA_LONG, offset, word);
            }
        }
    }

    @Test
    void halvesOfTwoSnapshotsFailTheCheck() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment snapshot = arena.allocate(BYTES, 64);
            write(snapshot, 1);
            assertFalse(SlowReader.read(snapshot, BYTES, () -> write(snapshot, 2)),
                    "header and first half of snapshot 1, second half of snapshot 2");
            assertTrue(SlowReader.read(snapshot, BYTES, NO_PAUSE), "snapshot 2 alone is whole");
        }
    }

    @Test
    void doubleBufferWriterFlipsBetweenTwoBuffers() {
        try (Arena arena = Arena.ofConfined()) {
            PlainDoubleBuffer buffer = new PlainDoubleBuffer(arena.allocate(PlainDoubleBuffer.segmentSize(BYTES), 64), BYTES);
            MemorySegment first = buffer.back();
            assertNotSame(first, buffer.front());
            write(first, 1);
            buffer.publish();
            assertSame(first, buffer.front(), "the buffer just filled is the one the reader reads");
            assertNotSame(first, buffer.back(), "the writer goes on in the other one");
            assertThrows(IllegalArgumentException.class, () -> new PlainDoubleBuffer(arena.allocate(64), BYTES));
        }
    }

    @Test
    void doubleBufferHandsTheReaderATornSnapshotWhenTheWriterLapsIt() {
        try (Arena arena = Arena.ofConfined()) {
            PlainDoubleBuffer buffer = new PlainDoubleBuffer(arena.allocate(PlainDoubleBuffer.segmentSize(BYTES), 64), BYTES);
            write(buffer, 1);
            MemorySegment reading = buffer.front();

            boolean whole = SlowReader.read(reading, BYTES, () -> {
                write(buffer, 2); // into the other buffer: harmless
                write(buffer, 3); // into the buffer being read: torn
            });

            assertFalse(whole, "the reader's own check catches what the double buffer let through");
            assertEquals(3, CheckedMessage.sequence(buffer.front()));
        }
    }

    @Test
    void doubleBufferIsFineWhenTheWriterFlipsOnlyOnce() {
        try (Arena arena = Arena.ofConfined()) {
            PlainDoubleBuffer buffer = new PlainDoubleBuffer(arena.allocate(PlainDoubleBuffer.segmentSize(BYTES), 64), BYTES);
            write(buffer, 1);
            assertTrue(SlowReader.read(buffer.front(), BYTES, () -> write(buffer, 2)));
        }
    }

    @Test
    void seqlockedRingCatchesTheSameLapAndNeverDeliversIt() {
        try (Ring ring = Ring.create(RingConfig.of(2, BYTES).withMode(RingMode.OVERWRITE))) {
            ring.unlink();
            RingWriter writer = ring.openWriter(WaitStrategy.SPIN);
            RingReader reader = ring.openReader(WaitStrategy.SPIN);
            write(writer, 1);

            assertEquals(BYTES, reader.poll());
            boolean whole = SlowReader.read(reader.payload(), BYTES, () -> {
                write(writer, 2); // the other slot
                write(writer, 3); // the slot being read
            });

            assertFalse(whole);
            assertFalse(reader.validate(), "the seqlock says the slot changed under the reader");
            assertEquals(1, reader.torn());
            assertEquals(1, reader.missed(), "a torn message counts as missed");
            assertEquals(BYTES, reader.poll(), "the reader goes on with the next message");
            assertEquals(2, CheckedMessage.sequence(reader.payload()));
        }
    }

    @Test
    void seqlockedRingDeliversWhatTheWriterDidNotTouch() {
        try (Ring ring = Ring.create(RingConfig.of(2, BYTES).withMode(RingMode.OVERWRITE))) {
            ring.unlink();
            RingWriter writer = ring.openWriter(WaitStrategy.SPIN);
            RingReader reader = ring.openReader(WaitStrategy.SPIN);
            write(writer, 1);
            assertEquals(BYTES, reader.poll());
            assertTrue(SlowReader.read(reader.payload(), BYTES, () -> write(writer, 2)));
            assertTrue(reader.validate());
            assertEquals(0, reader.torn());
        }
    }

    private static void write(MemorySegment snapshot, long sequence) {
        CheckedMessage.write(snapshot, sequence, 0, BYTES);
    }

    private static void write(PlainDoubleBuffer buffer, long sequence) {
        write(buffer.back(), sequence);
        buffer.publish();
    }

    private static void write(RingWriter writer, long sequence) {
        write(writer.tryClaim(), sequence);
        writer.commit(BYTES);
    }
}
