package io.shmbench.queue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Deterministic record contents shared by the appending and the reading side (also across
 * processes): record {@code index} of stream {@code seed} has a pseudo-random size up to a bound and
 * pseudo-random bytes, so the reader re-creates and compares every byte; both sides also fold the
 * bytes into a CRC32 over the whole stream.
 */
final class TestRecords {
    private final long seed;
    private final int maxSize;
    private final CRC32 crc = new CRC32();
    private byte[] scratch = new byte[0];

    TestRecords(long seed, int maxSize) {
        this.seed = seed;
        this.maxSize = maxSize;
    }

    int size(long index) {
        return (int) new SplittableRandom(seed * 31 + index).nextLong(maxSize + 1L);
    }

    /** The bytes of record {@code index}. */
    byte[] bytes(long index) {
        int size = size(index);
        byte[] bytes = new byte[size];
        SplittableRandom random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) random.nextInt();
        }
        return bytes;
    }

    /** Appends record {@code index} through the copying or the zero-copy API, alternating. */
    long append(QueueAppender appender, long index) {
        byte[] bytes = bytes(index);
        crc.update(bytes);
        if ((index & 1) == 0) {
            return appender.append(bytes, 0, bytes.length);
        }
        long at = appender.claim(bytes.length);
        MemorySegment.copy(bytes, 0, appender.buffer(), ValueLayout.JAVA_BYTE, at, bytes.length);
        return appender.publish(bytes.length);
    }

    /** Checks that the record the tailer just polled, {@code length} bytes long, is record {@code index}. */
    void verify(QueueTailer tailer, int length, long index) {
        if (tailer.index() != index) {
            fail("expected record " + index + ", the tailer is at " + tailer.index());
        }
        byte[] expected = bytes(index);
        if (length != expected.length) {
            fail("record " + index + " has " + length + " bytes, expected " + expected.length);
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        MemorySegment.copy(tailer.buffer(), ValueLayout.JAVA_BYTE, tailer.offset(), scratch, 0, length);
        for (int i = 0; i < length; i++) {
            if (scratch[i] != expected[i]) {
                fail("record " + index + " differs at byte " + i + " of " + length);
            }
        }
        crc.update(scratch, 0, length);
    }

    long crc() {
        return crc.getValue();
    }
}
