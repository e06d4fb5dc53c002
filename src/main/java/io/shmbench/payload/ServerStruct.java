package io.shmbench.payload;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A server's 16-byte header struct, {@code id:int32 | status:int32 | updatedNanos:int64}: the start
 * of an AoS record and an element of the hybrid layout's header array.
 */
final class ServerStruct {
    static final long SIZE = 16;
    private static final long ID = 0;
    private static final long STATUS = 4;
    private static final long UPDATED = 8;

    private ServerStruct() {
    }

    static void write(MemorySegment target, long base, Telemetry source, int server) {
        target.set(ValueLayout.JAVA_INT, base + ID, source.serverIds[server]);
        target.set(ValueLayout.JAVA_INT, base + STATUS, source.statuses[server]);
        target.set(ValueLayout.JAVA_LONG, base + UPDATED, source.updatedNanos[server]);
    }

    /** The struct's part of {@link SnapshotLayout#checksum}. */
    static long checksum(MemorySegment snapshot, long base) {
        return 31L * id(snapshot, base) + 17L * status(snapshot, base) + updatedNanos(snapshot, base);
    }

    static int id(MemorySegment snapshot, long base) {
        return snapshot.get(ValueLayout.JAVA_INT, base + ID);
    }

    static int status(MemorySegment snapshot, long base) {
        return snapshot.get(ValueLayout.JAVA_INT, base + STATUS);
    }

    static long updatedNanos(MemorySegment snapshot, long base) {
        return snapshot.get(ValueLayout.JAVA_LONG, base + UPDATED);
    }
}
