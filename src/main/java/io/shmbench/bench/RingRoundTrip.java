package io.shmbench.bench;

import io.shmbench.ipc.ChannelException;
import io.shmbench.measure.IntervalLog;
import io.shmbench.measure.LatencyRecorder;
import io.shmbench.message.CheckedMessage;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingException;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;
import io.shmbench.ring.SlotRelease;
import io.shmbench.transport.FloorSchedule;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.lang.foreign.MemorySegment;

/**
 * Round trips through an {@link RingPeerRole#ECHO} peer over two rings of the same variant: one
 * message in flight, written in full into the to-peer ring's slot, copied by the peer into the
 * from-peer ring, checked in full here. What one round trip costs is what is recorded: the write,
 * both crossings, the peer's copy and the check. The rings are the benchmark's {@link RingVariant}.
 * The round trips take turns with a same-pair floor ({@link PairedFloor}), so the variant is also
 * read as a multiple of the floor measured beside it.
 */
@State(Scope.Thread)
public class RingRoundTrip extends RingTrial implements PairedFloor.Series {
    private RingWriter writer;
    private RingReader reader;
    PairedFloor paired;

    @Setup(Level.Trial)
    public void start(BenchmarkParams benchmark) {
        RingVariant variant = RingVariant.of(benchmark);
        open(variant.config(), variant.slotRelease(), variant.messageBytes(), TrialOutcome.of(benchmark));
    }

    /**
     * Starts an echo peer on two rings made with {@code config}, both readers releasing slots as
     * {@code slotRelease} says, primes it and agrees on the floor's schedule.
     */
    final void open(RingConfig config, SlotRelease slotRelease, int messageBytes, TrialOutcome outcome) {
        open(RingPeerRole.ECHO, config, config, messageBytes, slotRelease, outcome);
        writer = peer.writer();
        reader = peer.reader();
        paired = PairedFloor.start(outcome.series(), peer.floor(), this);
    }

    /** One checked round trip; returns its nanoseconds (the write and the check are part of it). */
    @Override
    public long roundTrip() {
        long start = System.nanoTime();
        MemorySegment slot = writer.claim(timeoutNanos);
        long sequence = writer.position();
        CheckedMessage.write(slot, sequence, start, messageBytes);
        writer.commit(messageBytes);
        int length = reader.receive(timeoutNanos);
        boolean right = CheckedMessage.verify(reader.payload(), sequence, length, messageBytes);
        long nanos = System.nanoTime() - start;
        outcome.checked(right);
        return nanos;
    }

    @Override
    public void exchange(FloorSchedule schedule) {
        MemorySegment slot = writer.claim(timeoutNanos);
        schedule.write(slot);
        writer.commit(FloorSchedule.SIZE);
        int length = reader.receive(timeoutNanos);
        if (length != FloorSchedule.SIZE || !FloorSchedule.read(reader.payload(), length).equals(schedule)) {
            throw new RingException("the ring peer echoed the floor schedule wrong (" + length + " bytes)");
        }
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        startIteration(iteration.getType());
    }

    void startIteration(IterationType type) {
        if (paired != null) {
            paired.startIteration(IntervalLog.tagOf(type));
        }
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        if (paired != null) {
            paired.endIteration();
        }
    }

    /** One round trip, recorded, and its turn towards the floor's next block; after a timeout or an error, nothing (see {@link TrialOutcome}). */
    final void roundTrip(LatencyRecorder latency) {
        if (outcome.stopped()) {
            return;
        }
        try {
            long nanos = roundTrip();
            latency.record(nanos);
            paired.afterSeries(nanos);
        } catch (ChannelException e) {
            stop(e);
        }
    }

    @Override
    void release() {
        Resources.closeAll(paired);
    }
}
