package io.shmbench.transport;

import io.shmbench.ipc.PeerGoneException;

/**
 * Whether the process on the other side is still alive, asked at most once per
 * {@link #CHECK_INTERVAL_NANOS} so that a wait loop can call {@link #checkAlive} freely.
 * Transports whose kernel reports a dead peer (EOF, EPIPE) need it only as a back-stop;
 * shared-memory transports and message queues rely on it.
 */
public final class PeerWatch {
    /** How often the peer's liveness is actually looked up while waiting. */
    public static final long CHECK_INTERVAL_NANOS = 100_000_000L;

    private final ProcessHandle process;
    private final String role;
    private long checkedAt;
    private boolean dead;

    private PeerWatch(ProcessHandle process, String role) {
        this.process = process;
        this.role = role;
        this.checkedAt = System.nanoTime();
    }

    /** Watches the peer process a parent started. */
    public static PeerWatch peer(ProcessHandle process) {
        return new PeerWatch(process, "peer");
    }

    /** Watches the parent of this (peer) process. */
    public static PeerWatch parent(ProcessHandle process) {
        return new PeerWatch(process, "parent");
    }

    public long pid() {
        return process.pid();
    }

    /** True once the process was seen dead; looks it up only when the last look is older than the interval. */
    public boolean isDead(long now) {
        if (!dead && now - checkedAt >= CHECK_INTERVAL_NANOS) {
            checkedAt = now;
            dead = !process.isAlive();
        }
        return dead;
    }

    /** Throws {@link PeerGoneException} when the process was seen dead. */
    public void checkAlive(String transport, String waitingFor, long now) {
        if (isDead(now)) {
            throw gone(transport, waitingFor);
        }
    }

    /** The error for a peer that closed its end or died while this side was waiting. */
    public PeerGoneException gone(String transport, String waitingFor) {
        String state = process.isAlive() ? "closed its end of the channel" : "died";
        return new PeerGoneException(transport + ": the " + role + " process (pid " + process.pid() + ") " + state
                + " while waiting " + waitingFor);
    }
}
