package io.shmbench.ipc;

import java.util.concurrent.locks.LockSupport;

/** What a side does between two unsuccessful attempts; every wait still has a deadline. */
public enum WaitStrategy {
    /** Busy spin with {@link Thread#onSpinWait()}: lowest latency, burns a core. */
    SPIN {
        @Override
        public void idle(int attempt) {
            Thread.onSpinWait();
        }
    },
    /** {@link Thread#yield()}: gives the core away when another thread wants it. */
    YIELD {
        @Override
        public void idle(int attempt) {
            Thread.yield();
        }
    },
    /**
     * Busy spin for the first {@value #SPIN_ATTEMPTS} attempts, then {@link Thread#yield()}: as
     * fast as SPIN while the other side answers within microseconds; when it does not (it waits
     * for this very CPU, or lost its own), the CPU goes to it instead of a whole time slice being
     * burnt. With fewer free cores than spinning sides, pure SPIN turns every hand-over into a
     * scheduler time slice (milliseconds).
     */
    SPIN_THEN_YIELD {
        @Override
        public void idle(int attempt) {
            if (attempt < SPIN_ATTEMPTS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    },
    /** Spin briefly, then park with exponential back-off from 1 us up to 1 ms. */
    PARK {
        @Override
        public void idle(int attempt) {
            if (attempt < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(1_000L << Math.min(attempt - 100, 10));
            }
        }
    };

    /** Attempts {@link #SPIN_THEN_YIELD} spins before it yields: some microseconds of PAUSE. */
    public static final int SPIN_ATTEMPTS = 1024;

    /** Called after the {@code attempt}-th failed attempt (0-based) of one wait. */
    public abstract void idle(int attempt);
}
