package io.shmbench.bench.peer;

/** A benchmark's peer process did not start, did not get ready in time, or died. */
public final class PeerException extends RuntimeException {
    private final boolean timedOut;

    PeerException(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    PeerException(String message, Throwable cause) {
        super(message, cause);
        this.timedOut = false;
    }

    /** True when the peer was alive but not ready within its timeout (a "timed out" outcome). */
    public boolean timedOut() {
        return timedOut;
    }
}
