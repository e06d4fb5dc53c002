package io.shmbench.payload;

import java.lang.foreign.MemorySegment;

/** Checks shared by the three layouts: a valid shape, a segment large enough, indices in range. */
final class SnapshotShape {
    static final long CACHE_LINE = 64;

    private SnapshotShape() {
    }

    static void validate(int servers, int features) {
        if (servers <= 0 || features <= 0) {
            throw new IllegalArgumentException("a snapshot needs at least one server and one feature, got "
                    + servers + " servers x " + features + " features");
        }
    }

    static long alignUp(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    static void requireFits(MemorySegment segment, SnapshotLayout layout) {
        if (segment.byteSize() < layout.byteSize()) {
            throw new IllegalArgumentException("a " + layout + " snapshot needs " + layout.byteSize()
                    + " bytes; the segment has " + segment.byteSize());
        }
    }
}
