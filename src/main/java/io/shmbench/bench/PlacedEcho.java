package io.shmbench.bench;

import io.shmbench.bench.peer.PeerLog;
import io.shmbench.ipc.ChannelException;
import io.shmbench.placement.FirstTouch;
import io.shmbench.placement.ThreadAffinity;
import io.shmbench.placement.ThreadPin;
import io.shmbench.transport.ChannelConfig;
import io.shmbench.transport.PeerProcess;
import io.shmbench.transport.PeerRole;
import io.shmbench.transport.PeerTask;
import io.shmbench.transport.Transport;
import io.shmbench.transport.Transports;
import io.shmbench.transport.WaitMode;

import java.lang.foreign.Arena;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Round trips through an echo peer with both sides placed (Q6): the calling thread pinned to the
 * writer CPU, the peer's thread pinned to the reader CPU (it pins itself, {@code PeerMain --cpu}),
 * and the transport's shared memory created, and so first touched, on a thread pinned to the memory
 * CPU ({@link FirstTouch}). Both sides busy-poll ({@link WaitMode#SPIN}). The round trips and their
 * checks are Q1's ({@link ChannelEcho}). Every transport but {@code floor} itself takes turns with a
 * same-pair floor ({@link PairedFloor}), its segment first touched on the memory CPU too.
 *
 * <p>Create, use and close it on one thread: the pin belongs to the thread that created it.
 */
final class PlacedEcho implements AutoCloseable {
    /** Connecting starts a JVM on a machine that may be loaded, first touch included. */
    private static final Duration SETUP_TIMEOUT = ChannelConfig.MIN_SETUP_TIMEOUT.multipliedBy(2);

    private final ThreadPin pin;
    private final Arena arena;
    private final PeerProcess peer;
    private final ChannelEcho echo;
    /** The same-pair floor, or null for {@code floor} itself. */
    private PairedFloor paired;

    private PlacedEcho(ThreadPin pin, Arena arena, PeerProcess peer, ChannelEcho echo) {
        this.pin = pin;
        this.arena = arena;
        this.peer = peer;
        this.echo = echo;
    }

    /**
     * Pins this thread, starts the peer and connects; the echoes will be counted in {@code outcome}.
     *
     * @param payloadBytes message size, capped at what the transport carries ({@code floor}: 0)
     * @throws RuntimeException (a placement, channel or peer exception) when any step fails; what was
     *     made until then is released
     */
    static PlacedEcho start(TrialOutcome outcome, String transportName, int payloadBytes, int writerCpu, int readerCpu,
                            int memoryCpu) {
        Transport transport = Transports.byName(transportName);
        int size = Math.min(payloadBytes, transport.sizeLimit().maxBytes());
        boolean pairs = Q1Plan.pairsFloor(transport);
        ChannelConfig config = ChannelConfig.of(Q1Plan.channelBytes(PeerRole.ECHO, transport, size)).withWaitMode(WaitMode.SPIN);
        PeerTask task = pairs ? PeerTask.echoWithFloor(PairedFloor.PRIME_ROUND_TRIPS) : PeerTask.echo();
        ThreadPin pin = ThreadAffinity.pinTo(writerCpu);
        Arena arena = null;
        PlacedEcho placed = null;
        try {
            arena = Arena.ofConfined();
            PeerProcess peer = FirstTouch.onCpu(memoryCpu, SETUP_TIMEOUT,
                    () -> PeerProcess.start(transport, config, task, PeerLog.file(), OptionalInt.of(readerCpu)));
            placed = new PlacedEcho(pin, arena, peer, new ChannelEcho(peer.channel(), arena, size, config.maxMessageSize(), outcome));
            if (pairs) {
                placed.paired = PairedFloor.start(outcome.series(), peer.floor(), placed.echo);
            }
            return placed;
        } catch (RuntimeException e) {
            try {
                if (placed != null) {
                    placed.close(); // owns the peer, the buffers and the pin by now
                } else {
                    Resources.closeAll(arena, pin);
                }
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The same-pair floor, or null for {@code floor} itself. */
    PairedFloor paired() {
        return paired;
    }

    /**
     * For a benchmark method: one round trip of {@code placed}, or -1 when the trial has stopped (the
     * set-up did not bring up {@code placed}, or an earlier round trip failed). A round trip that
     * times out or finds the peer gone stops {@code outcome} and gives -1 too. Every round trip
     * counts towards the same-pair floor's next block, which runs when one is complete.
     */
    static long roundTripUnlessStopped(PlacedEcho placed, TrialOutcome outcome) {
        if (outcome.stopped()) {
            return -1;
        }
        try {
            long nanos = placed.echo.roundTrip();
            if (placed.paired != null) {
                placed.paired.afterSeries(nanos);
            }
            return nanos;
        } catch (ChannelException e) {
            outcome.stop(e);
            return -1;
        }
    }

    /** Stops the peer (its channel and memory with it), frees the buffers and unpins this thread. */
    @Override
    public void close() {
        Resources.closeAll(paired, peer, arena, pin);
    }
}
