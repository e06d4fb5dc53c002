package io.shmbench.ring;

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

    /** Called after the {@code attempt}-th failed attempt (0-based) of one wait. */
    public abstract void idle(int attempt);
}
