package io.shmbench.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A checked message reads back as itself and as nothing else: any changed byte, another sequence, another length. */
class CheckedMessageTest {
    @ParameterizedTest
    @ValueSource(ints = {16, 21, 40, 44, 64, 2880})
    void aMessageVerifiesAsItselfAndFailsWithAnyByteChanged(int length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment payload = arena.allocate(length);
            CheckedMessage.write(payload, 12345, 777, length);
            assertTrue(CheckedMessage.verify(payload, 12345, length, length));
            assertEquals(12345, CheckedMessage.sequence(payload));
            assertEquals(777, CheckedMessage.stamp(payload));
            for (int at = 0; at < length; at++) {
                if (at >= 8 && at < 16) {
                    continue; // the stamp is time, which nobody can check
                }
                byte before = payload.get(ValueLayout.JAVA_BYTE, at);
                payload.set(ValueLayout.JAVA_BYTE, at, (byte) (before ^ 0x10));
                assertFalse(CheckedMessage.verify(payload, 12345, length, length), "byte " + at + " changed");
                payload.set(ValueLayout.JAVA_BYTE, at, before);
            }
        }
    }

    @Test
    void anotherMessageOrLengthDoesNotPass() {
        MemorySegment payload = MemorySegment.ofArray(new byte[64]);
        CheckedMessage.write(payload, 41, 0, 64);
        assertFalse(CheckedMessage.verify(payload, 42, 64, 64), "the next message's sequence");
        assertFalse(CheckedMessage.verify(payload, 41, 56, 64), "a shorter message than expected");
        MemorySegment stale = MemorySegment.ofArray(new byte[64]);
        CheckedMessage.write(stale, 40, 0, 64);
        CheckedMessage.writeSequence(stale, 41); // a new sequence over an old payload, as a torn write leaves it
        assertFalse(CheckedMessage.verify(stale, 41, 64, 64));
    }

    @Test
    void aMessageCheckedInPartsFailsWhenAPartBelongsToAnotherMessage() {
        MemorySegment snapshot = MemorySegment.ofArray(new byte[2880]);
        MemorySegment next = MemorySegment.ofArray(new byte[2880]);
        CheckedMessage.write(snapshot, 1, 0, 2880);
        CheckedMessage.write(next, 2, 0, 2880);
        assertTrue(CheckedMessage.fillerMatches(snapshot, 1, 16, 1448) && CheckedMessage.fillerMatches(snapshot, 1, 1448, 2880));
        MemorySegment.copy(next, 2872, snapshot, 2872, 8); // the last word of the next snapshot
        assertTrue(CheckedMessage.fillerMatches(snapshot, 1, 16, 1448));
        assertFalse(CheckedMessage.fillerMatches(snapshot, 1, 1448, 2880));
    }

    @Test
    void messagesShorterThanTheHeaderHoldItsStart() {
        MemorySegment eight = MemorySegment.ofArray(new byte[8]);
        CheckedMessage.write(eight, 99, 5, 8);
        assertEquals(99, CheckedMessage.sequence(eight));
        MemorySegment three = MemorySegment.ofArray(new byte[3]);
        CheckedMessage.write(three, 0x030201, 5, 3);
        assertEquals(3, three.get(ValueLayout.JAVA_BYTE, 2));
        assertFalse(CheckedMessage.verify(eight, 99, 8, 8), "too short to verify: only an echo check can");
    }

    @Test
    void lengthsTheFormatCannotCarryAreRefused() {
        assertEquals(64, CheckedMessage.checkLength(64));
        assertEquals(44, CheckedMessage.checkLength(44));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CheckedMessage.checkLength(15));
        assertTrue(error.getMessage().contains("15"), error.getMessage());
    }
}
