package io.shmbench.payload;

/** How a telemetry snapshot of N servers x F features is laid out in memory (question Q5). */
public enum PayloadLayout {
    /** Array of structs: one record per server, its header then its F features. */
    AOS,
    /** Struct of arrays: one array per header field and one per feature, each across all servers. */
    SOA,
    /** Per-server headers as an array of structs, features as arrays across servers (the telemetry design's choice, docs/THEORY.md). */
    HYBRID;

    /** The layout of a snapshot of this shape. */
    public SnapshotLayout of(int servers, int features) {
        return switch (this) {
            case AOS -> new AosSnapshot(servers, features);
            case SOA -> new SoaSnapshot(servers, features);
            case HYBRID -> new HybridSnapshot(servers, features);
        };
    }
}
