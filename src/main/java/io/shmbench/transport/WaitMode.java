package io.shmbench.transport;

import io.shmbench.ipc.WaitStrategy;

/**
 * How a side waits for the other: benchmarks measure each. The first attempt never waits; this is
 * what happens when it finds nothing to read (or no room to write).
 */
public enum WaitMode {
    /**
     * Sleep until woken. Kernel transports sleep in {@code poll(2)}/{@code epoll_wait(2)} (the
     * kernel's wake-up path); shared-memory transports spin briefly and then park with back-off
     * ({@link WaitStrategy#PARK}), since nothing can wake them. A park oversleeps by the kernel's
     * timer slack (50 us by default), so once a shared-memory wait outlasts the spin phase its round
     * trip measures that slack (about 60 us here), not the memory.
     */
    BLOCK(WaitStrategy.PARK),
    /**
     * Busy-poll: retry the non-blocking operation with {@link Thread#onSpinWait()} between
     * attempts. Lowest latency; each waiting side burns a core.
     */
    SPIN(WaitStrategy.SPIN),
    /**
     * Busy-poll like {@link #SPIN}, but {@link Thread#yield()} between attempts: the waiting side
     * gives its core to any other runnable thread (a system call each time), so it burns less of a
     * loaded machine and reacts a little later.
     */
    YIELD(WaitStrategy.YIELD);

    private final WaitStrategy sharedMemory;

    WaitMode(WaitStrategy sharedMemory) {
        this.sharedMemory = sharedMemory;
    }

    /** The equivalent strategy for a side that polls shared memory. */
    public WaitStrategy sharedMemoryStrategy() {
        return sharedMemory;
    }

    /** True for the modes that retry without sleeping in the kernel ({@link #SPIN}, {@link #YIELD}). */
    public boolean busyPolls() {
        return this != BLOCK;
    }

    /** The mode's command-line word: {@code block}, {@code spin} or {@code yield}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The mode for a command-line word ({@code block}, {@code spin} or {@code yield}), with a clear error. */
    public static WaitMode parse(String word) {
        for (WaitMode mode : values()) {
            if (mode.name().equalsIgnoreCase(word)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown wait mode '" + word + "'; valid: "
                + String.join(", ", java.util.Arrays.stream(values()).map(WaitMode::word).toList()));
    }
}
