package io.shmbench.bench;

import io.shmbench.measure.LatencyRecorder;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingException;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.lang.foreign.MemorySegment;

/**
 * Round trips through an {@link RingPeerRole#ECHO} peer over two rings of the same variant: one
 * message in flight, written in full into the to-peer ring's slot, copied by the peer into the
 * from-peer ring, checked in full here. What one round trip costs is what is recorded: the write,
 * both crossings, the peer's copy and the check. The rings are the benchmark's {@link RingVariant}.
 */
@State(Scope.Thread)
public class RingRoundTrip extends RingTrial {
    private RingWriter writer;
    private RingReader reader;

    @Setup(Level.Trial)
    public void start(BenchmarkParams benchmark) {
        RingVariant variant = RingVariant.of(benchmark);
        open(variant.config(), variant.messageBytes(), TrialOutcome.of(benchmark));
    }

    /** Starts an echo peer on two rings made with {@code config}. */
    final void open(RingConfig config, int messageBytes, TrialOutcome outcome) {
        open(RingPeerRole.ECHO, config, config, messageBytes, outcome);
        writer = peer.writer();
        reader = peer.reader();
    }

    /** One round trip, recorded; after a timeout or an error, nothing (see {@link TrialOutcome}). */
    final void roundTrip(LatencyRecorder latency) {
        if (outcome.stopped()) {
            return;
        }
        try {
            long start = System.nanoTime();
            MemorySegment slot = writer.claim(timeoutNanos);
            long sequence = writer.position();
            CheckedMessage.write(slot, sequence, start, messageBytes);
            writer.commit(messageBytes);
            int length = reader.receive(timeoutNanos);
            boolean right = CheckedMessage.verify(reader.payload(), sequence, length, messageBytes);
            latency.record(System.nanoTime() - start);
            outcome.checked(right);
        } catch (RingException e) {
            stop(e);
        }
    }
}
