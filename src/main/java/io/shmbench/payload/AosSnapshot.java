package io.shmbench.payload;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Array of structs: after the header, one record per server.
 * <pre>
 * record (16 + 4F bytes, rounded up to 8):  id:int32 | status:int32 | updatedNanos:int64 | feature[0..F-1]:float32
 * </pre>
 * Aggregating one feature strides by a record, touching a cache line per server (or per few servers).
 */
public final class AosSnapshot implements SnapshotLayout {
    private static final long ID = 0;
    private static final long STATUS = 4;
    private static final long UPDATED = 8;
    private static final long FEATURES = 16;

    private final int servers;
    private final int features;
    private final long recordSize;
    private final long byteSize;

    AosSnapshot(int servers, int features) {
        SnapshotShape.validate(servers, features);
        this.servers = servers;
        this.features = features;
        this.recordSize = SnapshotShape.alignUp(FEATURES + 4L * features, 8);
        this.byteSize = SnapshotHeader.SIZE + servers * recordSize;
    }

    private long record(int server) {
        return SnapshotHeader.SIZE + server * recordSize;
    }

    @Override
    public void write(MemorySegment target, Telemetry source) {
        SnapshotShape.requireFits(target, this);
        SnapshotShape.requireSameShape(source, this);
        SnapshotHeader.write(target, source.sequence(), source.timestampNanos(), servers, features, PayloadLayout.AOS);
        float[] values = source.values;
        for (int s = 0, v = 0; s < servers; s++) {
            long base = record(s);
            target.set(ValueLayout.JAVA_INT, base + ID, source.serverIds[s]);
            target.set(ValueLayout.JAVA_INT, base + STATUS, source.statuses[s]);
            target.set(ValueLayout.JAVA_LONG, base + UPDATED, source.updatedNanos[s]);
            for (int f = 0; f < features; f++, v++) {
                target.set(ValueLayout.JAVA_FLOAT, base + FEATURES + 4L * f, values[v]);
            }
        }
    }

    @Override
    public double sumFeature(MemorySegment snapshot, int feature) {
        SnapshotShape.requireFits(snapshot, this);
        java.util.Objects.checkIndex(feature, features);
        double sum = 0;
        long offset = SnapshotHeader.SIZE + FEATURES + 4L * feature;
        for (int s = 0; s < servers; s++, offset += recordSize) {
            sum += snapshot.get(ValueLayout.JAVA_FLOAT, offset);
        }
        return sum;
    }

    @Override
    public long checksum(MemorySegment snapshot) {
        SnapshotShape.requireFits(snapshot, this);
        long sum = SnapshotHeader.sequence(snapshot) + SnapshotHeader.timestampNanos(snapshot);
        for (int s = 0; s < servers; s++) {
            long base = record(s);
            sum += 31L * snapshot.get(ValueLayout.JAVA_INT, base + ID)
                    + 17L * snapshot.get(ValueLayout.JAVA_INT, base + STATUS)
                    + snapshot.get(ValueLayout.JAVA_LONG, base + UPDATED);
            for (int f = 0; f < features; f++) {
                sum += snapshot.get(ValueLayout.JAVA_INT, base + FEATURES + 4L * f);
            }
        }
        return sum;
    }

    @Override
    public int serverId(MemorySegment snapshot, int server) {
        return snapshot.get(ValueLayout.JAVA_INT, record(java.util.Objects.checkIndex(server, servers)) + ID);
    }

    @Override
    public int status(MemorySegment snapshot, int server) {
        return snapshot.get(ValueLayout.JAVA_INT, record(java.util.Objects.checkIndex(server, servers)) + STATUS);
    }

    @Override
    public long updatedNanos(MemorySegment snapshot, int server) {
        return snapshot.get(ValueLayout.JAVA_LONG, record(java.util.Objects.checkIndex(server, servers)) + UPDATED);
    }

    @Override
    public float feature(MemorySegment snapshot, int server, int feature) {
        java.util.Objects.checkIndex(feature, features);
        return snapshot.get(ValueLayout.JAVA_FLOAT, record(java.util.Objects.checkIndex(server, servers)) + FEATURES + 4L * feature);
    }

    @Override
    public PayloadLayout kind() {
        return PayloadLayout.AOS;
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
        return byteSize;
    }

    @Override
    public String toString() {
        return SnapshotShape.describe(this);
    }
}
