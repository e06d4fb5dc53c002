package io.shmbench.bench.peer;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.payload.PayloadLayout;
import io.shmbench.payload.SnapshotLayout;
import io.shmbench.payload.Telemetry;
import io.shmbench.process.PeerCommand;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;
import io.shmbench.shm.SharedSegment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongPredicate;

/**
 * Q5's peer: the other side of a telemetry snapshot in a shared segment ({@code --snapshot}),
 * taking turns with the benchmark through two one-slot rings of {@link #MESSAGE_BYTES}-byte
 * messages ({@code --in}: this peer reads it, {@code --out}: this peer writes it). Each message is
 * {@code (k, result)}; the rings' release/acquire publication orders the snapshot's bytes before it.
 * <ul>
 *   <li>{@code --role WRITER}: on request k, writes snapshot k ({@link SnapshotCheck}) into the
 *       segment and answers {@code (k, 1)}: the benchmark then reads a snapshot another core has
 *       just written.</li>
 *   <li>{@code --role READER}: on notice k, reads snapshot k in full, checks it, and answers
 *       {@code (k, 1)} when it is whole, {@code (k, 0)} when not: the benchmark's next write then
 *       finds the snapshot's lines in this core's cache.</li>
 * </ul>
 */
@Command(name = "SnapshotPeer", description = "Q5 peer: writes telemetry snapshots on request, or reads and checks them")
public final class SnapshotPeer extends PeerCommand {
    /** A message: k (long) and a result (long). */
    public static final int MESSAGE_BYTES = 16;
    /** The peer waits as long as its parent lives; the parent's waits carry the real timeouts. */
    private static final long WAIT_NANOS = Duration.ofDays(1).toNanos();

    /** Which side of the snapshot the peer takes. */
    public enum Role { WRITER, READER }

    @Option(names = "--role", required = true, description = "WRITER or READER")
    Role role;
    @Option(names = "--layout", required = true, description = "AOS, SOA or HYBRID")
    PayloadLayout layout;
    @Option(names = "--servers", required = true)
    int servers;
    @Option(names = "--features", required = true)
    int features;
    @Option(names = "--seed", required = true, description = "seed of the telemetry both sides generate")
    long seed;
    @Option(names = "--snapshot", required = true, description = "segment holding the snapshot")
    Path snapshotPath;
    @Option(names = "--in", required = true, description = "ring this peer reads")
    Path in;
    @Option(names = "--out", required = true, description = "ring this peer writes")
    Path out;

    public static void main(String[] args) {
        run(new SnapshotPeer(), args);
    }

    /** Sends {@code (k, result)}, waiting up to {@code timeoutNanos} for the slot. */
    public static void send(RingWriter writer, long k, long result, long timeoutNanos) {
        MemorySegment message = writer.claim(timeoutNanos);
        message.set(ValueLayout.JAVA_LONG, 0, k);
        message.set(ValueLayout.JAVA_LONG, 8, result);
        writer.commit(MESSAGE_BYTES);
    }

    /**
     * Receives the answer to message {@code k}, waiting up to {@code timeoutNanos}; returns its result.
     *
     * @throws IllegalStateException when the message is not about {@code k} (the two sides lost step)
     */
    public static long receive(RingReader reader, long k, long timeoutNanos) {
        int length = reader.receive(timeoutNanos);
        MemorySegment message = reader.payload();
        long about = message.get(ValueLayout.JAVA_LONG, 0);
        if (length != MESSAGE_BYTES || about != k) {
            throw new IllegalStateException("expected a " + MESSAGE_BYTES + "-byte message about snapshot " + k
                    + ", got " + length + " bytes about " + about);
        }
        return message.get(ValueLayout.JAVA_LONG, 8);
    }

    @Override
    protected void work() {
        SnapshotLayout shape = layout.of(servers, features);
        try (SharedSegment segment = SharedSegment.attach(snapshotPath);
             Ring inRing = Ring.attach(in);
             Ring outRing = Ring.attach(out)) {
            MemorySegment snapshot = segment.memory();
            LongPredicate act;
            if (role == Role.WRITER) {
                Telemetry telemetry = SnapshotCheck.telemetry(shape, seed);
                act = k -> {
                    telemetry.advance(k);
                    shape.write(snapshot, telemetry);
                    return true;
                };
            } else {
                SnapshotCheck check = new SnapshotCheck(shape, seed);
                act = k -> check.isSnapshot(snapshot, k) && check.isChecksum(shape.checksum(snapshot), k);
            }
            takeTurns(inRing.openReader(WaitStrategy.SPIN), outRing.openWriter(WaitStrategy.SPIN), act);
        }
    }

    /** For k = 1, 2, ...: waits for message k, acts on snapshot k, answers {@code (k, 1 or 0)}. */
    static void takeTurns(RingReader in, RingWriter out, LongPredicate act) {
        for (long k = 1; ; k++) {
            receive(in, k, WAIT_NANOS);
            send(out, k, act.test(k) ? 1 : 0, WAIT_NANOS);
        }
    }
}
