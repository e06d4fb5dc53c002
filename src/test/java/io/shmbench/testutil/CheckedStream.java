package io.shmbench.testutil;

import io.shmbench.message.CheckedMessage;
import io.shmbench.message.MessageChecksum;
import io.shmbench.ring.RingReader;

import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The reader's side of a stream of sealed messages ({@link MessageChecksum#writeSealed}): fetches the next message, in place or
 * copied, and checks that it is whole and is the message expected next. Not thread-safe: one per
 * reader thread.
 */
public final class CheckedStream {
    private final RingReader reader;
    private final long timeoutNanos;
    private final MessageChecksum messages = new MessageChecksum();
    private final MemorySegment copy;
    private boolean intact;
    private long number;
    private int writer;
    private int length;

    public CheckedStream(RingReader reader) {
        this.reader = reader;
        this.timeoutNanos = ChildJvm.TIMEOUT.toNanos();
        this.copy = MemorySegment.ofArray(new byte[reader.maxPayload()]);
    }

    /**
     * Waits for the next message, in place or copied. Returns false when an in-place read was
     * torn (OVERWRITE; the reader counts it as missed).
     */
    public boolean next(boolean inPlace) {
        if (inPlace) {
            length = reader.receive(timeoutNanos);
            return check(reader.payload(), true);
        }
        length = reader.read(copy, 0, timeoutNanos);
        return check(copy, false);
    }

    /** Takes a message if one is there without waiting (in place); false when there is none or it was torn. */
    public boolean poll() {
        length = reader.poll();
        return length >= 0 && check(reader.payload(), true);
    }

    private boolean check(MemorySegment message, boolean inPlace) {
        intact = messages.intact(message, length);
        number = CheckedMessage.sequence(message);
        writer = (int) CheckedMessage.stamp(message);
        return !inPlace || reader.validate();
    }

    public int writer() {
        return writer;
    }

    /** The message just fetched must be whole and be message {@code expectedNumber} of writer {@code expectedWriter}. */
    public void expect(int expectedWriter, long expectedNumber) {
        if (!intact || writer != expectedWriter || number != expectedNumber) {
            fail("at reader position " + (reader.position() - 1) + " expected message " + expectedNumber + " of writer "
                    + expectedWriter + ", got " + (intact ? "" : "a CORRUPT (checksum mismatch) ") + "message " + number
                    + " of writer " + writer + ", " + length + " bytes");
        }
    }
}
