package io.shmbench.message;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlternatingMessagesTest {
    private static final int SIZE = 2880;

    private static MemorySegment copy(Arena arena, MemorySegment message, int size) {
        MemorySegment echoed = arena.allocate(size);
        MemorySegment.copy(message, 0, echoed, 0, size);
        return echoed;
    }

    @Test
    void consecutiveMessagesDifferInEveryFillerByteAndCarryTheirNumber() {
        try (Arena arena = Arena.ofConfined()) {
            AlternatingMessages messages = new AlternatingMessages(arena, SIZE);
            MemorySegment first = copy(arena, messages.next(41), SIZE);
            MemorySegment second = messages.next(42);

            assertEquals(41, CheckedMessage.sequence(first));
            assertEquals(42, CheckedMessage.sequence(second));
            for (int k = CheckedMessage.MIN_LENGTH; k < SIZE; k++) {
                assertNotEquals(first.get(ValueLayout.JAVA_BYTE, k), second.get(ValueLayout.JAVA_BYTE, k), "byte " + k);
            }
        }
    }

    @Test
    void anEchoPassesOnlyWhenEveryByteCameBack() {
        try (Arena arena = Arena.ofConfined()) {
            AlternatingMessages messages = new AlternatingMessages(arena, SIZE);
            MemorySegment stale = copy(arena, messages.next(6), SIZE);
            MemorySegment sent = messages.next(7);
            MemorySegment echoed = copy(arena, sent, SIZE);
            assertTrue(messages.echoes(sent, echoed, SIZE));

            for (int k : new int[]{0, 7, 8, 16, SIZE / 2, SIZE - 1}) {
                MemorySegment corrupted = copy(arena, sent, SIZE);
                corrupted.set(ValueLayout.JAVA_BYTE, k, (byte) (corrupted.get(ValueLayout.JAVA_BYTE, k) ^ 0x10));
                assertFalse(messages.echoes(sent, corrupted, SIZE), "one bit flipped in byte " + k);
            }
            assertFalse(messages.echoes(sent, echoed, SIZE - 1), "a truncated echo");
            assertFalse(messages.echoes(sent, stale, SIZE), "the previous message again");
            MemorySegment headOnly = copy(arena, stale, SIZE); // a transport that copied only the header
            MemorySegment.copy(sent, 0, headOnly, 0, CheckedMessage.MIN_LENGTH);
            assertFalse(messages.echoes(sent, headOnly, SIZE), "only the header copied");
        }
    }

    @Test
    void aBatchChecksumIsWhatTheSinkComputesAndCatchesACorruptOrReorderedMessage() {
        try (Arena arena = Arena.ofConfined()) {
            AlternatingMessages messages = new AlternatingMessages(arena, 64);
            long expected = messages.checksumOfFirst(16);

            MessageChecksum faithful = new MessageChecksum();
            MessageChecksum corrupted = new MessageChecksum();
            MessageChecksum reordered = new MessageChecksum();
            for (int i = 0; i < 16; i++) {
                faithful.update(messages.next(i), 64);
                MemorySegment received = copy(arena, messages.next(i), 64);
                if (i == 9) {
                    received.set(ValueLayout.JAVA_BYTE, 40, (byte) 0);
                }
                corrupted.update(received, 64);
                reordered.update(messages.next(i == 3 ? 4 : i == 4 ? 3 : i), 64);
            }
            assertEquals(expected, faithful.value());
            assertNotEquals(expected, corrupted.value());
            assertNotEquals(expected, reordered.value());
        }
    }

    @Test
    void eightByteMessagesAreTheirNumber() {
        try (Arena arena = Arena.ofConfined()) {
            AlternatingMessages messages = new AlternatingMessages(arena, 8);
            assertEquals(5, CheckedMessage.sequence(messages.next(5)));
            MemorySegment sent = messages.next(6);
            assertTrue(messages.echoes(sent, copy(arena, sent, 8), 8));
        }
    }

    @Test
    void floorsEmptyMessageEchoesAsEmpty() {
        try (Arena arena = Arena.ofConfined()) {
            AlternatingMessages messages = new AlternatingMessages(arena, 0);
            MemorySegment sent = messages.next(0);
            assertTrue(messages.echoes(sent, arena.allocate(1), 0));
            assertFalse(messages.echoes(sent, arena.allocate(1), 1));
        }
    }
}
