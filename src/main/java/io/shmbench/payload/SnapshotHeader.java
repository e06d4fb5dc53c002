package io.shmbench.payload;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The 64-byte header every telemetry snapshot starts with, whatever its layout. Little-endian,
 * fixed widths (the segment's native order on the platforms the suite runs on).
 *
 * <pre>
 * offset  size  field
 *      0     8  sequence        snapshot number, counts up from 0
 *      8     8  timestampNanos  System.nanoTime() (CLOCK_MONOTONIC) when the writer filled it
 *     16     4  servers         N
 *     20     4  features        F
 *     24     4  layout          PayloadLayout ordinal (0 AOS, 1 SOA, 2 HYBRID)
 *     28    36  (reserved, zero)
 *     64        layout-specific body
 * </pre>
 */
public final class SnapshotHeader {
    public static final long SEQUENCE_OFFSET = 0;
    public static final long TIMESTAMP_OFFSET = 8;
    public static final long SERVERS_OFFSET = 16;
    public static final long FEATURES_OFFSET = 20;
    public static final long LAYOUT_OFFSET = 24;
    /** The body starts on its own cache line. */
    public static final long SIZE = 64;

    private SnapshotHeader() {
    }

    static void write(MemorySegment target, long sequence, long timestampNanos, int servers, int features,
                      PayloadLayout layout) {
        target.set(ValueLayout.JAVA_LONG, SEQUENCE_OFFSET, sequence);
        target.set(ValueLayout.JAVA_LONG, TIMESTAMP_OFFSET, timestampNanos);
        target.set(ValueLayout.JAVA_INT, SERVERS_OFFSET, servers);
        target.set(ValueLayout.JAVA_INT, FEATURES_OFFSET, features);
        target.set(ValueLayout.JAVA_INT, LAYOUT_OFFSET, layout.ordinal());
    }

    public static long sequence(MemorySegment snapshot) {
        return snapshot.get(ValueLayout.JAVA_LONG, SEQUENCE_OFFSET);
    }

    public static long timestampNanos(MemorySegment snapshot) {
        return snapshot.get(ValueLayout.JAVA_LONG, TIMESTAMP_OFFSET);
    }

    /** Throws when {@code snapshot} was not written with {@code layout}'s shape (a reader's first check). */
    public static void check(MemorySegment snapshot, SnapshotLayout layout) {
        SnapshotShape.requireFits(snapshot, layout);
        int servers = snapshot.get(ValueLayout.JAVA_INT, SERVERS_OFFSET);
        int features = snapshot.get(ValueLayout.JAVA_INT, FEATURES_OFFSET);
        int ordinal = snapshot.get(ValueLayout.JAVA_INT, LAYOUT_OFFSET);
        if (servers != layout.servers() || features != layout.features() || ordinal != layout.kind().ordinal()) {
            throw new IllegalArgumentException("the snapshot header says " + servers + " servers x " + features
                    + " features, layout ordinal " + ordinal + "; expected " + layout);
        }
    }
}
