package io.shmbench.payload;

import java.util.SplittableRandom;

/**
 * One snapshot's values as the writer holds them before publishing: per server an id, a status, the
 * time it was last updated and F float features (server-major, the order a packet-processing
 * process collects them in).
 */
public final class Telemetry {
    private final int servers;
    private final int features;
    private long sequence;
    private long timestampNanos;
    final int[] serverIds;
    final int[] statuses;
    final long[] updatedNanos;
    /** {@code values[server * features + feature]}. */
    final float[] values;

    public Telemetry(int servers, int features) {
        SnapshotShape.validate(servers, features);
        this.servers = servers;
        this.features = features;
        this.serverIds = new int[servers];
        this.statuses = new int[servers];
        this.updatedNanos = new long[servers];
        this.values = new float[Math.multiplyExact(servers, features)];
    }

    /** Telemetry with reproducible pseudo-random values (negative, fractional and large ones included). */
    public static Telemetry random(int servers, int features, long seed) {
        Telemetry t = new Telemetry(servers, features);
        SplittableRandom random = new SplittableRandom(seed);
        t.sequence = random.nextLong(1, Long.MAX_VALUE / 2);
        t.timestampNanos = random.nextLong();
        for (int s = 0; s < servers; s++) {
            t.serverIds[s] = random.nextInt();
            t.statuses[s] = random.nextInt(4);
            t.updatedNanos[s] = random.nextLong();
        }
        for (int i = 0; i < t.values.length; i++) {
            t.values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 7)));
        }
        return t;
    }

    public int servers() {
        return servers;
    }

    public int features() {
        return features;
    }

    public long sequence() {
        return sequence;
    }

    public long timestampNanos() {
        return timestampNanos;
    }

    /** Moves to the next snapshot: a new sequence number and time stamp, the same values. */
    public void advance(long nowNanos) {
        sequence++;
        timestampNanos = nowNanos;
    }

    public int serverId(int server) {
        return serverIds[server];
    }

    public int status(int server) {
        return statuses[server];
    }

    public long updatedNanos(int server) {
        return updatedNanos[server];
    }

    public float feature(int server, int feature) {
        return values[server * features + feature];
    }

    public void set(int server, int id, int status, long updated) {
        serverIds[server] = id;
        statuses[server] = status;
        updatedNanos[server] = updated;
    }

    public void setFeature(int server, int feature, float value) {
        values[server * features + feature] = value;
    }

    /** {@link SnapshotLayout#checksum} of this snapshot, computed from the writer's arrays. */
    public long checksum() {
        long sum = sequence + timestampNanos;
        for (int s = 0; s < servers; s++) {
            sum += 31L * serverIds[s] + 17L * statuses[s] + updatedNanos[s];
        }
        for (float value : values) {
            sum += Float.floatToRawIntBits(value);
        }
        return sum;
    }

    /** Sum of one feature over all servers in server order, as {@link SnapshotLayout#sumFeature}. */
    public double sumFeature(int feature) {
        double sum = 0;
        for (int s = 0; s < servers; s++) {
            sum += values[s * features + feature];
        }
        return sum;
    }
}
