package io.shmbench.payload;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Hybrid, the seed's MARLLB choice: per-server headers as an array of small structs (a server's
 * fields are read together), features as columns across servers (one feature is aggregated
 * across servers, vectorisable).
 * <pre>
 * header[N] = { id:int32 | status:int32 | updatedNanos:int64 }  (16 bytes each)
 * feature0[N]:float32 | ... | feature(F-1)[N]:float32            (each column on its own cache line)
 * </pre>
 */
public final class HybridSnapshot implements SnapshotLayout {
    private static final long HEADER_SIZE = 16;
    private static final long ID = 0;
    private static final long STATUS = 4;
    private static final long UPDATED = 8;

    private final int servers;
    private final int features;
    private final FeatureColumns columns;

    HybridSnapshot(int servers, int features) {
        SnapshotShape.validate(servers, features);
        this.servers = servers;
        this.features = features;
        this.columns = new FeatureColumns(
                SnapshotHeader.SIZE + SnapshotShape.alignUp(HEADER_SIZE * servers, SnapshotShape.CACHE_LINE),
                servers, features);
    }

    private static long header(int server) {
        return SnapshotHeader.SIZE + server * HEADER_SIZE;
    }

    @Override
    public void write(MemorySegment target, Telemetry source) {
        SnapshotShape.requireFits(target, this);
        SnapshotShape.requireSameShape(source, this);
        SnapshotHeader.write(target, source.sequence(), source.timestampNanos(), servers, features, PayloadLayout.HYBRID);
        for (int s = 0; s < servers; s++) {
            long base = header(s);
            target.set(ValueLayout.JAVA_INT, base + ID, source.serverIds[s]);
            target.set(ValueLayout.JAVA_INT, base + STATUS, source.statuses[s]);
            target.set(ValueLayout.JAVA_LONG, base + UPDATED, source.updatedNanos[s]);
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
            long base = header(s);
            sum += 31L * snapshot.get(ValueLayout.JAVA_INT, base + ID)
                    + 17L * snapshot.get(ValueLayout.JAVA_INT, base + STATUS)
                    + snapshot.get(ValueLayout.JAVA_LONG, base + UPDATED);
        }
        return sum + columns.rawBitsSum(snapshot);
    }

    @Override
    public int serverId(MemorySegment snapshot, int server) {
        return snapshot.get(ValueLayout.JAVA_INT, header(java.util.Objects.checkIndex(server, servers)) + ID);
    }

    @Override
    public int status(MemorySegment snapshot, int server) {
        return snapshot.get(ValueLayout.JAVA_INT, header(java.util.Objects.checkIndex(server, servers)) + STATUS);
    }

    @Override
    public long updatedNanos(MemorySegment snapshot, int server) {
        return snapshot.get(ValueLayout.JAVA_LONG, header(java.util.Objects.checkIndex(server, servers)) + UPDATED);
    }

    @Override
    public float feature(MemorySegment snapshot, int server, int feature) {
        return columns.get(snapshot, server, feature);
    }

    @Override
    public PayloadLayout kind() {
        return PayloadLayout.HYBRID;
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
