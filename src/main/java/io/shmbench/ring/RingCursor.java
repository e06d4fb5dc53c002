package io.shmbench.ring;

import io.shmbench.ipc.PeerGoneException;
import io.shmbench.ipc.WaitStrategy;

import java.lang.foreign.MemorySegment;

/**
 * What the writer and the reader share: the ring's geometry resolved into final fields, the slot
 * index arithmetic (mask for a power-of-two count, modulo otherwise) and the checks of a bounded wait.
 */
abstract sealed class RingCursor implements AutoCloseable permits RingWriter, RingReader {
    /** A wait looks at its deadline once per this many failed attempts. */
    static final int CHECK_EVERY = 64;
    /**
     * A wait stamps its own heartbeat and asks whether the peer process is alive at most this often:
     * the liveness check reads /proc, far too slow to do every {@link #CHECK_EVERY} spins of a
     * latency-critical wait.
     */
    static final long PEER_CHECK_INTERVAL_NANOS = 10_000_000;
    /** Each side stamps its heartbeat once per this many messages (a power of two). */
    static final long HEARTBEAT_EVERY = 1024;
    /** Used when a wait has no stale timeout of its own. */
    static final long DEFAULT_STALE_AFTER_NANOS = 1_000_000_000L;

    final Ring ring;
    final MemorySegment memory;
    final OrderedAccess access;
    final WaitStrategy waitStrategy;
    final int slotCount;
    final int slotSize;
    final int maxPayload;
    final boolean powerOfTwo;
    final long mask;
    final boolean cacheRemoteIndex;
    final long readIndexOffset;
    final Liveness self;
    final Liveness peer;
    /** Payload views, one per slot, made once so the hot path allocates nothing. */
    final MemorySegment[] payloads;
    private final long peerIndexOffset;
    private long peerProgressSeen;
    private long peerProgressAt;
    private long nextPeerCheck;
    private boolean closed;

    RingCursor(Ring ring, WaitStrategy waitStrategy, Liveness self, Liveness peer, boolean writer) {
        RingConfig config = ring.config();
        this.ring = ring;
        this.memory = ring.memory();
        this.access = OrderedAccess.of(config.memoryOrder());
        this.waitStrategy = waitStrategy;
        this.slotCount = config.slotCount();
        this.slotSize = config.slotSize();
        this.maxPayload = config.maxPayload();
        this.powerOfTwo = Integer.bitCount(slotCount) == 1;
        this.mask = slotCount - 1L;
        this.cacheRemoteIndex = config.cacheRemoteIndex();
        this.readIndexOffset = RingLayout.readIndexOffset(config.padding());
        this.self = self;
        this.peer = peer;
        this.peerIndexOffset = writer ? readIndexOffset : RingLayout.WRITE_INDEX_OFFSET;
        this.payloads = new MemorySegment[slotCount];
        for (int slot = 0; slot < slotCount; slot++) {
            payloads[slot] = memory.asSlice(RingLayout.slotOffset(slot, slotSize) + RingLayout.SLOT_HEADER_SIZE, maxPayload);
        }
        self.register();
        // Where the peer stands now is no sign of life; only a later move is (see peerStatus).
        this.peerProgressSeen = (long) OrderedAccess.LONG.getAcquire(memory, peerIndexOffset);
        this.nextPeerCheck = System.nanoTime();
    }

    /**
     * The slot of message {@code n}. Callers that also need the slot's offset take it from this
     * ({@link RingLayout#slotOffset}) rather than compute it again: with a slot count that is not a
     * power of two this is a division, and an ordered load or fence in between keeps the JIT from
     * sharing the two (Q3 compares mask against modulo).
     */
    final int slotOf(long n) {
        return (int) (powerOfTwo ? n & mask : n % slotCount);
    }

    /** Largest message this ring carries. */
    public final int maxPayload() {
        return maxPayload;
    }

    /** Stamps this side's heartbeat; a side that is idle on purpose calls it to stay ALIVE. */
    public final void heartbeat() {
        try {
            self.heartbeat();
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    /**
     * The other side's status. A side shows life by its heartbeat or by moving its index, so a
     * peer that keeps publishing between heartbeats is not called STALE; one that does neither for
     * {@code staleAfterNanos} is.
     */
    public PeerStatus peerStatus(long staleAfterNanos) {
        ring.checkNotTruncated();
        try {
            return peerStatusOf(staleAfterNanos);
        } catch (InternalError e) {
            throw ring.explainFault(e);
        }
    }

    private PeerStatus peerStatusOf(long staleAfterNanos) {
        PeerStatus status = peer.status(staleAfterNanos);
        long now = System.nanoTime();
        long progress = (long) OrderedAccess.LONG.getAcquire(memory, peerIndexOffset);
        if (progress != peerProgressSeen) {
            peerProgressSeen = progress;
            peerProgressAt = now;
        }
        if (status == PeerStatus.STALE && peerProgressAt != 0 && now - peerProgressAt <= staleAfterNanos) {
            return PeerStatus.ALIVE;
        }
        return status;
    }

    /**
     * Whether the wait may go on: throws on a dead peer, a truncated segment (a side waiting on a
     * slot the truncation left in place would otherwise wait out its whole timeout) or at the
     * deadline. A peer that died is reported as such even when its death is noticed only at the deadline.
     */
    final void checkWhileWaiting(long deadline, String what) {
        ensureOpen();
        long now = System.nanoTime();
        boolean late = now - deadline > 0;
        if (late || now - nextPeerCheck >= 0) {
            nextPeerCheck = now + PEER_CHECK_INTERVAL_NANOS;
            ring.checkNotTruncated();
            self.heartbeat();
            if (peer.status(Long.MAX_VALUE) == PeerStatus.DEAD) {
                throw new PeerGoneException("the " + peerRole() + " process (pid " + peer.pid() + ") died while waiting "
                        + what + " on " + ring.path());
            }
        }
        if (late) {
            throw new RingTimeoutException("timed out waiting " + what + " on " + ring.path()
                    + " (" + peerRole() + " is " + peer.status(DEFAULT_STALE_AFTER_NANOS) + ")");
        }
    }

    abstract String peerRole();

    final void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this " + (peerRole().equals("reader") ? "writer" : "reader") + " is closed");
        }
    }

    /**
     * Detaches this side (the other side then sees it ABSENT); the ring itself stays open. Idempotent.
     * On a truncated segment it only forgets the cursor: the header is gone with the file's pages.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                if (ring.intact()) {
                    detach();
                    self.unregister();
                }
            } catch (InternalError e) {
                ring.explainFault(e); // rethrows it unless the file was cut after the check: nothing left to detach from
            } finally {
                ring.closed(this);
            }
        }
    }

    /** What this side publishes before it leaves. */
    void detach() {
    }
}
