package io.shmbench.payload;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * Struct of arrays: after the header, one array per field across all servers, each starting on a
 * cache line.
 * <pre>
 * id[N]:int32 | status[N]:int32 | updatedNanos[N]:int64 | feature0[N]:float32 | ... | feature(F-1)[N]:float32
 * </pre>
 */
public final class SoaSnapshot extends ColumnarSnapshot {
    private static final long IDS = SnapshotHeader.SIZE;

    private final long statuses;
    private final long updated;

    SoaSnapshot(int servers, int features) {
        super(PayloadLayout.SOA, servers, features, IDS + 2 * intColumn(servers) + longColumn(servers));
        this.statuses = IDS + intColumn(servers);
        this.updated = statuses + intColumn(servers);
    }

    private static long intColumn(int servers) {
        return SnapshotShape.alignUp(4L * servers, SnapshotShape.CACHE_LINE);
    }

    private static long longColumn(int servers) {
        return SnapshotShape.alignUp(8L * servers, SnapshotShape.CACHE_LINE);
    }

    @Override
    public void write(MemorySegment target, Telemetry source) {
        startWrite(target, source);
        for (int s = 0; s < servers; s++) {
            target.set(ValueLayout.JAVA_INT, IDS + 4L * s, source.serverIds[s]);
        }
        for (int s = 0; s < servers; s++) {
            target.set(ValueLayout.JAVA_INT, statuses + 4L * s, source.statuses[s]);
        }
        for (int s = 0; s < servers; s++) {
            target.set(ValueLayout.JAVA_LONG, updated + 8L * s, source.updatedNanos[s]);
        }
        columns.write(target, source.values);
    }

    @Override
    public long checksum(MemorySegment snapshot) {
        long sum = startChecksum(snapshot);
        for (int s = 0; s < servers; s++) {
            sum += 31L * snapshot.get(ValueLayout.JAVA_INT, IDS + 4L * s);
        }
        for (int s = 0; s < servers; s++) {
            sum += 17L * snapshot.get(ValueLayout.JAVA_INT, statuses + 4L * s);
        }
        for (int s = 0; s < servers; s++) {
            sum += snapshot.get(ValueLayout.JAVA_LONG, updated + 8L * s);
        }
        return sum + columns.rawBitsSum(snapshot);
    }

    @Override
    public int serverId(MemorySegment snapshot, int server) {
        return snapshot.get(ValueLayout.JAVA_INT, IDS + 4L * Objects.checkIndex(server, servers));
    }

    @Override
    public int status(MemorySegment snapshot, int server) {
        return snapshot.get(ValueLayout.JAVA_INT, statuses + 4L * Objects.checkIndex(server, servers));
    }

    @Override
    public long updatedNanos(MemorySegment snapshot, int server) {
        return snapshot.get(ValueLayout.JAVA_LONG, updated + 8L * Objects.checkIndex(server, servers));
    }
}
