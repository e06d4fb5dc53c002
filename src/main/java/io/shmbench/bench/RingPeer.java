package io.shmbench.bench;

import io.shmbench.ipc.WaitStrategy;
import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.PeerStatus;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingException;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;
import io.shmbench.ring.SlotRelease;
import io.shmbench.process.ChildProcess;
import io.shmbench.process.JavaCommand;
import io.shmbench.transport.Channel;
import io.shmbench.transport.PeerWatch;
import io.shmbench.transport.SamePairFloor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * This side of a ring benchmark: two rings in /dev/shm, each created with its own
 * {@link RingConfig} (the variant under test), and a {@link RingBenchPeer} in a child JVM
 * ({@link ChildProcess}: same lifetime rules as every peer) that reads the to-peer ring and writes the
 * from-peer ring in one {@link RingPeerRole}. This side holds the to-peer ring's writer and the
 * from-peer ring's reader. Both sides busy-spin while they wait and yield the CPU once a wait
 * outlasts a few microseconds ({@link WaitStrategy#SPIN_THEN_YIELD}): on a machine with fewer free
 * cores than spinning sides (2 vCPUs and anything else running), pure spinning makes every
 * hand-over wait out a scheduler time slice, and a round trip takes milliseconds.
 *
 * <p>An echo takes turns with a same-pair floor ({@link SamePairFloor}, {@link PairedFloor}): its
 * segment is created with the rings and the peer attaches to it too. The peer's working thread is
 * pinned where the caller says ({@link CrossCorePin}).
 *
 * <p>{@link #start} returns once the peer has attached to both rings (and the floor); the files are
 * then unlinked (the mappings stay), so nothing is left in /dev/shm even if both processes are
 * killed. {@link #close()} detaches, stops the peer and unmaps; a failed start does the same.
 */
final class RingPeer implements AutoCloseable {
    private final Ring toPeer;
    private final Ring fromPeer;
    private final ChildProcess jvm;
    private final RingWriter writer;
    private final RingReader reader;
    private final Channel floor;

    /**
     * How the two readers of a trial work: where this side's reader resumes when an OVERWRITE
     * from-peer ring laps it, and what both readers do with a slot they have consumed.
     */
    record Readers(LapPolicy lapPolicy, SlotRelease slotRelease) {
        Readers {
            java.util.Objects.requireNonNull(lapPolicy, "lapPolicy");
            java.util.Objects.requireNonNull(slotRelease, "slotRelease");
        }
    }

    private RingPeer(Ring toPeer, Ring fromPeer, ChildProcess jvm, Channel floor, Readers readers) {
        this.toPeer = toPeer;
        this.fromPeer = fromPeer;
        this.jvm = jvm;
        this.floor = floor;
        this.writer = toPeer.openWriter(WaitStrategy.SPIN_THEN_YIELD);
        this.reader = fromPeer.openReader(WaitStrategy.SPIN_THEN_YIELD, readers.lapPolicy(), readers.slotRelease());
    }

    /**
     * Creates the rings, starts the peer and waits ({@link ChildProcess#awaitReady}) until it has
     * attached to both.
     *
     * @param messageBytes what the peer checks (sink) or writes (paced writer)
     * @param readers      how this side's reader and the peer's work: lap policy (this side) and slot release (both)
     * @param logFile      where the peer's stdout and stderr go (appended)
     * @param peerCpu      where the peer pins its working thread, if anywhere
     * @param floorTimeout an echo's same-pair floor waits at most this long (other roles have none)
     * @throws RingException when the peer dies or does not attach in time; the message ends with its log
     */
    static RingPeer start(RingPeerRole role, RingConfig toPeerConfig, RingConfig fromPeerConfig, int messageBytes,
                          Readers readers, Path logFile, OptionalInt peerCpu, Duration floorTimeout) {
        Ring toPeer = Ring.create(toPeerConfig);
        Ring fromPeer = null;
        SamePairFloor floorEnd = null;
        ChildProcess jvm = null;
        try {
            fromPeer = Ring.create(fromPeerConfig);
            floorEnd = role == RingPeerRole.ECHO ? SamePairFloor.prepare(floorTimeout, PairedFloor.PRIME_ROUND_TRIPS) : null;
            Ring created = fromPeer;
            SamePairFloor floorFiles = floorEnd;
            List<String> args = RingBenchPeer.arguments(role, toPeer.path(), fromPeer.path(), messageBytes, readers.slotRelease(), peerCpu,
                    floorEnd == null ? List.of() : floorEnd.peerArgs());
            jvm = ChildProcess.start("the ring peer", new ProcessBuilder(JavaCommand.of(RingBenchPeer.class, List.of(), args)),
                    logFile, () -> { // also run by the shutdown hook, should this JVM be stopped while the files exist
                        toPeer.unlink();
                        created.unlink();
                        if (floorFiles != null) {
                            floorFiles.close();
                        }
                    });
            jvm.awaitReady("attached to both rings", () -> toPeer.readerStatus(Long.MAX_VALUE) == PeerStatus.ALIVE
                    && created.writerStatus(Long.MAX_VALUE) == PeerStatus.ALIVE);
            Channel floor = floorEnd == null ? null : floorEnd.connect(PeerWatch.peer(jvm.handle()));
            toPeer.unlink();
            fromPeer.unlink();
            return new RingPeer(toPeer, fromPeer, jvm, floor, readers);
        } catch (RuntimeException e) {
            if (jvm != null) {
                jvm.close();
            }
            release(toPeer);
            release(fromPeer);
            if (floorEnd != null) {
                floorEnd.close();
            }
            String tail = jvm == null ? "" : jvm.logTail();
            throw new RingException("the ring peer (" + role.word() + ") did not come up: " + e.getMessage() + tail, e);
        }
    }

    private static void release(Ring ring) {
        if (ring != null) {
            ring.unlink();
            ring.close();
        }
    }

    /** Writes messages to the peer. */
    RingWriter writer() {
        return writer;
    }

    /** Reads what the peer writes. */
    RingReader reader() {
        return reader;
    }

    /** This side of an echo's same-pair floor, its peer's ready message received. */
    Channel floor() {
        if (floor == null) {
            throw new IllegalStateException("only an echo peer takes turns with a same-pair floor");
        }
        return floor;
    }

    long pid() {
        return jvm.pid();
    }

    boolean isAlive() {
        return jvm.isAlive();
    }

    /** The end of the peer's log, for error messages (starts with "; its log ..."). */
    String logTail() {
        return jvm.logTail();
    }

    /** Detaches this side, stops the peer and unmaps both rings. Idempotent. */
    @Override
    public void close() {
        try {
            toPeer.close(); // closes the writer and reader opened from them too
            fromPeer.close();
        } finally {
            jvm.close(); // then its clean-up: the floor's channel and segment
        }
    }
}
