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
public sealed interface SnapshotLayout permits AosSnapshot, SoaSnapshot, HybridSnapshot {
    PayloadLayout kind();

    int servers();

    int features();

    /** Bytes a snapshot of this shape needs, header included. */
    long byteSize();

    /** Writes the whole snapshot {@code source} (header and body) into {@code target}. */
    void write(MemorySegment target, Telemetry source);

    /** Sum of feature {@code feature} over all servers, added in server order. */
    double sumFeature(MemorySegment snapshot, int feature);

    /**
     * Reads every value: sequence + timestamp + the sum over servers of (31 id + 17 status + updated)
     * + the sum of every feature's raw float bits. Addition in 64-bit wraps and commutes, so every
     * layout yields the same checksum for the same snapshot (see {@link Telemetry#checksum()}).
     */
    long checksum(MemorySegment snapshot);

    int serverId(MemorySegment snapshot, int server);

    int status(MemorySegment snapshot, int server);

    long updatedNanos(MemorySegment snapshot, int server);

    float feature(MemorySegment snapshot, int server, int feature);
}
