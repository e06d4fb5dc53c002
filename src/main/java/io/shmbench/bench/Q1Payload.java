package io.shmbench.bench;

import io.shmbench.transport.MessageChecksum;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What {@link Q1Transports} sends on round trips and streams, and the check of an echo; Q6's
 * placed round trips ({@link PlacedEcho}) send and check the same.
 *
 * <p>Two full messages of the size alternate: one with byte {@code k = k * 31 + 7}, the other its
 * complement, so consecutive messages differ in every byte; the first 8 bytes of each also carry a
 * stamp (a sequence number). Every message goes out at its full length. An echo is compared with
 * what was sent byte for byte, so a transport that returned a stale, truncated or half-copied
 * message fails the check; a sink's checksum over a batch catches the same in one direction.
 * Messages shorter than 8 bytes carry the pattern only.
 */
final class Q1Payload {
    static final int STAMP_BYTES = Long.BYTES;

    private final int size;
    private final MemorySegment even;
    private final MemorySegment odd;

    Q1Payload(Arena arena, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("message size must be >= 0, was " + size);
        }
        this.size = size;
        this.even = arena.allocate(Math.max(1, size), 64);
        this.odd = arena.allocate(Math.max(1, size), 64);
        for (int k = 0; k < size; k++) {
            byte b = (byte) (k * 31 + 7);
            even.set(ValueLayout.JAVA_BYTE, k, b);
            odd.set(ValueLayout.JAVA_BYTE, k, (byte) ~b);
        }
    }

    /** The message to send for {@code stamp}: the pattern of its parity, stamped. Reuses two buffers. */
    MemorySegment next(long stamp) {
        MemorySegment message = (stamp & 1) == 0 ? even : odd;
        if (size >= STAMP_BYTES) {
            message.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, stamp);
        }
        return message;
    }

    /** True when {@code echoed} holds exactly the {@code length} bytes of {@code sent}, a whole message. */
    boolean echoes(MemorySegment sent, MemorySegment echoed, int length) {
        return length == size && MemorySegment.mismatch(sent, 0, size, echoed, 0, size) == -1;
    }

    /** The {@link MessageChecksum} a sink reports after the messages stamped {@code 0 .. count - 1}. */
    long checksumOfFirst(int count) {
        MessageChecksum checksum = new MessageChecksum();
        for (int i = 0; i < count; i++) {
            checksum.update(next(i), size);
        }
        return checksum.value();
    }
}
