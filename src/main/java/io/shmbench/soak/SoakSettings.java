package io.shmbench.soak;

import io.shmbench.message.MessageChecksum;

import java.time.Duration;

/**
 * What a soak run is asked to do.
 *
 * @param duration    the whole run, shared out in time slices over the targets
 * @param killEvery   mean time between writer kills on the ring (each kill falls at a uniformly
 *                    random moment between 0 and twice this after the writer was told to start)
 * @param messageSize largest message in bytes; lengths vary from {@link #MIN_MESSAGE_SIZE} up to it
 *                    (capped at a transport's limit), a pseudo-random function of the message's number ({@link #lengthOf})
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
    /** The soak sends sealed messages: number, stamp and checksum at least. */
    public static final int MIN_MESSAGE_SIZE = MessageChecksum.MIN_SEALED_LENGTH;

    public SoakSettings {
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("the soak's duration must be above 0 and at most " + MAX_DURATION.toDays()
                    + " days, was " + duration);
        }
        if (killEvery == null || killEvery.compareTo(MIN_KILL_EVERY) < 0 || killEvery.compareTo(duration) > 0) {
            throw new IllegalArgumentException("the kill interval must be at least " + MIN_KILL_EVERY.toMillis()
                    + " ms and at most the soak's duration, was " + killEvery);
        }
        if (messageSize < MIN_MESSAGE_SIZE || messageSize > MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("the message size must be " + MIN_MESSAGE_SIZE + ".." + MAX_MESSAGE_SIZE
                    + " bytes (a number, a stamp and a checksum at least), was " + messageSize);
        }
    }

    /**
     * The length of message {@code number} when the largest is {@code largest}: pseudo-random in
     * {@code MIN_MESSAGE_SIZE..largest}, so every size is exercised and a whole message of the right
     * number but the wrong length is caught too.
     */
    public static int lengthOf(long number, int largest) {
        // SplitMix64's finaliser: a cheap, well-spread 64-bit mix
        long z = number;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return MIN_MESSAGE_SIZE + (int) Long.remainderUnsigned(z, largest - MIN_MESSAGE_SIZE + 1);
    }
}
