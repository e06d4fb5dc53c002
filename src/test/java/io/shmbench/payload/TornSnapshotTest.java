package io.shmbench.payload;

import io.shmbench.ipc.WaitStrategy;
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
 * the reader the torn snapshot (only the snapshot's own checksum notices); the seqlocked ring
 * catches it and never delivers it.
 */
@ExtendWith(NoLeaks.class)
class TornSnapshotTest {
    private static final int BYTES = 2880;

    @Test
    void aWholeSnapshotPassesItsCheckAndAnyChangedWordFailsIt() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment snapshot = arena.allocate(BYTES, 64);
            StampedSnapshot.write(snapshot, BYTES, 7);
            assertEquals(7, StampedSnapshot.sequence(snapshot));
            assertTrue(StampedSnapshot.read(snapshot, BYTES, StampedSnapshot.NO_PAUSE));
            for (long offset : new long[] {0, 8, 16, BYTES / 2, BYTES - 8}) {
                long word = snapshot.get(ValueLayout.JAVA_LONG, offset);
                snapshot.set(ValueLayout.JAVA_LONG, offset, word ^ 1);
                assertFalse(StampedSnapshot.read(snapshot, BYTES, StampedSnapshot.NO_PAUSE), "word at " + offset + " changed");
                snapshot.set(ValueLayout.JAVA_LONG, offset, word);
            }
        }
    }

    @Test
    void halvesOfTwoSnapshotsFailTheCheck() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment snapshot = arena.allocate(BYTES, 64);
            StampedSnapshot.write(snapshot, BYTES, 1);
            assertFalse(StampedSnapshot.read(snapshot, BYTES, () -> StampedSnapshot.write(snapshot, BYTES, 2)),
                    "header and first half of snapshot 1, second half of snapshot 2");
            assertTrue(StampedSnapshot.read(snapshot, BYTES, StampedSnapshot.NO_PAUSE), "snapshot 2 alone is whole");
        }
    }

    @Test
    void sizesThatAreNotWholeWordsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StampedSnapshot.checkSize(16));
        assertThrows(IllegalArgumentException.class, () -> StampedSnapshot.checkSize(2884));
        assertEquals(BYTES, StampedSnapshot.checkSize(BYTES));
    }

    @Test
    void doubleBufferWriterFlipsBetweenTwoBuffers() {
        try (Arena arena = Arena.ofConfined()) {
            PlainDoubleBuffer buffer = new PlainDoubleBuffer(arena.allocate(PlainDoubleBuffer.segmentSize(BYTES), 64), BYTES);
            MemorySegment first = buffer.back();
            assertNotSame(first, buffer.front());
            StampedSnapshot.write(first, BYTES, 1);
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

            boolean whole = StampedSnapshot.read(reading, BYTES, () -> {
                write(buffer, 2); // into the other buffer: harmless
                write(buffer, 3); // into the buffer being read: torn
            });

            assertFalse(whole, "the reader's checksum catches what the double buffer let through");
            assertEquals(3, StampedSnapshot.sequence(buffer.front()));
        }
    }

    @Test
    void doubleBufferIsFineWhenTheWriterFlipsOnlyOnce() {
        try (Arena arena = Arena.ofConfined()) {
            PlainDoubleBuffer buffer = new PlainDoubleBuffer(arena.allocate(PlainDoubleBuffer.segmentSize(BYTES), 64), BYTES);
            write(buffer, 1);
            assertTrue(StampedSnapshot.read(buffer.front(), BYTES, () -> write(buffer, 2)));
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
            boolean whole = StampedSnapshot.read(reader.payload(), BYTES, () -> {
                write(writer, 2); // the other slot
                write(writer, 3); // the slot being read
            });

            assertFalse(whole);
            assertFalse(reader.validate(), "the seqlock says the slot changed under the reader");
            assertEquals(1, reader.torn());
            assertEquals(1, reader.missed(), "a torn message counts as missed");
            assertEquals(BYTES, reader.poll(), "the reader goes on with the next message");
            assertEquals(2, StampedSnapshot.sequence(reader.payload()));
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
            assertTrue(StampedSnapshot.read(reader.payload(), BYTES, () -> write(writer, 2)));
            assertTrue(reader.validate());
            assertEquals(0, reader.torn());
        }
    }

    private static void write(PlainDoubleBuffer buffer, long sequence) {
        StampedSnapshot.write(buffer.back(), BYTES, sequence);
        buffer.publish();
    }

    private static void write(RingWriter writer, long sequence) {
        StampedSnapshot.write(writer.tryClaim(), BYTES, sequence);
        writer.commit(BYTES);
    }
}
