package io.shmbench.soak;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The soak's message check: what it must accept and every kind of damage it must catch. */
class SoakMessageTest {
    private static final int MAX = 4096;
    private final SoakMessage messages = new SoakMessage(MAX);
    private final Arena arena = Arena.ofAuto();

    @Test
    void everyMessageWrittenChecksIntactAndLengthsSpanTheWholeRange() {
        MemorySegment buffer = arena.allocate(MAX);
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (long n = 0; n < 20_000; n++) {
            int length = messages.write(buffer, n);
            assertEquals(messages.lengthOf(n), length);
            assertEquals(SoakMessage.Verdict.INTACT, messages.check(buffer, length, n), "message " + n);
            assertEquals(n, SoakMessage.number(buffer));
            shortest = Math.min(shortest, length);
            longest = Math.max(longest, length);
        }
        assertTrue(shortest < SoakMessage.MIN_LENGTH + 10, "short messages occur: " + shortest);
        assertTrue(longest > MAX - 10, "long messages occur: " + longest);
    }

    @Test
    void aSingleFlippedBitAnywhereIsABadChecksum() {
        MemorySegment buffer = arena.allocate(MAX);
        long n = 77;
        int length = messages.write(buffer, n);
        for (int at = 0; at < length; at++) {
            byte original = buffer.get(ValueLayout.JAVA_BYTE, at);
            buffer.set(ValueLayout.JAVA_BYTE, at, (byte) (original ^ (1 << (at & 7))));
            assertEquals(SoakMessage.Verdict.BAD_CHECKSUM, messages.check(buffer, length, n), "bit flipped in byte " + at);
            buffer.set(ValueLayout.JAVA_BYTE, at, original);
        }
        assertEquals(SoakMessage.Verdict.INTACT, messages.check(buffer, length, n));
    }

    @Test
    void aWholeMessageThatIsNotTheExpectedOneIsTheWrongNumber() {
        MemorySegment buffer = arena.allocate(MAX);
        int length = messages.write(buffer, 100);
        assertEquals(SoakMessage.Verdict.WRONG_NUMBER, messages.check(buffer, length, 101), "an old message in the slot");
        assertEquals(SoakMessage.Verdict.WRONG_NUMBER, messages.check(buffer, length, 99), "a message from the future");
    }

    @Test
    void halvesOfTwoMessagesAreCaught() {
        MemorySegment first = arena.allocate(MAX);
        MemorySegment second = arena.allocate(MAX);
        long a = 0;
        long b = 1;
        while (messages.lengthOf(b) != messages.lengthOf(a) && b < 1_000_000) {
            b++; // two messages of the same length, so only the bytes tell them apart
        }
        int length = messages.write(first, a);
        messages.write(second, b);
        MemorySegment.copy(second, length / 2, first, length / 2, length - length / 2);
        assertEquals(SoakMessage.Verdict.BAD_CHECKSUM, messages.check(first, length, a));
    }

    @Test
    void lengthsOutsideTheRangeAreBadLengths() {
        MemorySegment buffer = arena.allocate(MAX + 8);
        int length = messages.write(buffer, 5);
        assertEquals(SoakMessage.Verdict.BAD_LENGTH, messages.check(buffer, SoakMessage.MIN_LENGTH - 1, 5));
        assertEquals(SoakMessage.Verdict.BAD_LENGTH, messages.check(buffer, MAX + 1, 5));
        assertEquals(SoakMessage.Verdict.BAD_LENGTH, messages.check(buffer.asSlice(0, length - 1), length, 5), "longer than the buffer");
        assertEquals(SoakMessage.Verdict.BAD_CHECKSUM, messages.check(buffer, length - 1, 5), "cut short by a byte");
    }

    @Test
    void aLargestLengthBelowTheMinimumIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SoakMessage(SoakMessage.MIN_LENGTH - 1));
        assertTrue(e.getMessage().contains("11"), e.getMessage());
    }

    @Test
    void theSmallestSizeStillWorks() {
        SoakMessage tiny = new SoakMessage(SoakMessage.MIN_LENGTH);
        MemorySegment buffer = arena.allocate(SoakMessage.MIN_LENGTH);
        for (long n = 0; n < 100; n++) {
            assertEquals(SoakMessage.MIN_LENGTH, tiny.write(buffer, n));
            assertEquals(SoakMessage.Verdict.INTACT, tiny.check(buffer, SoakMessage.MIN_LENGTH, n));
        }
    }
}
