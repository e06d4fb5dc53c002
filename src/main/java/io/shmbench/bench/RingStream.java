package io.shmbench.bench;

import io.shmbench.ipc.ChannelException;
import io.shmbench.measure.ProcessCpuTime;
import io.shmbench.message.CheckedMessage;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingException;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;
import io.shmbench.ring.SlotRelease;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.lang.foreign.MemorySegment;

/**
 * One-way streaming into a {@link RingPeerRole#SINK} peer that checks every message in full: this
 * side writes as fast as the ring takes messages (waiting only when it is full), so the rate is
 * that of the slower side, back-pressure included. After each iteration (outside the measured
 * time) the sink is asked for its tally, which must account for every message sent; its wrong
 * messages count as corrupt. The tally comes back on a small default ring of its own. The
 * streamed ring is the benchmark's {@link RingVariant}.
 *
 * <p>Its two public counters are JMH secondary results ({@link AuxCounters}): {@link #cpuNs}, the
 * CPU time both processes used in the iteration, and {@link #messages}, the messages sent; the
 * reporter divides them into CPU nanoseconds per message.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class RingStream extends RingTrial {
    /** Slots of the ring that carries the sink's tallies back: one tally at a time. */
    private static final int TALLY_SLOTS = 2;

    private RingWriter writer;
    private RingReader tallies;
    /** Data messages sent: ring positions minus the tally requests. */
    private long sent;
    private SinkTally last = new SinkTally(0, 0);
    private long cpuAtStart;
    private long sentAtStart;
    /** CPU nanoseconds both processes used in this iteration (set when it ends). */
    public long cpuNs;
    /** Messages sent in this iteration (set when it ends). */
    public long messages;

    @Setup(Level.Trial)
    public void start(BenchmarkParams benchmark) {
        RingVariant variant = RingVariant.of(benchmark);
        open(variant.config(), variant.slotRelease(), variant.messageBytes(), TrialOutcome.of(benchmark));
    }

    /** Starts a sink peer reading a ring made with {@code config}, releasing its slots as {@code slotRelease} says. */
    final void open(RingConfig config, SlotRelease slotRelease, int messageBytes, TrialOutcome outcome) {
        open(RingPeerRole.SINK, config, RingConfig.of(TALLY_SLOTS, SinkTally.SIZE), messageBytes, slotRelease, outcome);
        writer = peer.writer();
        tallies = peer.reader();
    }

    @Setup(Level.Iteration)
    public void startCounting() {
        cpuNs = 0;
        messages = 0;
        sentAtStart = sent;
        cpuAtStart = cpuOfBoth(peer.pid());
    }

    /** Sends one message; after a timeout or an error, nothing (see {@link TrialOutcome}). */
    final void send() {
        if (outcome.stopped()) {
            return;
        }
        try {
            MemorySegment slot = writer.claim(timeoutNanos);
            CheckedMessage.write(slot, writer.position(), 0, messageBytes);
            writer.commit(messageBytes);
            sent++;
        } catch (ChannelException e) {
            stop(e);
        }
    }

    /**
     * Asks the sink for its tally: it must have checked every message sent (a message lost on the
     * way stops the trial as failed); its wrong messages count as corrupt.
     */
    @TearDown(Level.Iteration)
    public void collectTally() {
        if (outcome.stopped()) {
            return;
        }
        try {
            writer.claim(timeoutNanos);
            writer.commit(0);
            int length = tallies.receive(timeoutNanos);
            SinkTally tally = SinkTally.read(tallies.payload(), length);
            outcome.checked(tally.checked() - last.checked(), tally.corrupt() - last.corrupt());
            last = tally;
            if (tally.checked() != sent) {
                throw new RingException("the sink checked " + tally.checked() + " messages; " + sent + " were sent");
            }
            // Now that the sink has checked every message of the iteration, its CPU for them is in.
            cpuNs = cpuOfBoth(peer.pid()) - cpuAtStart;
            messages = sent - sentAtStart;
        } catch (ChannelException e) {
            stop(e);
        }
    }

    /** CPU nanoseconds used so far by this process and the peer (a peer that is gone counts 0). */
    private static long cpuOfBoth(long peer) {
        long self = ProcessCpuTime.nanos(ProcessHandle.current().pid());
        try {
            return self + ProcessCpuTime.nanos(peer);
        } catch (IllegalArgumentException gone) {
            return self;
        }
    }
}
