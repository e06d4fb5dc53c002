package io.shmbench.transport;

import java.lang.foreign.MemorySegment;
import java.util.zip.CRC32C;

/**
 * CRC-32C over every byte of a sequence of messages, in order: what a sink reports and what the
 * sender computes to compare. Allocation-free when fed the same segment each time.
 */
public final class MessageChecksum {
    private final CRC32C crc = new CRC32C();
    private final BufferView view = new BufferView();

    public void update(MemorySegment message, int length) {
        crc.update(view.of(message, length));
    }

    public long value() {
        return crc.getValue();
    }

    /** Starts a new sequence, keeping the buffers (a sink reports every N messages, inside the measurement). */
    public void reset() {
        crc.reset();
    }
}
