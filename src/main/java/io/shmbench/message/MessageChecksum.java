package io.shmbench.message;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC-32C over message bytes, used two ways: running over a stream of messages (what a sink reports
 * and what its sender computes to compare), or one per message, in the last {@value #SIZE} bytes of a
 * sealed {@link CheckedMessage}, so a receiver that does not know what to expect can still tell a
 * whole message from a damaged one (the soak, the tests). Allocation-free when fed the same segment
 * each time. Not thread-safe: one per sending or checking side, and one per use.
 */
public final class MessageChecksum {
    /** Bytes of a sealed message's checksum. */
    public static final int SIZE = 4;
    /** Sequence, stamp and checksum. */
    public static final int MIN_SEALED_LENGTH = CheckedMessage.MIN_LENGTH + SIZE;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

    /** What {@link #check} found. */
    public enum Verdict {
        INTACT, BAD_LENGTH, BAD_CHECKSUM, WRONG_NUMBER;

        public boolean intact() {
            return this == INTACT;
        }
    }

    private final CRC32C crc = new CRC32C();
    /** A buffer view of the last segment checksummed, made again only when the segment changes. */
    private MemorySegment viewed;
    private ByteBuffer view;

    /** Adds the first {@code length} bytes of {@code message} to the running checksum. */
    public void update(MemorySegment message, int length) {
        if (message != viewed) {
            view = message.asByteBuffer();
            viewed = message;
        }
        crc.update(view.clear().limit(length));
    }

    public long value() {
        return crc.getValue();
    }

    /** Starts a new sequence, keeping the buffers (a sink reports every N messages, inside the measurement). */
    public void reset() {
        crc.reset();
    }

    /** Writes message {@code sequence} of {@code length} bytes, its last {@value #SIZE} the checksum of the rest. */
    public void writeSealed(MemorySegment message, long sequence, long stamp, int length) {
        if (length < MIN_SEALED_LENGTH) {
            throw new IllegalArgumentException("a sealed message has at least " + MIN_SEALED_LENGTH
                    + " bytes (sequence, stamp and checksum); " + length + " is too short");
        }
        CheckedMessage.write(message, sequence, stamp, length - SIZE);
        message.set(INT, length - SIZE, checksumOf(message, length - SIZE));
    }

    /** Whether the first {@code length} bytes of {@code message} are a whole sealed message, whichever it is. */
    public boolean intact(MemorySegment message, int length) {
        return length >= MIN_SEALED_LENGTH && length <= message.byteSize()
                && message.get(INT, length - SIZE) == checksumOf(message, length - SIZE);
    }

    /**
     * Checks the first {@code length} bytes of {@code message} as sealed message {@code expectedSequence}
     * of {@code expectedLength} bytes: a length no sealed message in this buffer can have, a checksum
     * that does not match (torn or damaged bytes), then a whole message that is not the one expected
     * (a stale, repeated or reordered one).
     */
    public Verdict check(MemorySegment message, int length, long expectedSequence, int expectedLength) {
        if (length < MIN_SEALED_LENGTH || length > message.byteSize()) {
            return Verdict.BAD_LENGTH;
        }
        if (!intact(message, length)) {
            return Verdict.BAD_CHECKSUM;
        }
        if (CheckedMessage.sequence(message) != expectedSequence || length != expectedLength) {
            return Verdict.WRONG_NUMBER;
        }
        return Verdict.INTACT;
    }

    private int checksumOf(MemorySegment message, int length) {
        crc.reset();
        update(message, length);
        return (int) crc.getValue();
    }
}
