package io.shmbench.payload;

import java.lang.foreign.MemorySegment;

/**
 * The layouts whose features are columns across servers ({@link FeatureColumns}), after per-server
 * fields laid out by the subclass.
 */
public abstract sealed class ColumnarSnapshot extends SnapshotLayout permits SoaSnapshot, HybridSnapshot {
    final FeatureColumns columns;

    /** @param columnsStart where the feature columns start, after the header and the per-server fields */
    ColumnarSnapshot(PayloadLayout kind, int servers, int features, long columnsStart) {
        super(kind, servers, features);
        this.columns = new FeatureColumns(columnsStart, servers, features);
    }

    @Override
    public final long byteSize() {
        return columns.end();
    }

    @Override
    public final double sumFeature(MemorySegment snapshot, int feature) {
        SnapshotShape.requireFits(snapshot, this);
        return columns.sum(snapshot, feature);
    }

    @Override
    public final float feature(MemorySegment snapshot, int server, int feature) {
        return columns.get(snapshot, server, feature);
    }
}
