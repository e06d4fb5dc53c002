package io.shmbench.message;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sealed messages, as the soak and the tests send them: what the check must accept and every kind
 * of damage it must catch, knowing only which message it expects next.
 */
class MessageChecksumTest {
    private static final int MAX = 4096;
    private final MessageChecksum checksum = new MessageChecksum();
    private final Arena arena = Arena.ofAuto();

    /** Lengths vary with the number, as the soak's do, so a message's length is part of what is checked. */
    private static int lengthOf(long n, int max) {
        int min = MessageChecksum.MIN_SEALED_LENGTH;
        return min + (int) Long.remainderUnsigned(n * 0x9E3779B97F4A7C15L, max - min + 1);
    }

    private int write(MemorySegment buffer, long n) {
        int length = lengthOf(n, MAX);
        checksum.writeSealed(buffer, n, 0, length);
        return length;
    }

    private MessageChecksum.Verdict check(MemorySegment buffer, int length, long n) {
        return checksum.check(buffer, length, n, lengthOf(n, MAX));
    }

    @Test
    void everyMessageWrittenChecksIntact() {
        MemorySegment buffer = arena.allocate(MAX);
        for (long n = 0; n < 20_000; n++) {
            int length = write(buffer, n);
            assertEquals(MessageChecksum.Verdict.INTACT, check(buffer, length, n), "message " + n);
            assertTrue(checksum.intact(buffer, length));
            assertEquals(n, CheckedMessage.sequence(buffer));
        }
    }

    @Test
    void aSingleFlippedBitAnywhereIsABadChecksum() {
        MemorySegment buffer = arena.allocate(MAX);
        long n = 77;
        int length = write(buffer, n);
        for (int at = 0; at < length; at++) {
            byte original = buffer.get(ValueLayout.JAVA_BYTE, at);
            buffer.set(ValueLayout.JAVA_BYTE, at, (byte) (original ^ (1 << (at & 7))));
            assertEquals(MessageChecksum.Verdict.BAD_CHECKSUM, check(buffer, length, n), "bit flipped in byte " + at);
            assertFalse(checksum.intact(buffer, length));
            buffer.set(ValueLayout.JAVA_BYTE, at, original);
        }
        assertEquals(MessageChecksum.Verdict.INTACT, check(buffer, length, n));
    }

    @Test
    void aWholeMessageThatIsNotTheExpectedOneIsTheWrongNumber() {
        MemorySegment buffer = arena.allocate(MAX);
        int length = write(buffer, 100);
        assertEquals(MessageChecksum.Verdict.WRONG_NUMBER, check(buffer, length, 101), "an old message in the slot");
        assertEquals(MessageChecksum.Verdict.WRONG_NUMBER, check(buffer, length, 99), "a message from the future");
    }

    @Test
    void halvesOfTwoMessagesAreCaught() {
        MemorySegment first = arena.allocate(MAX);
        MemorySegment second = arena.allocate(MAX);
        long a = 0;
        long b = 1;
        while (lengthOf(b, MAX) != lengthOf(a, MAX) && b < 1_000_000) {
            b++; // two messages of the same length, so only the bytes tell them apart
        }
        int length = write(first, a);
        write(second, b);
        MemorySegment.copy(second, length / 2, first, length / 2, length - length / 2);
        assertEquals(MessageChecksum.Verdict.BAD_CHECKSUM, check(first, length, a));
    }

    @Test
    void lengthsNoSealedMessageCanHaveAreBadLengths() {
        MemorySegment buffer = arena.allocate(MAX + 8);
        int length = write(buffer, 5);
        assertEquals(MessageChecksum.Verdict.BAD_LENGTH, check(buffer, MessageChecksum.MIN_SEALED_LENGTH - 1, 5));
        assertEquals(MessageChecksum.Verdict.BAD_LENGTH, check(buffer.asSlice(0, length - 1), length, 5), "longer than the buffer");
        assertEquals(MessageChecksum.Verdict.BAD_CHECKSUM, check(buffer, length - 1, 5), "cut short by a byte");
    }

    @Test
    void aLengthTooShortToSealIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> checksum.writeSealed(arena.allocate(64), 0, 0, MessageChecksum.MIN_SEALED_LENGTH - 1));
        assertTrue(e.getMessage().contains("19"), e.getMessage());
    }

    @Test
    void theSmallestSizeStillWorks() {
        MemorySegment buffer = arena.allocate(MessageChecksum.MIN_SEALED_LENGTH);
        for (long n = 0; n < 100; n++) {
            int length = lengthOf(n, MessageChecksum.MIN_SEALED_LENGTH);
            assertEquals(MessageChecksum.MIN_SEALED_LENGTH, length);
            checksum.writeSealed(buffer, n, 0, length);
            assertEquals(MessageChecksum.Verdict.INTACT, checksum.check(buffer, length, n, length));
        }
    }
}
