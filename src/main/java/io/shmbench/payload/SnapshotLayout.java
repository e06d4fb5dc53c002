package io.shmbench.payload;

import java.lang.foreign.MemorySegment;

/**
 * A telemetry snapshot's layout: where each value of N servers x F features sits in a segment that
 * starts with a {@link SnapshotHeader}. Each server has an id, a status and the time it was last
 * updated (its header) and F float features.
 *
 * <p>The bulk operations are what Q5 measures. Each walks memory in its layout's natural order, as
 * a program written for that layout would: {@link #write} fills a snapshot from the writer's
 * per-server data, {@link #sumFeature} aggregates one feature across servers, {@link #checksum}
 * reads every value. Their results do not depend on the layout, so the layouts can be checked
 * against each other.
 */
public abstract sealed class SnapshotLayout permits AosSnapshot, ColumnarSnapshot {
    private final PayloadLayout kind;
    final int servers;
    final int features;

    SnapshotLayout(PayloadLayout kind, int servers, int features) {
        SnapshotShape.validate(servers, features);
        this.kind = kind;
        this.servers = servers;
        this.features = features;
    }

    public final PayloadLayout kind() {
        return kind;
    }

    public final int servers() {
        return servers;
    }

    public final int features() {
        return features;
    }

    /** Bytes a snapshot of this shape needs, header included. */
    public abstract long byteSize();

    /** Writes the whole snapshot {@code source} (header and body) into {@code target}. */
    public abstract void write(MemorySegment target, Telemetry source);

    /** Sum of feature {@code feature} over all servers, added in server order. */
    public abstract double sumFeature(MemorySegment snapshot, int feature);

    /**
     * Reads every value: sequence + timestamp + the sum over servers of (31 id + 17 status + updated)
     * + the sum of every feature's raw float bits. Addition in 64-bit wraps and commutes, so every
     * layout yields the same checksum for the same snapshot (see {@link Telemetry#checksum()}).
     */
    public abstract long checksum(MemorySegment snapshot);

    public abstract int serverId(MemorySegment snapshot, int server);

    public abstract int status(MemorySegment snapshot, int server);

    public abstract long updatedNanos(MemorySegment snapshot, int server);

    public abstract float feature(MemorySegment snapshot, int server, int feature);

    /** Checks before a bulk write: room in the target, telemetry of this shape; writes the header. */
    final void startWrite(MemorySegment target, Telemetry source) {
        SnapshotShape.requireFits(target, this);
        if (source.servers() != servers || source.features() != features) {
            throw new IllegalArgumentException("telemetry of " + source.servers() + " servers x " + source.features()
                    + " features does not fit " + this);
        }
        SnapshotHeader.write(target, source.sequence(), source.timestampNanos(), servers, features, kind);
    }

    /** Checks before a bulk read; the header's part of {@link #checksum}. */
    final long startChecksum(MemorySegment snapshot) {
        SnapshotShape.requireFits(snapshot, this);
        return SnapshotHeader.sequence(snapshot) + SnapshotHeader.timestampNanos(snapshot);
    }

    @Override
    public final String toString() {
        return kind + "[" + servers + " servers x " + features + " features, " + byteSize() + " bytes]";
    }
}
