package io.shmbench.transport;

import java.time.Duration;

/**
 * What both ends of a channel agree on. The parent passes it to the peer on its command line.
 *
 * @param maxMessageSize largest message in bytes; shared-memory transports size their slots by it
 * @param timeout        longest any one blocking call waits
 * @param waitMode       sleep in the kernel or busy-poll
 * @param depth          messages in flight per direction for transports with a fixed capacity
 *                       (ring slots, queue length); kernel byte streams ignore it
 */
public record ChannelConfig(int maxMessageSize, Duration timeout, WaitMode waitMode, int depth) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_DEPTH = 64;
    /** Connecting waits for a JVM to start, on a machine that may be loaded: at least this long. */
    public static final Duration MIN_SETUP_TIMEOUT = Duration.ofSeconds(60);

    public ChannelConfig {
        if (maxMessageSize < 0) {
            throw new IllegalArgumentException("maxMessageSize must be >= 0, was " + maxMessageSize);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (waitMode == null) {
            throw new IllegalArgumentException("waitMode must be given");
        }
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, was " + depth);
        }
    }

    /** Blocking waits, a 30 s timeout and a depth of 64. */
    public static ChannelConfig of(int maxMessageSize) {
        return new ChannelConfig(maxMessageSize, DEFAULT_TIMEOUT, WaitMode.BLOCK, DEFAULT_DEPTH);
    }

    public ChannelConfig withTimeout(Duration value) {
        return new ChannelConfig(maxMessageSize, value, waitMode, depth);
    }

    public ChannelConfig withWaitMode(WaitMode value) {
        return new ChannelConfig(maxMessageSize, timeout, value, depth);
    }

    public ChannelConfig withDepth(int value) {
        return new ChannelConfig(maxMessageSize, timeout, waitMode, value);
    }

    public long timeoutNanos() {
        return timeout.toNanos();
    }

    /** How long connecting may take: the timeout, but at least {@link #MIN_SETUP_TIMEOUT}. */
    public Duration setupTimeout() {
        return timeout.compareTo(MIN_SETUP_TIMEOUT) > 0 ? timeout : MIN_SETUP_TIMEOUT;
    }

    /** This config with {@link #setupTimeout()} as its timeout, for the waits while connecting. */
    ChannelConfig forSetup() {
        return withTimeout(setupTimeout());
    }
}
