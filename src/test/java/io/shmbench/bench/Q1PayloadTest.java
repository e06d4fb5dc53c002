package io.shmbench.bench;

import io.shmbench.transport.MessageChecksum;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Q1PayloadTest {
    private static final int SIZE = 2880;

    private static MemorySegment copy(Arena arena, MemorySegment message, int size) {
        MemorySegment echoed = arena.allocate(size);
        MemorySegment.copy(message, 0, echoed, 0, size);
        return echoed;
    }

    @Test
    void consecutiveMessagesDifferInEveryByteAndCarryTheirStamp() {
        try (Arena arena = Arena.ofConfined()) {
            Q1Payload payload = new Q1Payload(arena, SIZE);
            MemorySegment first = copy(arena, payload.next(41), SIZE);
            MemorySegment second = payload.next(42);

            assertEquals(41, first.get(ValueLayout.JAVA_LONG_UNALIGNED, 0));
            assertEquals(42, second.get(ValueLayout.JAVA_LONG_UNALIGNED, 0));
            for (int k = Q1Payload.STAMP_BYTES; k < SIZE; k++) {
                assertNotEquals(first.get(ValueLayout.JAVA_BYTE, k), second.get(ValueLayout.JAVA_BYTE, k), "byte " + k);
            }
        }
    }

    @Test
    void anEchoPassesOnlyWhenEveryByteCameBack() {
        try (Arena arena = Arena.ofConfined()) {
            Q1Payload payload = new Q1Payload(arena, SIZE);
            MemorySegment stale = copy(arena, payload.next(6), SIZE);
            MemorySegment sent = payload.next(7);
            MemorySegment echoed = copy(arena, sent, SIZE);
            assertTrue(payload.echoes(sent, echoed, SIZE));

            for (int k : new int[]{0, 7, 8, SIZE / 2, SIZE - 1}) {
                MemorySegment corrupted = copy(arena, sent, SIZE);
                corrupted.set(ValueLayout.JAVA_BYTE, k, (byte) (corrupted.get(ValueLayout.JAVA_BYTE, k) ^ 0x10));
                assertFalse(payload.echoes(sent, corrupted, SIZE), "one bit flipped in byte " + k);
            }
            assertFalse(payload.echoes(sent, echoed, SIZE - 1), "a truncated echo");
            assertFalse(payload.echoes(sent, stale, SIZE), "the previous message again");
            MemorySegment headOnly = copy(arena, stale, SIZE); // a transport that copied only the first 8 bytes
            MemorySegment.copy(sent, 0, headOnly, 0, Q1Payload.STAMP_BYTES);
            assertFalse(payload.echoes(sent, headOnly, SIZE), "only the stamp copied");
        }
    }

    @Test
    void aBatchChecksumIsWhatTheSinkComputesAndCatchesACorruptOrReorderedMessage() {
        try (Arena arena = Arena.ofConfined()) {
            Q1Payload payload = new Q1Payload(arena, 64);
            long expected = payload.checksumOfFirst(16);

            MessageChecksum faithful = new MessageChecksum();
            MessageChecksum corrupted = new MessageChecksum();
            MessageChecksum reordered = new MessageChecksum();
            for (int i = 0; i < 16; i++) {
                faithful.update(payload.next(i), 64);
                MemorySegment received = copy(arena, payload.next(i), 64);
                if (i == 9) {
                    received.set(ValueLayout.JAVA_BYTE, 40, (byte) 0);
                }
                corrupted.update(received, 64);
                reordered.update(payload.next(i == 3 ? 4 : i == 4 ? 3 : i), 64);
            }
            assertEquals(expected, faithful.value());
            assertNotEquals(expected, corrupted.value());
            assertNotEquals(expected, reordered.value());
        }
    }

    @Test
    void floorsEmptyMessageEchoesAsEmpty() {
        try (Arena arena = Arena.ofConfined()) {
            Q1Payload payload = new Q1Payload(arena, 0);
            MemorySegment sent = payload.next(0);
            assertTrue(payload.echoes(sent, arena.allocate(1), 0));
            assertFalse(payload.echoes(sent, arena.allocate(1), 1));
        }
    }
}
