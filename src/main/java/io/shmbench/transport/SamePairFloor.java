package io.shmbench.transport;

import io.shmbench.ipc.ChannelException;
import io.shmbench.ipc.PeerGoneException;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The floor (one cache line bounced between two processes, {@link FloorChannel}) measured by the
 * same two processes as a round-trip series, in turns with it, so the series can be read as a
 * multiple of a floor measured at the same moment on the same CPUs.
 *
 * <p>Why: the host moves its vCPUs between a fast and a slow state within tens of milliseconds (one
 * cache-line round trip: about 130 ns or 370 ns). A floor measured in another fork, seconds away,
 * can be in the other state, and the multiple is then off by up to 3x either way. Measured in turns
 * a fraction of a millisecond apart, both sides of the ratio see the same state.
 *
 * <p>The protocol, with no control messages beyond one: the peer echoes {@code primeMessages}
 * messages of the series (the parent times them), then one {@link FloorSchedule} message, which it
 * echoes too; from then on both sides follow the schedule: {@code seriesBlock} echoes of the series,
 * then {@code floorBlock} round trips of the floor, and again. Both sides count, so neither needs to
 * tell the other when to switch, and a series that blocks in the kernel (a socket, a pipe) can take
 * part: the peer is never asked to watch two things at once.
 *
 * <p>The parent {@link #prepare}s the floor's segment before it starts the peer, passes
 * {@link #peerArgs} on its command line, and {@link #connect}s once the peer runs; the peer
 * {@link #attach}es, then runs {@link #echo}. The floor busy-polls on both sides
 * ({@link WaitMode#SPIN}), whatever the series does: it is the yardstick.
 */
public final class SamePairFloor implements AutoCloseable {
    /** The peer's command-line option naming the floor's segment. */
    public static final String SEGMENT_OPTION = "--floor-segment";
    /** The peer's command-line option giving the number of priming messages before the schedule. */
    public static final String PRIME_OPTION = "--floor-prime";

    private final ParentEnd end;
    private final int primeMessages;
    private Channel channel;

    private SamePairFloor(ParentEnd end, int primeMessages) {
        this.end = end;
        this.primeMessages = primeMessages;
    }

    /**
     * Parent side: creates the floor's segment (owner-only, in /dev/shm like every segment).
     *
     * @param timeout       longest wait of any floor round trip
     * @param primeMessages series messages the peer echoes before the schedule message
     */
    public static SamePairFloor prepare(Duration timeout, int primeMessages) {
        if (primeMessages < 0) {
            throw new IllegalArgumentException("priming messages must be >= 0, was " + primeMessages);
        }
        return new SamePairFloor(new FloorTransport().prepare(config(timeout)), primeMessages);
    }

    private static ChannelConfig config(Duration timeout) {
        return new ChannelConfig(0, timeout, WaitMode.SPIN, ChannelConfig.DEFAULT_DEPTH);
    }

    /** The peer's arguments: the segment and the priming count. */
    public List<String> peerArgs() {
        return List.of(SEGMENT_OPTION, end.peerArgs().getFirst(), PRIME_OPTION, Integer.toString(primeMessages));
    }

    /**
     * Parent side, once the peer has attached ({@link #attach}): opens this side, waits for the peer's
     * ready message and removes the segment's name (the mappings stay).
     *
     * @throws ChannelException when the peer is gone or silent
     */
    public Channel connect(PeerWatch peer) {
        channel = end.connect(peer);
        channel.receive(MemorySegment.NULL);
        end.peerConnected();
        return channel;
    }

    /** Closes this side's channel and removes the segment if it is still there. Idempotent. */
    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            end.close();
        }
    }

    /** Peer side: maps the parent's floor segment and says it is ready. */
    public static Channel attach(Path segment, PeerWatch parent, Duration timeout) {
        Channel floor = new FloorTransport().openPeer(List.of(segment.toString()), config(timeout), parent);
        try {
            floor.send(MemorySegment.NULL, 0);
            return floor;
        } catch (RuntimeException e) {
            floor.close();
            throw e;
        }
    }

    /** One message of the series, taken apart so the schedule can be read before it is echoed. */
    public interface EchoStep {
        /** Waits for the next message of the series; returns its length. */
        int receive();

        /** The message just received (valid until {@link #reply}). */
        MemorySegment message();

        /** Sends the message just received back, unchanged. */
        void reply(int length);
    }

    /**
     * Peer side: echoes the series and bounces the floor per the schedule until the parent goes
     * (a {@link PeerGoneException} from either channel, or whatever the series' own end throws).
     */
    public static void echo(EchoStep series, Channel floor, int primeMessages) {
        for (int i = 0; i < primeMessages; i++) {
            series.reply(series.receive());
        }
        int length = series.receive();
        FloorSchedule schedule = FloorSchedule.read(series.message(), length);
        series.reply(length);
        MemorySegment none = MemorySegment.NULL;
        while (true) {
            for (int i = 0; i < schedule.seriesBlock(); i++) {
                series.reply(series.receive());
            }
            for (int i = 0; i < schedule.floorBlock(); i++) {
                floor.receive(none);
                floor.send(none, 0);
            }
        }
    }

    @Override
    public String toString() {
        return "SamePairFloor" + end.peerArgs();
    }
}
