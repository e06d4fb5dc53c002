package io.shmbench.ring;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.time.Instant;

/**
 * One side's identity and heartbeat in the header (pid, start time, heartbeat): how a side
 * registers, stamps its heartbeat and how the other side judges it ALIVE, STALE or DEAD.
 * The start time tells a dead process from a new one that was given the same pid.
 */
final class Liveness {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final long START_TOLERANCE_MS = 2_000;

    private final MemorySegment memory;
    private final long pidOffset;
    private final long startOffset;
    private final long heartbeatOffset;
    private final String role;

    Liveness(MemorySegment memory, long pidOffset, long startOffset, long heartbeatOffset, String role) {
        this.memory = memory;
        this.pidOffset = pidOffset;
        this.startOffset = startOffset;
        this.heartbeatOffset = heartbeatOffset;
        this.role = role;
    }

    static Liveness writer(MemorySegment memory) {
        return new Liveness(memory, RingLayout.WRITER_PID_OFFSET, RingLayout.WRITER_START_OFFSET,
                RingLayout.WRITER_HEARTBEAT_OFFSET, "writer");
    }

    static Liveness reader(MemorySegment memory) {
        return new Liveness(memory, RingLayout.READER_PID_OFFSET, RingLayout.READER_START_OFFSET,
                RingLayout.READER_HEARTBEAT_OFFSET, "reader");
    }

    /** Claims this side for the current process; refuses when a live process holds it. */
    void register() {
        ProcessHandle me = ProcessHandle.current();
        long previous = (long) LONG.getVolatile(memory, pidOffset);
        if (previous != 0 && status(Long.MAX_VALUE) != PeerStatus.DEAD) {
            throw new RingException("this ring already has a live " + role + " (pid " + previous
                    + "); a ring has exactly one " + role);
        }
        if (!LONG.compareAndSet(memory, pidOffset, previous, me.pid())) {
            throw new RingException("another process attached as " + role + " at the same time (pid "
                    + LONG.getVolatile(memory, pidOffset) + ")");
        }
        LONG.setRelease(memory, startOffset, startMillis(me));
        heartbeat();
    }

    /**
     * Gives this side up, if this process still holds it. Not a compare-and-set: only this process
     * clears its own pid (no other may take the side while it lives), and an interpreted
     * compareAndSet on a page a truncation took away crashes the JVM (unguarded SIGBUS in
     * {@code Unsafe_CompareAndSetLong}), where a volatile load or store raises an InternalError.
     */
    void unregister() {
        long me = ProcessHandle.current().pid();
        if ((long) LONG.getVolatile(memory, pidOffset) == me) {
            LONG.setVolatile(memory, pidOffset, 0L);
        }
    }

    void heartbeat() {
        LONG.setOpaque(memory, heartbeatOffset, System.nanoTime());
    }

    long pid() {
        return (long) LONG.getVolatile(memory, pidOffset);
    }

    long lastHeartbeat() {
        return (long) LONG.getOpaque(memory, heartbeatOffset);
    }

    /** ABSENT, DEAD, STALE (no heartbeat for {@code staleAfterNanos}) or ALIVE. */
    PeerStatus status(long staleAfterNanos) {
        long pid = pid();
        if (pid == 0) {
            return PeerStatus.ABSENT;
        }
        long recordedStart = (long) LONG.getAcquire(memory, startOffset);
        boolean alive = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(h -> recordedStart == 0 || Math.abs(startMillis(h) - recordedStart) <= START_TOLERANCE_MS)
                .orElse(false);
        if (!alive) {
            return PeerStatus.DEAD;
        }
        long age = System.nanoTime() - lastHeartbeat();
        return age > staleAfterNanos ? PeerStatus.STALE : PeerStatus.ALIVE;
    }

    private static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
