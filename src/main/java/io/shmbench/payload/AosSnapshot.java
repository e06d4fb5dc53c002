package io.shmbench.payload;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * Array of structs: after the header, one record per server.
 * <pre>
 * record (16 + 4F bytes, rounded up to 8):  id:int32 | status:int32 | updatedNanos:int64 | feature[0..F-1]:float32
 * </pre>
 * Aggregating one feature strides by a record, touching a cache line per server (or per few servers).
 */
public final class AosSnapshot extends SnapshotLayout {
    private static final long FEATURES = ServerStruct.SIZE;

    private final long recordSize;

    AosSnapshot(int servers, int features) {
        super(PayloadLayout.AOS, servers, features);
        this.recordSize = SnapshotShape.alignUp(FEATURES + 4L * features, 8);
    }

    private long record(int server) {
        return SnapshotHeader.SIZE + Objects.checkIndex(server, servers) * recordSize;
    }

    @Override
    public long byteSize() {
        return SnapshotHeader.SIZE + servers * recordSize;
    }

    @Override
    public void write(MemorySegment target, Telemetry source) {
        startWrite(target, source);
        float[] values = source.values;
        for (int s = 0, v = 0; s < servers; s++) {
            long base = record(s);
            ServerStruct.write(target, base, source, s);
            for (int f = 0; f < features; f++, v++) {
                target.set(ValueLayout.JAVA_FLOAT, base + FEATURES + 4L * f, values[v]);
            }
        }
    }

    @Override
    public double sumFeature(MemorySegment snapshot, int feature) {
        SnapshotShape.requireFits(snapshot, this);
        Objects.checkIndex(feature, features);
        double sum = 0;
        long offset = SnapshotHeader.SIZE + FEATURES + 4L * feature;
        for (int s = 0; s < servers; s++, offset += recordSize) {
            sum += snapshot.get(ValueLayout.JAVA_FLOAT, offset);
        }
        return sum;
    }

    @Override
    public long checksum(MemorySegment snapshot) {
        long sum = startChecksum(snapshot);
        for (int s = 0; s < servers; s++) {
            long base = record(s);
            sum += ServerStruct.checksum(snapshot, base);
            for (int f = 0; f < features; f++) {
                sum += snapshot.get(ValueLayout.JAVA_INT, base + FEATURES + 4L * f); // the float's raw bits
            }
        }
        return sum;
    }

    @Override
    public int serverId(MemorySegment snapshot, int server) {
        return ServerStruct.id(snapshot, record(server));
    }

    @Override
    public int status(MemorySegment snapshot, int server) {
        return ServerStruct.status(snapshot, record(server));
    }

    @Override
    public long updatedNanos(MemorySegment snapshot, int server) {
        return ServerStruct.updatedNanos(snapshot, record(server));
    }

    @Override
    public float feature(MemorySegment snapshot, int server, int feature) {
        return snapshot.get(ValueLayout.JAVA_FLOAT, record(server) + FEATURES + 4L * Objects.checkIndex(feature, features));
    }
}
