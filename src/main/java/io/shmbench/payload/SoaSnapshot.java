package io.shmbench.payload;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Struct of arrays: after the header, one array per field across all servers, each starting on a
 * cache line.
 * <pre>
 * id[N]:int32 | status[N]:int32 | updatedNanos[N]:int64 | feature0[N]:float32 | ... | feature(F-1)[N]:float32
 * </pre>
 */
public final class SoaSnapshot implements SnapshotLayout {
    private final int servers;
    private final int features;
    private final long ids;
    private final long statuses;
    private final long updated;
    private final FeatureColumns columns;

    SoaSnapshot(int servers, int features) {
        SnapshotShape.validate(servers, features);
        this.servers = servers;
        this.features = features;
        long intColumn = SnapshotShape.alignUp(4L * servers, SnapshotShape.CACHE_LINE);
        this.ids = SnapshotHeader.SIZE;
        this.statuses = ids + intColumn;
        this.updated = statuses + intColumn;
        this.columns = new FeatureColumns(updated + SnapshotShape.alignUp(8L * servers, SnapshotShape.CACHE_LINE),
                servers, features);
    }

    @Override
    public void write(MemorySegment target, Telemetry source) {
        SnapshotShape.requireFits(target, this);
        SnapshotShape.requireSameShape(source, this);
        SnapshotHeader.write(target, source.sequence(), source.timestampNanos(), servers, features, PayloadLayout.SOA);
        for (int s = 0; s < servers; s++) {
            target.set(ValueLayout.JAVA_INT, ids + 4L * s, source.serverIds[s]);
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
    public double sumFeature(MemorySegment snapshot, int feature) {
        SnapshotShape.requireFits(snapshot, this);
        return columns.sum(snapshot, feature);
    }

    @Override
    public long checksum(MemorySegment snapshot) {
        SnapshotShape.requireFits(snapshot, this);
        long sum = SnapshotHeader.sequence(snapshot) + SnapshotHeader.timestampNanos(snapshot);
        for (int s = 0; s < servers; s++) {
            sum += 31L * snapshot.get(ValueLayout.JAVA_INT, ids + 4L * s);
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
        return snapshot.get(ValueLayout.JAVA_INT, ids + 4L * java.util.Objects.checkIndex(server, servers));
    }

    @Override
    public int status(MemorySegment snapshot, int server) {
        return snapshot.get(ValueLayout.JAVA_INT, statuses + 4L * java.util.Objects.checkIndex(server, servers));
    }

    @Override
    public long updatedNanos(MemorySegment snapshot, int server) {
        return snapshot.get(ValueLayout.JAVA_LONG, updated + 8L * java.util.Objects.checkIndex(server, servers));
    }

    @Override
    public float feature(MemorySegment snapshot, int server, int feature) {
        return columns.get(snapshot, server, feature);
    }

    @Override
    public PayloadLayout kind() {
        return PayloadLayout.SOA;
    }

    @Override
    public int servers() {
        return servers;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public long byteSize() {
        return columns.end();
    }

    @Override
    public String toString() {
        return SnapshotShape.describe(this);
    }
}
