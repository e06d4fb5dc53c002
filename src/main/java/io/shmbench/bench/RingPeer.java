package io.shmbench.bench;

import io.shmbench.ring.LapPolicy;
import io.shmbench.ring.PeerStatus;
import io.shmbench.ring.Ring;
import io.shmbench.ring.RingConfig;
import io.shmbench.ring.RingException;
import io.shmbench.ring.RingReader;
import io.shmbench.ring.RingWriter;
import io.shmbench.ring.WaitStrategy;
import io.shmbench.transport.PeerJvm;

import java.io.IOException;
import java.nio.file.Path;

/**
 * This side of a ring benchmark: two rings in /dev/shm, each created with its own
 * {@link RingConfig} (the variant under test), and a {@link RingBenchPeer} in a child JVM
 * ({@link PeerJvm}: same lifetime rules as every peer) that reads the to-peer ring and writes the
 * from-peer ring in one {@link RingPeerRole}. This side holds the to-peer ring's writer and the
 * from-peer ring's reader. Both sides busy-spin while they wait and yield the CPU once a wait
 * outlasts a few microseconds ({@link WaitStrategy#SPIN_THEN_YIELD}): on a machine with fewer free
 * cores than spinning sides (2 vCPUs and anything else running), pure spinning makes every
 * hand-over wait out a scheduler time slice, and a round trip takes milliseconds.
 *
 * <p>{@link #start} returns once the peer has attached to both rings; the ring files are then
 * unlinked (the mappings stay), so nothing is left in /dev/shm even if both processes are killed.
 * {@link #close()} detaches, stops the peer and unmaps; a failed start does the same.
 */
final class RingPeer implements AutoCloseable {
    private final Ring toPeer;
    private final Ring fromPeer;
    private final PeerJvm jvm;
    private final RingWriter writer;
    private final RingReader reader;

    private RingPeer(Ring toPeer, Ring fromPeer, PeerJvm jvm, LapPolicy lapPolicy) {
        this.toPeer = toPeer;
        this.fromPeer = fromPeer;
        this.jvm = jvm;
        this.writer = toPeer.openWriter(WaitStrategy.SPIN_THEN_YIELD);
        this.reader = fromPeer.openReader(WaitStrategy.SPIN_THEN_YIELD, lapPolicy);
    }

    /**
     * Creates the rings, starts the peer and waits (as every benchmark peer is waited for:
     * {@link io.shmbench.bench.peer.PeerJvm#awaitReady(PeerJvm, String, String, java.util.function.BooleanSupplier)})
     * until it has attached to both.
     *
     * @param messageBytes what the peer checks (sink) or writes (paced writer)
     * @param lapPolicy    where this side's reader resumes when an OVERWRITE from-peer ring laps it
     * @param logFile      where the peer's stdout and stderr go (appended)
     * @throws RingException when the peer dies or does not attach in time; the message ends with its log
     */
    static RingPeer start(RingPeerRole role, RingConfig toPeerConfig, RingConfig fromPeerConfig, int messageBytes,
                          LapPolicy lapPolicy, Path logFile) {
        Ring toPeer = Ring.create(toPeerConfig);
        Ring fromPeer = null;
        PeerJvm jvm = null;
        try {
            fromPeer = Ring.create(fromPeerConfig);
            Ring created = fromPeer;
            jvm = PeerJvm.start(RingBenchPeer.class, RingBenchPeer.arguments(role, toPeer.path(), fromPeer.path(), messageBytes),
                    logFile, () -> { // also run by the shutdown hook, should this JVM be stopped while the files exist
                        toPeer.unlink();
                        created.unlink();
                    });
            io.shmbench.bench.peer.PeerJvm.awaitReady(jvm, "the ring peer (pid " + jvm.pid() + ")", "attached to both rings",
                    () -> toPeer.readerStatus(Long.MAX_VALUE) == PeerStatus.ALIVE
                            && created.writerStatus(Long.MAX_VALUE) == PeerStatus.ALIVE);
            toPeer.unlink();
            fromPeer.unlink();
            return new RingPeer(toPeer, fromPeer, jvm, lapPolicy);
        } catch (IOException | RuntimeException e) {
            if (jvm != null) {
                jvm.close();
            }
            release(toPeer);
            release(fromPeer);
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
            jvm.close();
        }
    }
}
