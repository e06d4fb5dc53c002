package io.shmbench.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits until a point on an absolute schedule ({@code start + i * period}), so a late wake-up does
 * not push every later event back: the rate holds and lateness shows up as what it is. Parks while
 * far away, then spins the last stretch, because a park oversleeps by the kernel's timer slack
 * (50 us by default).
 */
final class Pacer {
    /** Spin instead of park when the deadline is closer than this. */
    static final long SPIN_NANOS = 100_000;

    private Pacer() {
    }

    /** Returns at {@code deadline} (System.nanoTime) or, if that has passed, at once. */
    static void waitUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
