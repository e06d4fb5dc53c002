package io.shmbench.transport;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * How a round-trip series and its same-pair floor take turns ({@link SamePairFloor}): blocks of
 * {@code seriesBlock} round trips of the series, each followed by {@code floorBlock} round trips of
 * the floor. The parent chooses it once its priming round trips have shown how long one takes, and
 * sends it to the peer as one {@value #SIZE}-byte message on the series' own channel (two
 * little-endian int32), which the peer echoes like any other.
 *
 * <p>Why blocks of this size: the host moves its vCPUs between fast and slow states within tens of
 * milliseconds, so a series and the floor it is divided by must be measured well inside one such
 * state: a pair of blocks lasts a fraction of a millisecond. Each block must still hold enough round
 * trips for its median to mean something: at least {@value #MIN_SERIES_BLOCK}.
 */
public record FloorSchedule(int seriesBlock, int floorBlock) {
    /** Bytes of the schedule message. */
    public static final int SIZE = 8;
    /** About how long a block of the series should last. */
    public static final long TARGET_SERIES_BLOCK_NANOS = 100_000;
    public static final int MIN_SERIES_BLOCK = 16;
    public static final int MAX_SERIES_BLOCK = 512;
    /** Floor round trips per block: 256 x 100-400 ns, some 25-100 us. */
    public static final int FLOOR_BLOCK = 256;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

    public FloorSchedule {
        if (seriesBlock < 1 || seriesBlock > MAX_SERIES_BLOCK || floorBlock < 1 || floorBlock > FLOOR_BLOCK) {
            throw new IllegalArgumentException("a floor schedule alternates 1.." + MAX_SERIES_BLOCK + " series round trips with 1.."
                    + FLOOR_BLOCK + " floor round trips, not " + seriesBlock + " and " + floorBlock);
        }
    }

    /** The schedule for a series whose round trip takes about {@code medianNanos}. */
    public static FloorSchedule forRoundTrip(long medianNanos) {
        long perBlock = TARGET_SERIES_BLOCK_NANOS / Math.max(1, medianNanos);
        return new FloorSchedule((int) Math.clamp(perBlock, MIN_SERIES_BLOCK, MAX_SERIES_BLOCK), FLOOR_BLOCK);
    }

    /** Writes the {@value #SIZE}-byte schedule message. */
    public void write(MemorySegment message) {
        message.set(INT, 0, seriesBlock);
        message.set(INT, 4, floorBlock);
    }

    /**
     * Reads a schedule message.
     *
     * @throws IllegalStateException when {@code length} is not {@value #SIZE} or the values are out of range:
     *                               the two sides disagree about the protocol
     */
    public static FloorSchedule read(MemorySegment message, int length) {
        if (length != SIZE) {
            throw new IllegalStateException("expected the " + SIZE + "-byte floor schedule after the priming messages, got "
                    + length + " bytes: parent and peer disagree about the priming count");
        }
        try {
            return new FloorSchedule(message.get(INT, 0), message.get(INT, 4));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the floor schedule message is malformed: " + e.getMessage(), e);
        }
    }
}
