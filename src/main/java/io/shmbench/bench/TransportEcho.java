package io.shmbench.bench;

import io.shmbench.ipc.ChannelException;
import io.shmbench.measure.IntervalLog;
import io.shmbench.measure.LatencyRecorder;
import io.shmbench.measure.SeriesName;
import io.shmbench.transport.PeerRole;
import io.shmbench.transport.PeerTask;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * {@link Q1Transports#roundTrip}'s peer: an {@code echo}, every echo compared byte for byte with
 * what was sent ({@link ChannelEcho}). Every transport but {@code floor} itself takes turns with a
 * same-pair floor ({@link PairedFloor}), primed with {@link PairedFloor#PRIME_ROUND_TRIPS} round
 * trips.
 */
@State(Scope.Thread)
public class TransportEcho extends TransportPeer {
    ChannelEcho echo;
    /** The same-pair floor, or null for {@code floor} itself. */
    PairedFloor paired;

    @Setup(Level.Trial)
    public void open(BenchmarkParams params) {
        open(SeriesName.of(params));
    }

    void open(SeriesName series) {
        configure(series);
        boolean pairs = Q1Plan.pairsFloor(transport);
        start(PeerRole.ECHO, pairs ? PeerTask.echoWithFloor(PairedFloor.PRIME_ROUND_TRIPS) : PeerTask.echo(), () -> {
            echo = new ChannelEcho(channel, arena, messageBytes, (int) in.byteSize(), outcome);
            if (pairs) {
                paired = PairedFloor.start(series, peer.floor(), echo);
            } else {
                for (int i = 0; i < PRIME_MESSAGES; i++) {
                    echo.roundTrip();
                }
            }
        });
    }

    /**
     * One round trip, recorded, and its turn towards the floor's next block. After a timeout or a
     * lost peer it records the outcome and does nothing more in this trial (the recorded latencies
     * so far stay valid).
     */
    void roundTrip(LatencyRecorder latency) {
        if (outcome.stopped()) {
            return;
        }
        try {
            long nanos = echo.roundTrip();
            latency.record(nanos);
            if (paired != null) {
                paired.afterSeries(nanos);
            }
        } catch (ChannelException e) {
            fail(e);
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

    @TearDown(Level.Trial)
    public void close() {
        try {
            Resources.closeAll(paired);
        } finally {
            stop("echoes (compared byte for byte with what was sent)");
        }
    }
}
