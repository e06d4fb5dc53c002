package io.shmbench.transport;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A {@link ByteBuffer} view of a segment for APIs that take buffers (NIO channels, CRC32C), made
 * once per segment: callers on a hot path pass the same segment every time, so this allocates
 * only when the segment changes.
 */
final class BufferView {
    private MemorySegment segment;
    private ByteBuffer buffer;

    /** The segment's first {@code length} bytes as a buffer (position 0, limit {@code length}). */
    ByteBuffer of(MemorySegment target, int length) {
        if (target != segment) {
            buffer = target.asByteBuffer();
            segment = target;
        }
        buffer.clear().limit(length);
        return buffer;
    }
}
