package io.shmbench.process;

/** A child process exited before it was ready, or was not ready in time ({@link ChildProcess#awaitReady}). */
public final class NotReadyException extends RuntimeException {
    private final boolean timedOut;

    NotReadyException(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    /** True when the child was alive but not ready within its timeout (a "timed out" outcome). */
    public boolean timedOut() {
        return timedOut;
    }
}
