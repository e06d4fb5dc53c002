package io.shmbench.bench;

import io.shmbench.bench.peer.PeerLog;
import io.shmbench.message.CheckedMessage;
import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingException;
import io.shmbench.ring.SlotRelease;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One JMH trial of a cross-process ring benchmark: the {@link RingPeer} started for it in
 * {@code @Setup(Level.Trial)} and always stopped in {@code @TearDown(Level.Trial)}, both sides
 * pinned cross-core ({@link CrossCorePin}), and the {@link TrialOutcome} its waits and checks
 * report to. Subclasses are the JMH states of the
 * question classes; they call {@link #open} from their own trial set-up with the variant's rings
 * and {@code TrialOutcome.of(benchmarkParams)}.
 */
public abstract class RingTrial {
    /**
     * Longest wait for the peer. Generous against a loaded 2-core machine (where a process can miss
     * the CPU for a while), short enough that a variant that hangs costs seconds, not the run.
     */
    static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Every wait of this side ends here; tests shorten it. */
    long timeoutNanos = TIMEOUT_NANOS;
    RingPeer peer;
    TrialOutcome outcome;
    int messageBytes;
    private CrossCorePin pin;

    /**
     * Pins this thread and starts the peer; a peer that cannot start fails the trial (JMH records it
     * as failed). Both sides' readers release slots as {@code slotRelease} says.
     */
    final void open(RingPeerRole role, RingConfig toPeer, RingConfig fromPeer, int messageBytes, SlotRelease slotRelease,
                    TrialOutcome outcome) {
        open(role, toPeer, fromPeer, messageBytes, new RingPeer.Readers(LapPolicy.DEFAULT, slotRelease), outcome);
    }

    /** Like {@link #open(RingPeerRole, RingConfig, RingConfig, int, SlotRelease, TrialOutcome)}, with the readers set up as {@code readers} says. */
    final void open(RingPeerRole role, RingConfig toPeer, RingConfig fromPeer, int messageBytes, RingPeer.Readers readers,
                    TrialOutcome outcome) {
        this.messageBytes = CheckedMessage.checkLength(messageBytes);
        this.outcome = outcome;
        this.pin = CrossCorePin.pinThisThread(CrossCorePin.CROSS_CORE, outcome.series());
        this.peer = RingPeer.start(role, toPeer, fromPeer, messageBytes, readers, PeerLog.file(), pin.peerCpu(),
                Duration.ofNanos(timeoutNanos));
    }

    /**
     * Stops the trial at a failed wait or check (recorded once): a {@link RingException}, or a
     * {@code ChannelException} of the same-pair floor. The benchmark then returns at once.
     */
    final void stop(RuntimeException error) {
        outcome.stop(error, peer.isAlive() ? "" : " (the peer exited" + peer.logTail() + ")");
    }

    /** What a subclass holds besides the peer, released first at the end of the trial. */
    void release() {
    }

    @TearDown(Level.Trial)
    public void close() {
        try {
            if (outcome != null) {
                outcome.end("messages checked");
            }
        } finally {
            Resources.closeAll(this::release, peer, pin);
        }
    }
}
