package io.shmbench.bench;

import io.shmbench.bench.peer.PeerLog;
import io.shmbench.ipc.ChannelException;
import io.shmbench.measure.CpuCost;
import io.shmbench.measure.OutcomeLog;
import io.shmbench.measure.SeriesName;
import io.shmbench.run.Verdict;
import io.shmbench.transport.Channel;
import io.shmbench.transport.ChannelConfig;
import io.shmbench.transport.PeerProcess;
import io.shmbench.transport.PeerRole;
import io.shmbench.transport.PeerTask;
import io.shmbench.transport.Transport;
import io.shmbench.transport.Transports;
import io.shmbench.transport.WaitMode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * One peer process and its channel, for a trial of {@link Q1Transports}: the transport, message
 * size, wait strategy and pinning come from the benchmark's parameters (read by name from its
 * series, as {@link RingVariant} does for the ring benchmarks); the peer is started in the trial's
 * set-up and always stopped in its tear-down; the messages it checks and how the trial ended go to
 * the trial's {@link TrialOutcome}. What the peer does is the subclass's: {@link TransportEcho},
 * {@link TransportSink}, {@link TransportSource}.
 */
@State(Scope.Thread)
public abstract class TransportPeer {
    /** Longest wait for any one message; a healthy transport needs microseconds, a loaded machine milliseconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Messages exchanged in the trial set-up, before JMH's first iteration: a peer that has just said
     * it is ready still runs its loop in the interpreter, and on a loaded machine its first
     * milliseconds would otherwise fill a short (smoke) iteration.
     */
    static final int PRIME_MESSAGES = 2000;

    /** Longest wait for one message ({@link #TIMEOUT}; tests shorten it). */
    Duration timeout = TIMEOUT;
    Transport transport;
    int messageBytes;
    TrialOutcome outcome;
    Arena arena;
    PeerProcess peer;
    Channel channel;
    /** Receive buffer, as large as the channel's largest message. */
    MemorySegment in;
    /** The CPU time of both processes, for the streaming states (JMH binds it as a dependency of their set-up). */
    CpuCost cost;
    private WaitMode wait;
    private String pinning;
    private CrossCorePin pin;

    /** Reads the trial's parameters from its series; call first. */
    void configure(SeriesName series) {
        transport = Transports.byName(param(series, Q1Plan.TRANSPORT));
        messageBytes = Integer.parseInt(param(series, Q1Plan.MESSAGE_BYTES));
        wait = WaitMode.parse(param(series, Q1Plan.WAIT_STRATEGY));
        pinning = series.params().getOrDefault(Q1Plan.PINNING, CrossCorePin.CROSS_CORE);
        outcome = new TrialOutcome(series, OutcomeLog.current());
    }

    private static String param(SeriesName series, String name) {
        String value = series.params().get(name);
        if (value == null) {
            throw new IllegalArgumentException(series + " has no parameter " + name + "; Q1Transports declares it");
        }
        return value;
    }

    /**
     * Starts the peer and exchanges {@link #PRIME_MESSAGES} messages or so ({@code prime}); refuses a
     * combination {@link Q1Plan} does not run, with its reason. A failure stops the peer before it
     * is thrown: JMH calls no tear-down after a failed set-up.
     */
    void start(PeerRole role, PeerTask task, Runnable prime) {
        try {
            Verdict support = Q1Plan.support(role, transport, messageBytes);
            if (!support.runs()) {
                throw new IllegalStateException(outcome.series() + " is not measured: " + support.reason());
            }
            int channelBytes = Q1Plan.channelBytes(role, transport, messageBytes);
            arena = Arena.ofShared();
            in = arena.allocate(Math.max(1, channelBytes), 64);
            pin = CrossCorePin.pinThisThread(pinning, outcome.series());
            peer = PeerProcess.start(transport, new ChannelConfig(channelBytes, timeout, wait, ChannelConfig.DEFAULT_DEPTH), task,
                    PeerLog.file(), pin.peerCpu());
            channel = peer.channel();
            prime.run();
        } catch (RuntimeException e) {
            stop("");
            throw e;
        }
    }

    /** Counts the peer's CPU time with this JVM's from now on. */
    void countCpu(CpuCost counters) {
        cost = counters;
        counters.watch(peer.pid());
    }

    /** Records a timeout or a lost peer; the channel is not used again. Returns what a throughput mode throws. */
    IllegalStateException fail(ChannelException e) {
        outcome.stop(e);
        return new IllegalStateException("no result: " + e.getMessage() + " (recorded in raw/outcomes.csv)", e);
    }

    /** Records corrupt messages, if any, then stops the peer and frees the buffers. */
    void stop(String howChecked) {
        try {
            outcome.end(howChecked);
        } finally {
            Resources.closeAll(peer, arena, pin);
            peer = null;
            arena = null;
            pin = null;
        }
    }
}
