package io.shmbench.payload;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * F float columns of N servers each, one after another from {@code start}, every column on its own
 * cache line: the feature part of the SoA and hybrid layouts. Aggregating one feature reads one
 * contiguous column.
 */
final class FeatureColumns {
    private final int servers;
    private final int features;
    private final long start;
    private final long columnStride;

    FeatureColumns(long start, int servers, int features) {
        this.servers = servers;
        this.features = features;
        this.start = start;
        this.columnStride = SnapshotShape.alignUp(4L * servers, SnapshotShape.CACHE_LINE);
    }

    long end() {
        return start + features * columnStride;
    }

    private long column(int feature) {
        return start + feature * columnStride;
    }

    /** Copies the writer's server-major values into the columns (reads the source with a stride of F). */
    void write(MemorySegment target, float[] values) {
        for (int f = 0; f < features; f++) {
            long column = column(f);
            for (int s = 0, v = f; s < servers; s++, v += features) {
                target.set(ValueLayout.JAVA_FLOAT, column + 4L * s, values[v]);
            }
        }
    }

    double sum(MemorySegment snapshot, int feature) {
        java.util.Objects.checkIndex(feature, features);
        long column = column(feature);
        double sum = 0;
        for (int s = 0; s < servers; s++) {
            sum += snapshot.get(ValueLayout.JAVA_FLOAT, column + 4L * s);
        }
        return sum;
    }

    /** Sum of every value's raw bits, column by column. */
    long rawBitsSum(MemorySegment snapshot) {
        long sum = 0;
        for (int f = 0; f < features; f++) {
            long column = column(f);
            for (int s = 0; s < servers; s++) {
                sum += snapshot.get(ValueLayout.JAVA_INT, column + 4L * s);
            }
        }
        return sum;
    }

    float get(MemorySegment snapshot, int server, int feature) {
        java.util.Objects.checkIndex(server, servers);
        java.util.Objects.checkIndex(feature, features);
        return snapshot.get(ValueLayout.JAVA_FLOAT, column(feature) + 4L * server);
    }
}
