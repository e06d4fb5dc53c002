package io.shmbench.bench;

import io.shmbench.payload.PayloadLayout;
import io.shmbench.payload.SnapshotLayout;
import io.shmbench.payload.Telemetry;
import io.shmbench.shm.SharedSegment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * Q5: how should a telemetry snapshot be laid out, AoS, SoA or hybrid? (In one process; the
 * cross-process variant, with the snapshot travelling through the ring, builds on the same layouts.)
 *
 * <p>The telemetry snapshot (docs/THEORY.md) holds, for each of N servers, a small header (id, status, last update)
 * and F float features. The writer fills a whole snapshot; the reader either aggregates one feature
 * across all servers (what a learning agent's feature extraction does) or reads everything.
 * The snapshot lives in a {@code /dev/shm} segment, as it would when shared.
 *
 * <ul>
 *   <li>{@link #writeSnapshot}: writer cost to fill one snapshot from its per-server data;</li>
 *   <li>{@link #aggregateFeature}: reader cost to sum one feature over all servers;</li>
 *   <li>{@link #readSnapshot}: reader cost to read every value (a checksum).</li>
 * </ul>
 *
 * <p>Why: AoS keeps a server's values together, so aggregating one feature strides through
 * memory, touching a cache line per server once a record passes 64 bytes; SoA makes that
 * aggregation one contiguous, vectorisable column, but the writer, which collects data per server,
 * then scatters its stores. Hybrid keeps per-server headers together and features in columns.
 *
 * <p>How to read it: compare layouts at the same {@code servers}; the aggregate's gap between AoS
 * and the column layouts should grow with N, while the writer's cost should favour AoS. The
 * whole snapshot is cache-resident here (at most a few tens of KB), so these are compute and
 * cache-line costs, not memory bandwidth. Per-value costs are the result divided by N (or N x F).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Q5PayloadLayout {
    @Param({"AOS", "SOA", "HYBRID"})
    public PayloadLayout payloadLayout;

    @Param({"16", "64", "256"})
    public int servers;

    @Param({"16"})
    public int features;

    private SharedSegment segment;
    private MemorySegment snapshot;
    private SnapshotLayout layout;
    private Telemetry telemetry;
    private int feature;
    private long stamp;

    @Setup(Level.Trial)
    public void createSnapshot() {
        layout = payloadLayout.of(servers, features);
        telemetry = Telemetry.random(servers, features, 42);
        segment = SharedSegment.create("payload", layout.byteSize());
        segment.unlink(); // the mapping stays; nothing is left in /dev/shm if this fork dies
        snapshot = segment.memory();
        layout.write(snapshot, telemetry);
        if (layout.checksum(snapshot) != telemetry.checksum()) {
            throw new IllegalStateException(layout + " does not read back what was written");
        }
    }

    @TearDown(Level.Trial)
    public void closeSnapshot() {
        if (segment != null) {
            segment.close();
        }
    }

    @Benchmark
    public void writeSnapshot() {
        telemetry.advance(++stamp); // a counter, not the clock: the clock's cost is not the layout's
        layout.write(snapshot, telemetry);
    }

    @Benchmark
    public double aggregateFeature() {
        int f = feature;
        feature = f + 1 == features ? 0 : f + 1;
        return layout.sumFeature(snapshot, f);
    }

    @Benchmark
    public long readSnapshot() {
        return layout.checksum(snapshot);
    }
}
