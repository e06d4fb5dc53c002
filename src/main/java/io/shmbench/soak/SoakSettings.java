package io.shmbench.soak;

import java.time.Duration;

/**
 * What a soak run is asked to do.
 *
 * @param duration    the whole run, shared out in time slices over the targets
 * @param killEvery   mean time between writer kills on the ring (each kill falls at a uniformly
 *                    random moment between 0 and twice this after the writer was told to start)
 * @param messageSize largest message in bytes; lengths vary from {@link SoakMessage#MIN_LENGTH} up to it
 *                    (capped at a transport's limit)
 */
public record SoakSettings(Duration duration, Duration killEvery, int messageSize) {
    /** Longest a single send, receive or process wait may take before the slice fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Longest the ring reader may go without a message (a replacement writer is a JVM starting up). */
    public static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    /** Every slice streams at least this long, even when setting it up overran its share. */
    public static final Duration MIN_STREAM = Duration.ofSeconds(1);
    public static final Duration MAX_DURATION = Duration.ofDays(7);
    public static final Duration MIN_KILL_EVERY = Duration.ofMillis(10);
    /** The ring's slots hold one message each; keep one slot to a sane size. */
    public static final int MAX_MESSAGE_SIZE = 1 << 20;

    public SoakSettings {
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("the soak's duration must be above 0 and at most " + MAX_DURATION.toDays()
                    + " days, was " + duration);
        }
        if (killEvery == null || killEvery.compareTo(MIN_KILL_EVERY) < 0 || killEvery.compareTo(duration) > 0) {
            throw new IllegalArgumentException("the kill interval must be at least " + MIN_KILL_EVERY.toMillis()
                    + " ms and at most the soak's duration, was " + killEvery);
        }
        if (messageSize < SoakMessage.MIN_LENGTH || messageSize > MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("the message size must be " + SoakMessage.MIN_LENGTH + ".." + MAX_MESSAGE_SIZE
                    + " bytes (a number and a checksum at least), was " + messageSize);
        }
    }
}
