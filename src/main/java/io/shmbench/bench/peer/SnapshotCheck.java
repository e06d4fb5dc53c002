package io.shmbench.bench.peer;

import io.shmbench.payload.SnapshotHeader;
import io.shmbench.payload.SnapshotLayout;
import io.shmbench.payload.Telemetry;

import java.lang.foreign.MemorySegment;

/**
 * What both sides of Q5's cross-process exchange know about snapshot k (k = 1, 2, ...): it holds
 * the telemetry {@code Telemetry.random(servers, features, seed)} advanced k times with time stamp
 * k, so its sequence, time stamp, checksum and every feature sum are known in advance. A side
 * checks a snapshot it receives in O(1) besides the read it does anyway, without a second copy.
 */
public final class SnapshotCheck {
    private final SnapshotLayout layout;
    private final long firstSequence;
    /** {@link SnapshotLayout#checksum} minus the header's sequence and time stamp: the same for every k. */
    private final long bodyChecksum;
    private final double[] featureSums;

    public SnapshotCheck(SnapshotLayout layout, long seed) {
        Telemetry telemetry = Telemetry.random(layout.servers(), layout.features(), seed);
        this.layout = layout;
        this.firstSequence = telemetry.sequence();
        this.bodyChecksum = telemetry.checksum() - telemetry.sequence() - telemetry.timestampNanos();
        this.featureSums = new double[layout.features()];
        for (int f = 0; f < featureSums.length; f++) {
            featureSums[f] = telemetry.sumFeature(f);
        }
    }

    /** The writer's telemetry, before snapshot 1: advance it with {@code advance(k)} for snapshot k. */
    public static Telemetry telemetry(SnapshotLayout layout, long seed) {
        return Telemetry.random(layout.servers(), layout.features(), seed);
    }

    /** Whether the header says snapshot {@code k}. */
    public boolean isSnapshot(MemorySegment snapshot, long k) {
        return SnapshotHeader.sequence(snapshot) == firstSequence + k && SnapshotHeader.timestampNanos(snapshot) == k;
    }

    /** Whether {@code checksum} (from {@link SnapshotLayout#checksum}) is that of snapshot {@code k}. */
    public boolean isChecksum(long checksum, long k) {
        return checksum == bodyChecksum + firstSequence + k + k;
    }

    /** Whether {@code sum} is the sum of feature {@code feature} over all servers (the same in every snapshot). */
    public boolean isFeatureSum(double sum, int feature) {
        return Double.doubleToRawLongBits(sum) == Double.doubleToRawLongBits(featureSums[feature]);
    }
}
