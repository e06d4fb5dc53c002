package io.shmbench.bench;

import io.shmbench.ipc.ChannelException;
import io.shmbench.measure.CpuCost;
import io.shmbench.measure.LatencyRecorder;
import io.shmbench.measure.SeriesName;
import io.shmbench.message.StampedStream;
import io.shmbench.transport.PeerRole;
import io.shmbench.transport.PeerTask;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@link Q1Transports#fixedRate}'s peer: a {@code source} sending messages stamped with their
 * intended send time at {@link #ratePerSecond} ({@link StampedStream}), in batches of a hundredth
 * of a second, each started by this side, so an iteration ends on a whole batch.
 */
@State(Scope.Thread)
public class TransportSource extends TransportPeer {
    /** A fixed-rate source is restarted this often per second, so each iteration ends on a whole batch. */
    static final int BATCHES_PER_SECOND = 100;

    /** Intended messages per second; a parameter of {@code fixedRate} only (declared on this state). */
    @Param({"10000", "100000", "1000"})
    public long ratePerSecond;

    StampedStream stream;
    int batch;
    int remaining;

    @Setup(Level.Trial)
    public void open(BenchmarkParams params, CpuCost cost) {
        open(SeriesName.of(params), cost);
    }

    void open(SeriesName series, CpuCost cost) {
        configure(series);
        batch = (int) Math.max(1, ratePerSecond / BATCHES_PER_SECOND);
        start(PeerRole.SOURCE, PeerTask.source(batch, messageBytes, ratePerSecond), () -> {
            stream = new StampedStream(arena, messageBytes);
            // At most 10 batches (0.1 s of the rate): a slow rate is primed with fewer messages.
            long messages = (long) batch * Math.min(10, Math.max(1, PRIME_MESSAGES / batch));
            for (long i = 0; i < messages; i++) {
                receiveMessage();
            }
        });
        countCpu(cost);
    }

    /**
     * One message from the source, its one-way latency recorded unless it was corrupt. After a
     * timeout or a lost peer it records the outcome and throws.
     */
    void receive(LatencyRecorder latency) {
        long oneWay;
        try {
            oneWay = receiveMessage();
        } catch (ChannelException e) {
            throw fail(e);
        }
        if (oneWay >= 0) {
            latency.record(oneWay);
        }
        cost.countMessage();
    }

    /** The next message's one-way latency in ns, or -1 when it was corrupt. */
    private long receiveMessage() {
        if (remaining == 0) {
            channel.send(in, 0); // start the next batch: its intended send times count from now
            remaining = batch;
        }
        int length = channel.receive(in);
        long oneWay = stream.accept(in, length, System.nanoTime());
        remaining--;
        outcome.checked(oneWay >= 0);
        return oneWay;
    }

    /**
     * Receives the rest of the batch, unrecorded, so the next iteration starts with nothing queued:
     * messages left waiting across JMH's pause between iterations would be a backlog of the
     * harness, not of the transport.
     */
    @TearDown(Level.Iteration)
    public void drain() {
        try {
            while (remaining > 0 && !outcome.stopped()) {
                receiveMessage();
            }
        } catch (ChannelException e) {
            fail(e);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        try {
            drain();
        } finally {
            stop("fixed-rate messages (length, sequence, filler, intended send time)");
        }
    }
}
