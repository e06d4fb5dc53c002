package io.shmbench.transport;

import io.shmbench.ipc.WaitStrategy;

/**
 * One side's waits: every wait ends at the configured timeout or when the peer is seen dead.
 * Reused for every call (no allocation); the clock is read only once a first attempt has failed,
 * so a message that is already there costs nothing here.
 *
 * <p>Use: {@link #reset()} before an operation, then after each failed attempt either
 * {@link #idle(String)} (busy-poll) or {@link #sleepMillis(String)} (kernel sleep with a bounded
 * slice, so that a dead peer or the deadline is noticed between slices).
 */
final class BoundedWait {
    /** Deadline and peer are checked once per this many spins. */
    private static final int CHECK_EVERY = 64;
    /** Longest kernel sleep between two checks. */
    private static final int MAX_SLEEP_MILLIS = (int) (PeerWatch.CHECK_INTERVAL_NANOS / 1_000_000);

    private final String transport;
    private final long timeoutNanos;
    private final WaitStrategy strategy;
    private final PeerWatch peer;
    private final boolean busyPoll;
    private long deadline;
    private int attempts;

    BoundedWait(String transport, ChannelConfig config, PeerWatch peer) {
        this.transport = transport;
        this.timeoutNanos = config.timeoutNanos();
        this.strategy = config.waitMode().sharedMemoryStrategy();
        this.peer = peer;
        this.busyPoll = config.waitMode().busyPolls();
    }

    /**
     * After a failed non-blocking attempt on a descriptor: idle once per the wait mode's strategy
     * ({@link WaitMode#SPIN}, {@link WaitMode#YIELD}) or sleep in {@code poll(2)} for a bounded slice
     * ({@link WaitMode#BLOCK}).
     */
    void await(NativeFd fd, short events, String waitingFor) {
        if (busyPoll) {
            idle(waitingFor);
        } else {
            fd.poll(events, sleepMillis(waitingFor));
        }
    }

    void reset() {
        attempts = 0;
    }

    /** After a failed non-blocking attempt: idle per the wait mode; throws on deadline or dead peer. */
    void idle(String waitingFor) {
        if (attempts == 0) {
            deadline = System.nanoTime() + timeoutNanos;
        }
        strategy.idle(attempts);
        if (++attempts % CHECK_EVERY == 0) {
            check(waitingFor, System.nanoTime());
        }
    }

    /** After a failed non-blocking attempt: how long to sleep in the kernel now; throws on deadline or dead peer. */
    int sleepMillis(String waitingFor) {
        long now = System.nanoTime();
        if (attempts++ == 0) {
            deadline = now + timeoutNanos;
        } else {
            check(waitingFor, now);
        }
        long remainingMillis = (deadline - now + 999_999) / 1_000_000;
        return (int) Math.max(1, Math.min(remainingMillis, MAX_SLEEP_MILLIS));
    }

    /** While connecting (not measured): checks deadline and peer, then sleeps a millisecond. */
    void pauseForSetup(String waitingFor) {
        long now = System.nanoTime();
        if (attempts++ == 0) {
            deadline = now + timeoutNanos;
        } else {
            check(waitingFor, now);
        }
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
    }

    private void check(String waitingFor, long now) {
        peer.checkAlive(transport, waitingFor, now);
        if (now - deadline > 0) {
            throw new ChannelTimeoutException(transport + ": timed out after " + timeoutNanos / 1_000_000 + " ms waiting "
                    + waitingFor + " (peer pid " + peer.pid() + " is alive but silent)");
        }
    }

    PeerWatch peer() {
        return peer;
    }

    String transport() {
        return transport;
    }
}
