package io.shmbench.message;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Checked messages for a sender whose cost per message must be a single store (Q1's round trips and
 * streams, Q6's placed round trips): messages 0 and 1 of the size are written once, in full, and
 * alternate, and each send only renumbers the one it reuses. Consecutive messages so differ in every
 * filler byte and each carries its own number: an echo compared with what was sent, byte for byte,
 * fails for a stale, truncated or half-copied message, and a sink's checksum over a batch catches the
 * same in one direction.
 */
public final class AlternatingMessages {
    private final int size;
    private final MemorySegment even;
    private final MemorySegment odd;

    public AlternatingMessages(Arena arena, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("message size must be >= 0, was " + size);
        }
        this.size = size;
        this.even = arena.allocate(Math.max(1, size), 64);
        this.odd = arena.allocate(Math.max(1, size), 64);
        CheckedMessage.write(even, 0, 0, size);
        CheckedMessage.write(odd, 1, 0, size);
    }

    /** The message to send as number {@code sequence}: the buffer of its parity, renumbered (when it has room for the number). */
    public MemorySegment next(long sequence) {
        MemorySegment message = (sequence & 1) == 0 ? even : odd;
        if (size >= Long.BYTES) {
            CheckedMessage.writeSequence(message, sequence);
        }
        return message;
    }

    /** True when {@code echoed} holds exactly the {@code length} bytes of {@code sent}, a whole message. */
    public boolean echoes(MemorySegment sent, MemorySegment echoed, int length) {
        return length == size && MemorySegment.mismatch(sent, 0, size, echoed, 0, size) == -1;
    }

    /** The {@link MessageChecksum} a sink reports after the messages numbered {@code 0 .. count - 1}. */
    public long checksumOfFirst(int count) {
        MessageChecksum checksum = new MessageChecksum();
        for (int i = 0; i < count; i++) {
            checksum.update(next(i), size);
        }
        return checksum.value();
    }
}
