package io.shmbench.message;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StampedStreamTest {
    private static final int SIZE = 64;

    private static MemorySegment message(Arena arena, long intended, long sequence) {
        MemorySegment m = arena.allocate(SIZE);
        StampedStream.prepare(m, SIZE);
        StampedStream.stamp(m, sequence, intended);
        return m;
    }

    @Test
    void givesTheOneWayLatencyOfEachGoodMessage() {
        try (Arena arena = Arena.ofConfined()) {
            StampedStream check = new StampedStream(arena, SIZE);
            assertEquals(500, check.accept(message(arena, 1_000, 0), SIZE, 1_500));
            assertEquals(0, check.accept(message(arena, 2_000, 1), SIZE, 2_000));
        }
    }

    @Test
    void aWrongLengthSequenceFillerOrSendTimeIsCorrupt() {
        try (Arena arena = Arena.ofConfined()) {
            StampedStream check = new StampedStream(arena, SIZE);
            assertEquals(-1, check.accept(message(arena, 0, 0), SIZE - 1, 10), "truncated");
            assertEquals(10, check.accept(message(arena, 0, 0), SIZE, 10));
            assertEquals(-1, check.accept(message(arena, 0, 2), SIZE, 10), "message 1 lost");
            assertEquals(10, check.accept(message(arena, 0, 3), SIZE, 10), "a loss counts once");
            assertEquals(-1, check.accept(message(arena, 0, 3), SIZE, 10), "repeated");
            MemorySegment scribbled = message(arena, 0, 4);
            scribbled.set(ValueLayout.JAVA_BYTE, SIZE - 1, (byte) (scribbled.get(ValueLayout.JAVA_BYTE, SIZE - 1) ^ 0x10));
            assertEquals(-1, check.accept(scribbled, SIZE, 10), "filler");
            assertEquals(-1, check.accept(message(arena, 20, 5), SIZE, 10), "sent after it arrived");
        }
    }

    @Test
    void aMessageTooSmallForTheStampIsRefused() {
        try (Arena arena = Arena.ofConfined()) {
            assertThrows(IllegalArgumentException.class, () -> new StampedStream(arena, CheckedMessage.MIN_LENGTH - 1));
        }
    }
}
